/// Citizens' text is untrusted: it may carry terminal escape sequences (CSI colour codes,
/// OSC 52 clipboard writes), other control characters, or bidi overrides that reorder
/// what an operator sees. These functions make such text inert before it is displayed.
public enum UntrustedText {
    /// Text safe to place on one line of a terminal: control characters become visible
    /// symbols (ESC shows as ␛), line breaks and tabs become spaces, bidi controls and
    /// C1 controls become U+FFFD.
    public static func oneLine(_ text: String) -> String {
        render(text, keepLineBreaks: false)
    }

    /// The same, keeping line breaks (`\n`) for multi-line views; `\r\n` and `\r` count as
    /// line breaks too.
    public static func multiLine(_ text: String) -> String {
        render(text, keepLineBreaks: true)
    }

    /// Whether `scalar` must never reach a terminal as it is.
    public static func isUnsafe(_ scalar: Unicode.Scalar) -> Bool {
        let v = scalar.value
        return v < 0x20 || v == 0x7F || (0x80...0x9F).contains(v) || isBidiControl(v)
    }

    static func isBidiControl(_ v: UInt32) -> Bool {
        (0x202A...0x202E).contains(v) || (0x2066...0x2069).contains(v) || v == 0x200E || v == 0x200F || v == 0x061C
    }

    private static func render(_ text: String, keepLineBreaks: Bool) -> String {
        // Fast path: most text has nothing to replace.
        if !text.unicodeScalars.contains(where: isUnsafe) { return text }
        var out = String.UnicodeScalarView()
        var previousWasCR = false
        for scalar in text.unicodeScalars {
            let v = scalar.value
            defer { previousWasCR = v == 0x0D }
            switch v {
            case 0x0A:
                if previousWasCR && keepLineBreaks { continue }  // \r\n already emitted
                out.append(keepLineBreaks ? "\n" : " ")
            case 0x0D:
                out.append(keepLineBreaks ? "\n" : " ")
            case 0x09:
                out.append(" ")
            case 0x00..<0x20:
                // Control Pictures block: U+2400 + code, e.g. ESC → ␛.
                out.append(Unicode.Scalar(0x2400 + v)!)
            case 0x7F:
                out.append("\u{2421}")  // ␡
            default:
                out.append(isUnsafe(scalar) ? "\u{FFFD}" : scalar)
            }
        }
        return String(out)
    }
}
