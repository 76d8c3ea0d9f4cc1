/// The channel a citizen's message arrived through. The raw values are stored in the
/// database and accepted on the command line.
public enum SourceKind: String, CaseIterable, Sendable, Codable {
    case vk
    case ok
    case telegram
    case pos
    case email
    case open311

    /// Formal appeals (59-ФЗ) arrive through the feedback platform; everything else is a
    /// social-network or legacy message with regional deadlines.
    public var isFormalAppeal: Bool { self == .pos }
}
