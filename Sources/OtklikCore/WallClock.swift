import Foundation

/// Where the domain gets "now" from. The core never reads the system clock itself,
/// so every deadline and countdown can be computed and tested for any moment.
public protocol WallClock: Sendable {
    var now: Date { get }
}

/// The real clock, for executables.
public struct SystemClock: WallClock {
    public init() {}
    public var now: Date { Date() }
}

/// A clock stopped at one instant, for tests and reproducible demo data.
public struct FixedClock: WallClock {
    public let now: Date
    public init(_ now: Date) { self.now = now }
}
