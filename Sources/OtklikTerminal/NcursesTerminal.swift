import CNcurses
import Foundation
import OtklikConsole

/// The console's terminal: ncursesw in raw mode, drawing grids and decoding keys.
///
/// Only this module imports ncurses. One instance per process; all calls from one thread.
public final class NcursesTerminal: TerminalDevice {
    public enum StartError: Error, CustomStringConvertible {
        case noTerminal(String)
        public var description: String {
            switch self {
            case .noTerminal(let term): "cannot open the terminal (TERM=\(term)); tried xterm-256color, xterm and vt100 too"
            }
        }
    }

    private var theme: Theme
    private let useColor: Bool
    /// Whether the locale is UTF-8 (after the fallback to C.UTF-8); without it Cyrillic
    /// cannot be shown at all.
    public let isUTF8: Bool
    private var styleCache: [StyleRole: (attr: attr_t, pair: Int32)] = [:]
    private var quickErrors = 0
    private var screen: OpaquePointer?
    public private(set) var termName: String

    /// Starts curses. `environment` decides the fallbacks: TERM, NO_COLOR, ESCDELAY, SSH_TTY.
    public init(theme: Theme, environment: [String: String] = ProcessInfo.processInfo.environment) throws {
        self.theme = theme
        isUTF8 = Self.setUpLocale()
        // Take the size from the tty (ioctl) even when LINES/COLUMNS are exported, which
        // would otherwise freeze it (htop #383). (use_env(FALSE) would instead ignore the
        // window size altogether and use terminfo's 80×24.)
        use_tioctl(true)

        let requested = environment["TERM"].flatMap { $0.isEmpty ? nil : $0 }
        var opened: OpaquePointer?
        var name = requested ?? "xterm-256color"
        for candidate in [requested, "xterm-256color", "xterm", "vt100"].compactMap({ $0 }) {
            if let s = otk_newterm(candidate) {
                opened = s
                name = candidate
                break
            }
        }
        guard let opened else { throw StartError.noTerminal(requested ?? "") }
        screen = opened
        termName = name
        atexit { endwin() }
        SignalFlag.install()

        raw()  // Ctrl-S/Ctrl-Q are keys, not flow control; Ctrl-C arrives as a key
        noecho()
        nonl()
        _ = otk_keypad(1)
        _ = otk_leaveok(1)
        curs_set(0)
        // Home and End differ between terminals (tig #822): teach ncurses the common
        // variants so they never arrive as a bare Esc (which would cancel a prompt).
        for (sequence, code) in [("\u{1B}[1~", KEY_HOME), ("\u{1B}[7~", KEY_HOME), ("\u{1B}[H", KEY_HOME), ("\u{1B}OH", KEY_HOME),
                                 ("\u{1B}[4~", KEY_END), ("\u{1B}[8~", KEY_END), ("\u{1B}[F", KEY_END), ("\u{1B}OF", KEY_END)] {
            if key_defined(sequence) == 0 { define_key(sequence, code) }
        }
        if environment["ESCDELAY"] == nil {
            // Short locally so Esc feels instant; longer over SSH so arrow keys are not split.
            set_escdelay(environment["SSH_TTY"] == nil ? 25 : 100)
        }
        let noColor = !(environment["NO_COLOR"] ?? "").isEmpty
        if !noColor && has_colors() {
            start_color()
            use_default_colors()  // keep the terminal's own background
            useColor = otk_colors() >= 8
        } else {
            useColor = false
        }
    }

    /// Calls `setlocale`, falling back to C.UTF-8 when the user's locale is not UTF-8.
    static func setUpLocale() -> Bool {
        setlocale(LC_ALL, "")
        if otk_codeset_is_utf8() != 0 { return true }
        setlocale(LC_CTYPE, "C.UTF-8")
        return otk_codeset_is_utf8() != 0
    }

    public func apply(theme: Theme) {
        self.theme = theme
        styleCache = [:]
    }

    /// Ctrl-Z: restore the terminal, stop (the shell's job control takes over), and
    /// on `fg` take the terminal back; the caller repaints everything.
    public func suspend() {
        endwin()
        raise(SIGTSTP)
        _ = otk_clearok(1)
        doupdate()
    }

    /// Restores the terminal. Safe to call more than once.
    public func shutdown() {
        guard let s = screen else { return }
        endwin()
        delscreen(s)
        screen = nil
    }

    deinit { shutdown() }

    /// The signal that ended the session (SIGHUP, SIGTERM, SIGINT), or nil.
    public var terminationSignal: Int32? { SignalFlag.pending == 0 ? nil : SignalFlag.pending }

    /// How long ncurses waits after ESC for the rest of a key's sequence, in ms.
    public var escapeDelay: Int { Int(get_escdelay()) }

