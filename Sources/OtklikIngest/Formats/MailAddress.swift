import Foundation

/// A mailbox of an address header (`From:`): its address and decoded display name.
struct MailMailbox: Equatable {
    var address: String
    var displayName: String?
}

/// Reading of address and message-id headers.
enum MailAddress {
    /// The first mailbox of an address list: `"Name" <addr>`, `Name <addr>`, `addr (Name)`,
    /// `addr`, `=?utf-8?B?…?= <addr>`, a group `Group: a@b, c@d;`. The display name has its
    /// quotes and escapes removed, its encoded words decoded and its white space collapsed;
    /// nil when the mailbox has no address.
    static func firstMailbox(_ value: String) -> MailMailbox? {
        let scalars = Array(value.unicodeScalars)
        var phrase = String.UnicodeScalarView()
        var plain = String.UnicodeScalarView()
        var comments: [String] = []
        var angle: String?
        var i = 0
        scan: while i < scalars.count {
            let c = scalars[i]
            switch c {
            case "\"":
                i += 1
                while i < scalars.count, scalars[i] != "\"" {
                    if scalars[i] == "\\", i + 1 < scalars.count { i += 1 }
                    phrase.append(scalars[i])
                    plain.append(scalars[i])
                    i += 1
                }
                i += 1
            case "(":
                var depth = 1
                var comment = String.UnicodeScalarView()
                i += 1
                while i < scalars.count, depth > 0 {
                    let s = scalars[i]
                    if s == "\\", i + 1 < scalars.count {
                        i += 1
                        comment.append(scalars[i])
                    } else if s == "(" {
                        depth += 1
                        comment.append(s)
                    } else if s == ")" {
                        depth -= 1
                        if depth > 0 { comment.append(s) }
                    } else {
                        comment.append(s)
                    }
                    i += 1
                }
                comments.append(String(comment))
                phrase.append(" ")
            case "<":
                var inside = String.UnicodeScalarView()
                i += 1
                while i < scalars.count, scalars[i] != ">" {
                    inside.append(scalars[i])
                    i += 1
                }
                angle = String(inside)
                break scan
            case ":" where angle == nil && !String(plain).contains("@"):
                // A group's name; its first member follows.
                phrase = String.UnicodeScalarView()
                plain = String.UnicodeScalarView()
                comments = []
                i += 1
            case ",", ";":
                if String(plain).contains("@") { break scan }
                // "Petrov, Ivan <addr>" unquoted, or an empty group: keep reading.
                if c == ";" {
                    phrase = String.UnicodeScalarView()
                    plain = String.UnicodeScalarView()
                } else {
                    phrase.append(c)
                    plain.append(c)
                }
                i += 1
            default:
                phrase.append(c)
                plain.append(c)
                i += 1
            }
        }
        var address: String
        var name: String?
        if let angle {
            address = withoutSpace(angle)
            // An obsolete route: <@relay.example:ivan@example.org>.
            if address.hasPrefix("@"), let colon = address.firstIndex(of: ":") {
                address = String(address[address.index(after: colon)...])
            }
            name = String(phrase)
        } else {
            let text = String(plain).trimmingCharacters(in: .whitespaces)
            if text.contains("@") {
                address = withoutSpace(text)
                name = comments.first
            } else {
                address = text
            }
        }
        guard !address.isEmpty else { return nil }
        if let raw = name {
            let decoded = collapsed(MailEncodedWords.decode(raw))
            name = decoded.isEmpty ? nil : decoded
        }
        return MailMailbox(address: address, displayName: name)
    }

    /// The message ids of a Message-ID, In-Reply-To or References field, without their
    /// angle brackets, in order. Comments and phrases (old clients wrote "Your message of
    /// …") are skipped; when no id has brackets, the words that hold an `@` are taken.
    static func messageIDs(_ value: String) -> [String] {
        let text = MailDate.withoutComments(value)
        var ids: [String] = []
        var rest = Substring(text)
        while let open = rest.firstIndex(of: "<") {
            let after = rest[rest.index(after: open)...]
            guard let close = after.firstIndex(of: ">") else { break }
            let id = withoutSpace(String(after[..<close]))
            if !id.isEmpty { ids.append(id) }
            rest = after[after.index(after: close)...]
        }
        if ids.isEmpty, !text.contains("<") {
            ids = text.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "," })
                .map(String.init).filter { $0.contains("@") }
        }
        return ids
    }

    static func withoutSpace(_ text: String) -> String {
        String(text.unicodeScalars.filter { !($0 == " " || $0 == "\t" || $0 == "\r" || $0 == "\n") }.map(Character.init))
    }

    /// White space runs to one space, trimmed.
    static func collapsed(_ text: String) -> String {
        text.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\r" || $0 == "\n" }).joined(separator: " ")
    }
}
