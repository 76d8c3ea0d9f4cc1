/// One terminal cell. A wide character occupies its cell and a continuation cell after
/// it (`isContinuation`), which the terminal adapter skips.
public struct Cell: Equatable, Sendable {
    public var character: Character
    public var role: StyleRole
    public var isContinuation: Bool

    public init(_ character: Character = " ", role: StyleRole = .normal, isContinuation: Bool = false) {
        self.character = character
        self.role = role
        self.isContinuation = isContinuation
    }

    public static let blank = Cell()
}
