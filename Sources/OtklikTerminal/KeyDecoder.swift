import CNcurses
import OtklikConsole

/// Turns what `wget_wch` returns into console keys.
enum KeyDecoder {
    static func function(_ code: Int32, width: Int, height: Int) -> TerminalInput {
        switch code {
        case otk_key_resize(): return .resized(width: width, height: height)
        case KEY_UP: return .key(.up)
        case KEY_DOWN: return .key(.down)
        case KEY_LEFT: return .key(.left)
        case KEY_RIGHT: return .key(.right)
        case KEY_HOME: return .key(.home)
        case KEY_END: return .key(.end)
        case KEY_PPAGE: return .key(.pageUp)
        case KEY_NPAGE: return .key(.pageDown)
        case KEY_ENTER: return .key(.enter)
        case KEY_BACKSPACE: return .key(.backspace)
        case KEY_F0 + 1...KEY_F0 + 12: return .key(.function(Int(code - KEY_F0)))
        default: return .timeout
        }
    }

    static func character(_ value: UInt32) -> TerminalInput {
        switch value {
        case 10, 13: return .key(.enter)
        case 27: return .key(.escape)
        case 9: return .key(.tab)
        case 8, 127: return .key(.backspace)
        case 1...26: return .key(.control(Character(Unicode.Scalar(value + 96)!)))
        default:
            guard let scalar = Unicode.Scalar(value), value >= 32 else { return .timeout }
            return .key(.character(Character(scalar)))
        }
    }
}
