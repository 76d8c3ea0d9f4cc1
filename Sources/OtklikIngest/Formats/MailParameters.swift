import Foundation

/// A `Content-Type` or `Content-Disposition` field: its value (`text/plain`, `attachment`,
/// lowercased) and its parameters (names lowercased).
struct MailContentField: Equatable {
    var value: String
    var parameters: [String: String]

    /// Parses `value; name=token; name="quoted \"string\""`, with RFC 2231 parameter values:
    /// `name*=charset'lang'%XX…` and continuations `name*0=…; name*1*=…`. An extended or
    /// continued value wins over a plain one of the same name. Unquoted values may hold
    /// spaces (`name=my file.pdf`, as broken clients write). Encoded words are not decoded
    /// here (they are not allowed in parameters; see `MailMIME` for file names).
    init(_ text: String) {
        let scalars = Array(text.unicodeScalars)
        var i = 0
        var value = String.UnicodeScalarView()
        while i < scalars.count, scalars[i] != ";" {
            value.append(scalars[i])
            i += 1
        }
        self.value = MailDate.withoutComments(String(value)).trimmingCharacters(in: .whitespaces).lowercased()

        var raw: [(name: String, value: String)] = []
        while i < scalars.count {
            while i < scalars.count, scalars[i] == ";" || scalars[i] == " " || scalars[i] == "\t" { i += 1 }
            var name = String.UnicodeScalarView()
            while i < scalars.count, scalars[i] != "=", scalars[i] != ";" {
                name.append(scalars[i])
                i += 1
            }
            let key = String(name).trimmingCharacters(in: .whitespaces).lowercased()
            guard i < scalars.count, scalars[i] == "=" else { continue }
            i += 1
            while i < scalars.count, scalars[i] == " " || scalars[i] == "\t" { i += 1 }
            var v = String.UnicodeScalarView()
            if i < scalars.count, scalars[i] == "\"" {
                i += 1
                while i < scalars.count, scalars[i] != "\"" {
                    // A backslash escapes the next character, except in the Windows paths
                    // some clients send unescaped ("C:\Temp\a.pdf").
                    if scalars[i] == "\\", i + 1 < scalars.count, scalars[i + 1] == "\"" || scalars[i + 1] == "\\" { i += 1 }
                    v.append(scalars[i])
                    i += 1
                }
                i += 1
                while i < scalars.count, scalars[i] != ";" { i += 1 }
            } else {
                while i < scalars.count, scalars[i] != ";" {
                    v.append(scalars[i])
                    i += 1
                }
            }
            if !key.isEmpty {
                raw.append((key, String(v).trimmingCharacters(in: .whitespaces)))
            }
        }
        self.parameters = Self.combine(raw)
    }

    /// Joins RFC 2231 continuations and decodes extended values.
    static func combine(_ raw: [(name: String, value: String)]) -> [String: String] {
        var plain: [String: String] = [:]
        // name → section number → (extended, value)
        var sections: [String: [Int: (extended: Bool, value: String)]] = [:]
        for (name, value) in raw {
            guard let star = name.firstIndex(of: "*") else {
                if plain[name] == nil { plain[name] = value }
                continue
            }
            let base = String(name[..<star])
            var rest = name[name.index(after: star)...]
            var extended = false
            var number = 0
            if rest.isEmpty {
                extended = true  // name*=
            } else {
                if rest.hasSuffix("*") {
                    extended = true
                    rest = rest.dropLast()
                }
                guard let n = Int(rest), n >= 0, n < 1000 else { continue }
                number = n
            }
            if sections[base, default: [:]][number] == nil {
                sections[base, default: [:]][number] = (extended, value)
            }
        }
        var result = plain
        for (base, parts) in sections {
            var bytes: [UInt8] = []
            var charsetName: String?
            for number in parts.keys.sorted() {
                guard let part = parts[number] else { continue }
                var value = Substring(part.value)
                if part.extended {
                    if number == 0 {
                        // charset'language'value
                        let pieces = value.split(separator: "'", maxSplits: 2, omittingEmptySubsequences: false)
                        if pieces.count == 3 {
                            charsetName = String(pieces[0])
                            value = pieces[2]
                        }
                    }
                    bytes.append(contentsOf: percentDecoded(value))
                } else {
                    bytes.append(contentsOf: value.utf8)
                }
            }
            result[base] = MailMIME.decodeText(bytes, charset: charsetName)
        }
        return result
    }

    static func percentDecoded(_ text: Substring) -> [UInt8] {
        let b = Array(text.utf8)
        var out: [UInt8] = []
        var i = 0
        while i < b.count {
            if b[i] == 0x25, i + 2 < b.count, let h = MailMIME.hexValue(b[i + 1]), let l = MailMIME.hexValue(b[i + 2]) {
                out.append(h << 4 | l)
                i += 3
            } else {
                out.append(b[i])
                i += 1
            }
        }
        return out
    }
}
