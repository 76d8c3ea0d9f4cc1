/// What the runtime needs from a terminal. The ncurses adapter implements it; tests use
/// a fake that feeds keys and records grids.
public protocol TerminalDevice: AnyObject {
    var width: Int { get }
    var height: Int { get }
    /// Shows `grid`. Only cells that differ from the last frame reach the terminal
    /// unless `full` is set (Ctrl-L, after a resize).
    func present(_ grid: Grid, full: Bool)
    /// Waits up to `timeoutMilliseconds` for input.
    func readInput(timeoutMilliseconds: Int) -> TerminalInput
    /// Draws with another theme from the next frame on.
    func apply(theme: Theme)
    /// Gives the terminal back to the shell until the user resumes the program (Ctrl-Z).
    func suspend()
}

/// What the terminal reports.
public enum TerminalInput: Equatable, Sendable {
    case key(Key)
    case resized(width: Int, height: Int)
    /// Nothing arrived within the timeout.
    case timeout
    /// The terminal went away (closed SSH session, SIGHUP, SIGTERM): end now.
    case hangup
}
