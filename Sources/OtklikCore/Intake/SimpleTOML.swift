import Foundation

/// The small part of TOML that Otklik's rule files use: `[section]` and `[[array]]`
/// headers, `key = value` with quoted strings, integers, booleans and string arrays (which
/// may span lines), and `#` comments. Errors name the line: `file:line: reason`.
public enum SimpleTOML {
    public enum Value: Equatable, Sendable {
        case string(String)
        case integer(Int)
        case bool(Bool)
        case strings([String])
    }

    /// One `key = value`, with the table it belongs to: "" at the top, "name" under
    /// `[name]`, and "name#3" under the third `[[name]]` (counted from 1).
    public struct Entry: Equatable, Sendable {
        public let table: String
        public let key: String
        public let value: Value
        public let line: Int
    }

    public struct ParseError: Error, Equatable, CustomStringConvertible, Sendable {
        public let path: String
        public let line: Int
        public let reason: String
        public var description: String { "\(path):\(line): \(reason)" }
    }

    public static func parse(_ text: String, path: String) throws(ParseError) -> [Entry] {
        var entries: [Entry] = []
        var table = ""
        var arrayCounts: [String: Int] = [:]
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map { String($0) }
        var index = 0
        while index < lines.count {
            let number = index + 1
            var line = stripComment(lines[index]).trimmingCharacters(in: .whitespaces)
            index += 1
            if line.isEmpty { continue }
            if line.hasPrefix("[[") {
                guard line.hasSuffix("]]") else { throw ParseError(path: path, line: number, reason: "an array table header ends with ]]") }
                let name = String(line.dropFirst(2).dropLast(2)).trimmingCharacters(in: .whitespaces)
                arrayCounts[name, default: 0] += 1
                table = "\(name)#\(arrayCounts[name]!)"
                continue
            }
            if line.hasPrefix("[") {
                guard line.hasSuffix("]") else { throw ParseError(path: path, line: number, reason: "a table header ends with ]") }
                table = String(line.dropFirst().dropLast()).trimmingCharacters(in: .whitespaces)
                continue
            }
            guard let equals = line.firstIndex(of: "=") else {
                throw ParseError(path: path, line: number, reason: "expected `name = value`")
            }
            let key = line[..<equals].trimmingCharacters(in: .whitespaces).trimmingCharacters(in: CharacterSet(charactersIn: "\""))
            guard !key.isEmpty else { throw ParseError(path: path, line: number, reason: "a key is missing before =") }
            var value = String(line[line.index(after: equals)...]).trimmingCharacters(in: .whitespaces)
            if value.hasPrefix("[") {
                // A multi-line array: read on until its closing bracket.
                while !closesArray(value) {
                    guard index < lines.count else { throw ParseError(path: path, line: number, reason: "the array is not closed with ]") }
                    line = stripComment(lines[index]).trimmingCharacters(in: .whitespaces)
                    index += 1
                    value += " " + line
                }
                guard let items = stringList(value) else {
                    throw ParseError(path: path, line: number, reason: "expected a list of quoted strings, e.g. [\"яма\", \"выбоина\"]")
                }
                entries.append(Entry(table: table, key: key, value: .strings(items), line: number))
            } else if value.hasPrefix("\"") {
                guard value.count >= 2, value.hasSuffix("\"") else { throw ParseError(path: path, line: number, reason: "the string is not closed with \"") }
                let inner = String(value.dropFirst().dropLast())
                entries.append(Entry(table: table, key: key, value: .string(unescape(inner)), line: number))
            } else if value == "true" || value == "false" {
                entries.append(Entry(table: table, key: key, value: .bool(value == "true"), line: number))
            } else if let n = Int(value.replacingOccurrences(of: "_", with: "")) {
                entries.append(Entry(table: table, key: key, value: .integer(n), line: number))
            } else {
                throw ParseError(path: path, line: number, reason: "expected a quoted string, a number, true/false or a list")
            }
        }
        return entries
    }

    /// The line without its `#` comment (a `#` inside quotes stays).
    public static func stripComment(_ line: String) -> String {
        var inString = false
        var escaped = false
        var result = ""
        for c in line {
            if inString {
                if escaped { escaped = false } else if c == "\\" { escaped = true } else if c == "\"" { inString = false }
            } else if c == "\"" {
                inString = true
            } else if c == "#" {
                break
            }
            result.append(c)
        }
        return result
    }

    static func closesArray(_ value: String) -> Bool {
        var inString = false
        var escaped = false
        var depth = 0
        for c in value {
            if inString {
                if escaped { escaped = false } else if c == "\\" { escaped = true } else if c == "\"" { inString = false }
            } else if c == "\"" {
                inString = true
            } else if c == "[" {
                depth += 1
            } else if c == "]" {
                depth -= 1
            }
        }
        return depth <= 0
    }

    /// A basic string's escapes: `\n`, `\t`, and `\` before any other character.
    public static func unescape(_ s: String) -> String {
        guard s.contains("\\") else { return s }
        var out = ""
        var escaped = false
        for c in s {
            if escaped {
                switch c {
                case "n": out.append("\n")
                case "t": out.append("\t")
                default: out.append(c)
                }
                escaped = false
            } else if c == "\\" {
                escaped = true
            } else {
                out.append(c)
            }
        }
        return out
    }

    /// `["a", "b"]` → ["a", "b"]; nil when it is not a list of quoted strings.
    public static func stringList(_ value: String) -> [String]? {
        guard value.hasPrefix("["), value.hasSuffix("]") else { return nil }
        var items: [String] = []
        var current = ""
        var inString = false
        var escaped = false
        for c in value.dropFirst().dropLast() {
            if inString {
                // Escapes are read here, once (unescaping the collected text again would
                // turn a written "\\n" into a line break).
                if escaped { current.append(c == "n" ? "\n" : c == "t" ? "\t" : c); escaped = false }
                else if c == "\\" { escaped = true }
                else if c == "\"" { inString = false; items.append(current); current = "" }
                else { current.append(c) }
            } else if c == "\"" {
                inString = true
            } else if c != "," && !c.isWhitespace {
                return nil
            }
        }
        return inString ? nil : items
    }
}
