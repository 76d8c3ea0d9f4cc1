import Foundation

/// What happens to the console: input, time passing, data arriving.
public enum ConsoleEvent: Equatable, Sendable {
    case key(Key)
    /// The clock moved (once a second).
    case tick(Date)
    case resized(width: Int, height: Int)
    /// A window of the inbox arrived from the store.
    case loaded(InboxSnapshot)
    /// Another process (or this one) committed to the store.
    case storeChanged
}

/// What `update` asks the runtime to do: I/O stays outside the pure update.
public enum ConsoleEffect: Equatable, Sendable {
    /// Load `limit` inbox rows from `offset`, with the totals.
    case load(offset: Int, limit: Int)
    /// Repaint every cell (Ctrl-L), not only the changed ones.
    case redrawAll
    case quit
}