    /// Whether colours are in use (not with NO_COLOR or a monochrome terminal).
    public var usesColor: Bool { useColor }

    public var width: Int { Int(otk_cols()) }
    public var height: Int { Int(otk_lines()) }

    public func present(_ grid: Grid, full: Bool) {
        if full { _ = otk_clearok(1) }
        var buffer: [wchar_t] = []
        buffer.reserveCapacity(grid.width * 2)
        let rows = min(grid.height, height)
        let columns = min(grid.width, width)
        for y in 0..<rows {
            var x = 0
            while x < columns {
                let role = grid[x, y].role
                let start = x
                buffer.removeAll(keepingCapacity: true)
                while x < columns && grid[x, y].role == role {
                    let cell = grid[x, y]
                    if !cell.isContinuation {
                        for scalar in cell.character.unicodeScalars { buffer.append(wchar_t(bitPattern: scalar.value)) }
                    }
                    x += 1
                }
                let (attr, pair) = style(role)
                buffer.withUnsafeBufferPointer { pointer in
                    _ = otk_put(Int32(y), Int32(start), pointer.baseAddress, Int32(pointer.count), attr, pair)
                }
            }
        }
        _ = otk_noutrefresh()
        doupdate()
    }

    private func style(_ role: StyleRole) -> (attr_t, Int32) {
        if let cached = styleCache[role] { return cached }
        let s = theme.style(for: role, color: useColor)
        var attr = otk_a_normal()
        if s.bold { attr |= otk_a_bold() }
        if s.underline { attr |= otk_a_underline() }
        if s.reverse { attr |= otk_a_reverse() }
        var pair: Int32 = 0
        if useColor && (s.foreground != .terminalDefault || s.background != .terminalDefault) {
            pair = alloc_pair(colorNumber(s.foreground), colorNumber(s.background))
            if pair < 0 { pair = 0 }
        }
        styleCache[role] = (attr, pair)
        return (attr, pair)
    }

    /// The colour number for ncurses. The terminal's palette is never redefined
    /// (`init_color`): 256 colours or more get the xterm-256 index, fewer the
    /// eight-colour fallback. A direct-colour terminfo (`xterm-direct`, COLORS = 2^24)
    /// reads numbers from 8 (or 16) up as 0xRRGGBB, so there an index would come out as
    /// some dark blue: it gets the 24-bit value instead.
    private func colorNumber(_ color: ThemeColor) -> Int32 {
        let colors = otk_colors()
        switch color {
        case .terminalDefault:
            return -1
        case .ansi(let c):
            return Int32(c.rawValue)
        case .indexed(let index, let fallback), .rgb(_, _, _, let index, let fallback):
            if colors >= 0x100_0000, let (red, green, blue) = color.trueColor {
                // Values below 16 would name palette colours; #000000–#00000f become #000010.
                return max(16, Int32(red) << 16 | Int32(green) << 8 | Int32(blue))
            }
            return colors >= 256 ? Int32(index) : Int32(fallback.rawValue)
        }
    }

    /// A SIGWINCH that lands while ncurses waits out an escape sequence can be lost (seen
    /// in tmux: the screen kept its old size). When idle, compare the tty's real size with
    /// ncurses' idea of it and resize ourselves if they differ.
    private func missedResize() -> TerminalInput? {
        var rows: Int32 = 0
        var cols: Int32 = 0
        guard otk_tty_size(&rows, &cols) != 0, rows != otk_lines() || cols != otk_cols() else { return nil }
        resize_term(rows, cols)
        return .resized(width: Int(cols), height: Int(rows))
    }

    public func readInput(timeoutMilliseconds: Int) -> TerminalInput {
        if SignalFlag.pending != 0 { return .hangup }
        otk_timeout(Int32(timeoutMilliseconds))
        var wide: wint_t = 0
        let started = DispatchTime.now().uptimeNanoseconds
        let result = otk_get_wch(&wide)
        if SignalFlag.pending != 0 { return .hangup }
        if result == otk_err() {
            // A closed SSH session makes input fail at once, forever: without this the
            // loop would spin at 100 % CPU.
            let elapsed = (DispatchTime.now().uptimeNanoseconds - started) / 1_000_000
            if timeoutMilliseconds > 20 && elapsed < UInt64(timeoutMilliseconds / 4) {
                quickErrors += 1
                if quickErrors >= 20 { return .hangup }
            } else {
                quickErrors = 0
            }
            return missedResize() ?? .timeout
        }
        quickErrors = 0
        if result == otk_key_code_yes() {
            return KeyDecoder.function(Int32(wide), width: width, height: height)
        }
        return KeyDecoder.character(UInt32(wide))
    }
}
