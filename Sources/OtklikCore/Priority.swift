/// How urgent an incident is. "Important" incidents get the shorter regional deadline.
public enum Priority: String, CaseIterable, Sendable, Codable, Comparable {
    case low
    case normal
    case high
    case critical

    private var rank: Int {
        switch self {
        case .low: 0
        case .normal: 1
        case .high: 2
        case .critical: 3
        }
    }

    public static func < (a: Priority, b: Priority) -> Bool { a.rank < b.rank }
}
