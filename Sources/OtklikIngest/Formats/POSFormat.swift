import Foundation
import OtklikCore

/// Appeals exported from the feedback platform «Госуслуги. Решаем вместе» (ПОС) as
/// `;`-separated CSV (docs/ingest/pos.md). The first non-blank row is the header; columns
/// are found by their header names (any case, ё = е, with synonyms), never by position,
/// so exports with more, fewer or reordered columns read the same. The file is UTF-8
/// (with or without a byte order mark) or Windows-1251: valid UTF-8 is read as UTF-8,
/// anything else as Windows-1251.
///
/// Each data row is one appeal (`kind` `.appeal`, `source` `.pos`). A row that cannot be
/// read (wrong number of fields, empty number or text, unreadable date, a quote that never
/// closes) is `.invalid` with the reason, and reading goes on.
public struct POSFormat: RecordFormat {
    public let options: FormatOptions

    public init(options: FormatOptions) { self.options = options }

    // MARK: Columns

    /// The fields the parser reads from a row.
    enum Field: Int, CaseIterable, Sendable {
        case number, created, text, category, subcategory, place, latitude, longitude, coordinates
        case author, authorID, agency, url, attachments

        /// The header names accepted for the field, the preferred first: when a header has
        /// several, the column with the earliest name in this list wins.
        var headerNames: [String] {
            switch self {
            case .number:
                ["Номер", "№", "Номер сообщения", "Номер обращения", "№ сообщения", "№ обращения",
                 "Идентификатор", "Идентификатор сообщения", "ID", "ID сообщения"]
            case .created:
                ["Дата создания", "Дата подачи", "Дата регистрации", "Дата поступления", "Создано",
                 "Дата и время создания", "Дата приема", "Дата"]
            case .text:
                ["Текст", "Текст сообщения", "Текст обращения", "Описание", "Сообщение", "Суть обращения",
                 "Содержание"]
            case .category: ["Категория", "Тема", "Рубрика"]
            case .subcategory: ["Подкатегория", "Подрубрика", "Подтема"]
            case .place: ["Адрес", "Место", "Адрес проблемы", "Местоположение"]
            case .latitude: ["Широта"]
            case .longitude: ["Долгота"]
            case .coordinates: ["Координаты"]
            case .author: ["Заявитель", "ФИО", "ФИО заявителя", "Автор", "Пользователь"]
            case .authorID:
                ["ID пользователя", "Идентификатор заявителя", "Идентификатор пользователя", "ID заявителя",
                 "ID автора"]
            case .agency:
                ["Ответственный", "Ответственная организация", "Исполнитель", "Орган власти", "Ответственный орган"]
            case .url: ["Ссылка", "Ссылка на сообщение", "URL"]
            case .attachments: ["Вложения", "Файлы", "Приложения"]
            }
        }

        /// How reasons name the field.
        var label: String {
            switch self {
            case .number: "number"
            case .created: "creation date"
            case .text: "text"
            default: "\(self)"
            }
        }

        static let required: [Field] = [.number, .created, .text]
    }

    struct Synonym: Sendable {
        let field: Field
        let rank: Int
    }

    /// Normalised header name -> the field and the name's rank among the field's names.
    static let synonyms: [String: Synonym] = {
        var map: [String: Synonym] = [:]
        for field in Field.allCases {
            for (rank, name) in field.headerNames.enumerated() {
                map[normalizedHeader(name)] = Synonym(field: field, rank: rank)
            }
        }
        return map
    }()

    /// A header name as compared: trimmed, lower case, ё as е, runs of spaces as one space.
    static func normalizedHeader(_ name: String) -> String {
        var out = String.UnicodeScalarView()
        var pendingSpace = false
        for scalar in name.lowercased().unicodeScalars {
            if scalar.properties.isWhitespace {
                pendingSpace = !out.isEmpty
                continue
            }
            if pendingSpace {
                out.append(" ")
                pendingSpace = false
            }
            out.append(scalar == "ё" ? "е" : scalar)
        }
        return String(out)
    }

    /// Where each field is in the rows, from the header.
    struct Columns: Sendable {
        /// The column index of each field, by `Field.rawValue`.
        var index: [Int?]
        /// The header name of each field's column, as written (trimmed).
        var name: [String?]
        /// The number of fields in the header.
        var count: Int

        subscript(field: Field) -> Int? { index[field.rawValue] }

        /// The columns of a header; the header names are decoded already.
        init(header: [String]) {
            count = header.count
            index = Array(repeating: nil, count: Field.allCases.count)
            name = Array(repeating: nil, count: Field.allCases.count)
            var rank = Array(repeating: Int.max, count: Field.allCases.count)
            for (column, written) in header.enumerated() {
                guard let synonym = POSFormat.synonyms[POSFormat.normalizedHeader(written)] else { continue }
                let f = synonym.field.rawValue
                if synonym.rank < rank[f] {
                    rank[f] = synonym.rank
                    index[f] = column
                    name[f] = written.trimmingCharacters(in: .whitespacesAndNewlines)
                }
            }
        }

        /// Why rows cannot be read with this header; nil when every required field has a column.
        var missingReason: String? {
            let missing = Field.required.filter { self[$0] == nil }
            guard !missing.isEmpty else { return nil }
            return missing.map { field in
                "missing required column \"\(field.label)\" (header names accepted: "
                    + field.headerNames.map { "\"\($0)\"" }.joined(separator: ", ") + ")"
            }.joined(separator: "; ")
        }
    }

    // MARK: Charsets

    enum Decoding: Sendable, Equatable {
        /// A file of valid UTF-8 without a byte order mark.
        case utf8
        /// A file with a UTF-8 byte order mark: UTF-8 whatever follows, so a row with
        /// invalid bytes is quarantined rather than the whole file read as Windows-1251.
        case utf8Checked
        case windows1251

        /// Bytes without the white space around them: ASCII spaces, tabs and line breaks,
        /// and no-break spaces (C2 A0 in UTF-8, A0 in Windows-1251).
        func trimmed(_ bytes: ArraySlice<UInt8>) -> ArraySlice<UInt8> {
            func ascii(_ b: UInt8) -> Bool { b == 0x20 || (b >= 0x09 && b <= 0x0D) }
            var lower = bytes.startIndex
            var upper = bytes.endIndex
            let utf8 = self != .windows1251
            while lower < upper {
                let b = bytes[lower]
                if ascii(b) {
                    lower += 1
                } else if utf8, b == 0xC2, lower + 1 < upper, bytes[lower + 1] == 0xA0 {
                    lower += 2
                } else if !utf8, b == 0xA0 {
                    lower += 1
                } else {
                    break
                }
            }
            while lower < upper {
                let b = bytes[upper - 1]
                if ascii(b) {
                    upper -= 1
                } else if utf8, b == 0xA0, upper - 2 >= lower, bytes[upper - 2] == 0xC2 {
                    upper -= 2
                } else if !utf8, b == 0xA0 {
                    upper -= 1
                } else {
                    break
                }
            }
            return bytes[lower..<upper]
        }

        func decode(_ bytes: ArraySlice<UInt8>) -> String {
            switch self {
            case .utf8, .utf8Checked: String(decoding: bytes, as: UTF8.self)
            case .windows1251: Charset.windows1251.decode(bytes) ?? ""
            }
        }
    }

    static func decoding(of bytes: [UInt8]) -> Decoding {
        if SemicolonCSV.hasUTF8BOM(bytes) { return .utf8Checked }
        return SemicolonCSV.isValidUTF8(bytes) ? .utf8 : .windows1251
    }

    // MARK: Parsing

    public func parse(_ data: Data, emit: (ParsedItem) throws -> Void) rethrows {
        let bytes = [UInt8](data)
        if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) {
            try emit(.invalid(reason: "the file is UTF-16 text; export the appeals as CSV in UTF-8 or Windows-1251",
                              at: RecordPosition(line: 1, byteOffset: 0), raw: data))
            return
        }
        let decoding = Self.decoding(of: bytes)
        var reader = SemicolonCSV.Reader(bytes)
        guard let headerRecord = reader.next() else { return }

        // The header. When it cannot serve, it is quarantined itself (it may be a data row
        // of an export without a header) and every row after it gets the same reason.
        let columns: Columns?
        let headerProblem: String?
        if let error = headerRecord.error {
            columns = nil
            headerProblem = "the header row cannot be read: \(error)"
            try emit(.invalid(reason: "header row: \(error)", at: Self.position(headerRecord),
                              raw: Data(bytes[headerRecord.byteRange])))
        } else {
            let names = (0..<headerRecord.count).map { decoding.decode(headerRecord[$0]) }
            let c = Columns(header: names)
            columns = c
            headerProblem = c.missingReason
            if let headerProblem {
                try emit(.invalid(reason: "header row: \(headerProblem)", at: Self.position(headerRecord),
                                  raw: Data(bytes[headerRecord.byteRange])))
            }
        }

        while let record = reader.next() {
            if record.error == nil, Self.isBlank(record) { continue }
            let position = Self.position(record)
            let raw = Data(bytes[record.byteRange])
            if let error = record.error {
                try emit(.invalid(reason: error, at: position, raw: raw))
            } else if let headerProblem {
                try emit(.invalid(reason: headerProblem, at: position, raw: raw))
            } else if decoding == .utf8Checked, !SemicolonCSV.isValidUTF8(bytes[record.byteRange]) {
                try emit(.invalid(reason: "invalid UTF-8 in a file that starts with a UTF-8 byte order mark",
                                  at: position, raw: raw))
            } else if let columns {
                switch row(record, columns: columns, decoding: decoding) {
                case .success(let appeal): try emit(.record(appeal, at: position, raw: raw))
                case .failure(let invalid): try emit(.invalid(reason: invalid.description, at: position, raw: raw))
                }
            }
        }
    }

    static func position(_ record: SemicolonCSV.Record) -> RecordPosition {
        RecordPosition(line: record.line, byteOffset: record.byteOffset)
    }

    /// A row of empty cells (`;;;;`, as spreadsheets write empty rows) counts as a blank line.
    static func isBlank(_ record: SemicolonCSV.Record) -> Bool {
        record.storage.allSatisfy { $0 == 0x20 || $0 == 0x09 || $0 == 0x0D || $0 == 0x0A }
    }

    struct Invalid: Error, CustomStringConvertible {
        let description: String
    }

    /// One data row as an appeal.
    func row(_ record: SemicolonCSV.Record, columns: Columns, decoding: Decoding) -> Result<IngestRecord, Invalid> {
        guard record.count == columns.count else {
            return .failure(Invalid(description: "the row has \(record.count) field\(record.count == 1 ? "" : "s"), "
                + "the header has \(columns.count)"))
        }
        func value(_ field: Field) -> String? {
            guard let column = columns[field] else { return nil }
            let bytes = decoding.trimmed(record[column])
            return bytes.isEmpty ? nil : decoding.decode(bytes)
        }
        func columnName(_ field: Field) -> String { columns.name[field.rawValue] ?? field.headerNames[0] }

        guard let number = value(.number) else {
            return .failure(Invalid(description: "empty number (column \"\(columnName(.number))\")"))
        }
        // The text keeps its inner line breaks, as LF.
        let textBytes = decoding.trimmed(record[columns[.text]!])
        guard !textBytes.isEmpty else {
            return .failure(Invalid(description: "empty text (column \"\(columnName(.text))\")"))
        }
        let text = decoding.decode(Self.withoutCRBeforeLF(textBytes)[...])
        guard let createdText = value(.created) else {
            return .failure(Invalid(description: "empty creation date (column \"\(columnName(.created))\")"))
        }
        guard let createdAt = Self.date(createdText, zone: options.timeZone) else {
            return .failure(Invalid(description: "unreadable date \"\(createdText)\" in column \"\(columnName(.created))\" "
                + "(expected 30.11.2026 14:05, 30.11.2026 14:05:33, 30.11.2026 or ISO 8601)"))
        }

        var category = value(.category)
        if let sub = value(.subcategory) {
            if let main = category, main != sub {
                category = "\(main) / \(sub)"
            } else {
                category = sub
            }
        }

        var latitude: Double?
        var longitude: Double?
        if columns[.latitude] != nil, columns[.longitude] != nil {
            if let lat = value(.latitude).flatMap(Self.coordinate), let lon = value(.longitude).flatMap(Self.coordinate),
               Self.plausible(lat, lon) {
                latitude = lat
                longitude = lon
            }
        } else if let pair = value(.coordinates).flatMap(Self.coordinatePair), Self.plausible(pair.0, pair.1) {
            latitude = pair.0
            longitude = pair.1
        }

        var author: IngestRecord.Author?
        let authorName = value(.author)
        if let id = value(.authorID) ?? authorName {
            author = .init(id: id, name: authorName ?? id)
        }

        return .success(IngestRecord(
            source: .pos, externalID: number, kind: .appeal, author: author, text: text, createdAt: createdAt,
            url: value(.url), place: value(.place), latitude: latitude, longitude: longitude,
            attachments: value(.attachments).map(Self.attachments) ?? [], category: category,
            agencyName: value(.agency)))
    }

    static func withoutCRBeforeLF(_ bytes: ArraySlice<UInt8>) -> [UInt8] {
        guard bytes.contains(0x0D) else { return Array(bytes) }
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var i = bytes.startIndex
        while i < bytes.endIndex {
            let b = bytes[i]
            if b == 0x0D, i + 1 < bytes.endIndex, bytes[i + 1] == 0x0A {
                i += 1
                continue
            }
            out.append(b)
            i += 1
        }
        return out
    }

    // MARK: Dates

    /// A creation date: `30.11.2026 14:05`, `30.11.2026 14:05:33`, `30.11.2026` (midnight)
    /// or `2026-11-30` read in `zone`; or ISO 8601, whose zone is honoured (without one the
    /// time is read in `zone`). Day, month and hour may have one digit.
    static func date(_ text: String, zone: TimeZone) -> Date? {
        let b = Array(text.utf8)
        var i = 0
        func number(_ minDigits: Int, _ maxDigits: Int) -> Int? {
            var value = 0
            let start = i
            while i < b.count, i - start < maxDigits, b[i] >= 0x30, b[i] <= 0x39 {
                value = value * 10 + Int(b[i] - 0x30)
                i += 1
            }
            return i - start >= minDigits ? value : nil
        }
        func expect(_ c: UInt8) -> Bool {
            guard i < b.count, b[i] == c else { return false }
            i += 1
            return true
        }
        if let day = number(1, 2), expect(0x2E), let month = number(1, 2), expect(0x2E), let year = number(4, 4) {
            if i == b.count { return Timestamp.local(year: year, month: month, day: day, zone: zone) }
            // Date and time apart by spaces, a comma or a T.
            let separatorStart = i
            while i < b.count, b[i] == 0x20 || b[i] == 0x2C || b[i] == 0x54 { i += 1 }
            guard i > separatorStart, let hour = number(1, 2), expect(0x3A), let minute = number(2, 2) else { return nil }
            var second = 0
            if expect(0x3A) {
                guard let s = number(2, 2) else { return nil }
                second = s
            }
            guard i == b.count else { return nil }
            return Timestamp.local(year: year, month: month, day: day, hour: hour, minute: minute, second: second,
                                   zone: zone)
        }
        i = 0
        if b.count == 10, let year = number(4, 4), expect(0x2D), let month = number(2, 2), expect(0x2D),
           let day = number(2, 2), i == b.count {
            return Timestamp.local(year: year, month: month, day: day, zone: zone)
        }
        return Timestamp.iso8601(text, defaultZone: zone)
    }

    // MARK: Coordinates

    /// One coordinate, with a decimal point or a decimal comma.
    static func coordinate(_ text: String) -> Double? {
        var bytes = Array(text.utf8)
        while let first = bytes.first, first == 0x20 || first == 0x09 { bytes.removeFirst() }
        while let last = bytes.last, last == 0x20 || last == 0x09 { bytes.removeLast() }
        for i in bytes.indices where bytes[i] == 0x2C { bytes[i] = 0x2E }
        guard let value = Double(String(decoding: bytes, as: UTF8.self)), value.isFinite else { return nil }
        return value
    }

    /// A "latitude, longitude" pair: `56.83, 60.60`, `56.83,60.60`, `56.83 60.60`,
    /// `56,83; 60,60`, `56,83, 60,60`.
    static func coordinatePair(_ text: String) -> (Double, Double)? {
        var parts: [String]
        if text.contains(";") {
            parts = text.split(separator: ";").map(String.init)
        } else {
            parts = text.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\u{A0}" })
                .map { $0.trimmingCharacters(in: CharacterSet(charactersIn: ",")) }
                .filter { !$0.isEmpty }
            if parts.count != 2 {
                let commaParts = text.split(separator: ",", omittingEmptySubsequences: false)
                    .map { $0.trimmingCharacters(in: .whitespaces) }
                switch commaParts.count {
                case 2: parts = commaParts
                case 4: parts = ["\(commaParts[0]).\(commaParts[1])", "\(commaParts[2]).\(commaParts[3])"]
                default: return nil
                }
            }
        }
        guard parts.count == 2, let lat = coordinate(parts[0]), let lon = coordinate(parts[1]) else { return nil }
        return (lat, lon)
    }

    /// In range and not 0, 0 (what exports write for "no point").
    static func plausible(_ lat: Double, _ lon: Double) -> Bool {
        (-90...90).contains(lat) && (-180...180).contains(lon) && !(lat == 0 && lon == 0)
    }

    // MARK: Attachments

    /// Attachment links apart by spaces, commas, semicolons or line breaks. A link's type
    /// comes from its file extension (photo, video, else file) and its name is the last
    /// part of its path; a word that is not a link is taken as a file name.
    static func attachments(_ text: String) -> [IngestRecord.Attachment] {
        let separators: Set<Unicode.Scalar> = [" ", ",", ";", "\n", "\r", "\t", "\u{A0}"]
        var tokens: [String] = []
        var current = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            if separators.contains(scalar) {
                if !current.isEmpty { tokens.append(String(current)) }
                current = String.UnicodeScalarView()
            } else {
                current.append(scalar)
            }
        }
        if !current.isEmpty { tokens.append(String(current)) }
        return tokens.map { token in
            guard let schemeEnd = token.range(of: "://") else {
                return .init(type: attachmentType(fileName: token), url: nil, name: token)
            }
            var path = token[schemeEnd.upperBound...]
            if let cut = path.firstIndex(where: { $0 == "?" || $0 == "#" }) { path = path[..<cut] }
            var name: String?
            if let slash = path.firstIndex(of: "/") {
                let last = path[slash...].split(separator: "/").last.map(String.init) ?? ""
                if !last.isEmpty { name = last.removingPercentEncoding ?? last }
            }
            return .init(type: attachmentType(fileName: name ?? ""), url: token, name: name)
        }
    }

    static func attachmentType(fileName: String) -> String {
        guard let dot = fileName.lastIndex(of: ".") else { return "file" }
        switch fileName[fileName.index(after: dot)...].lowercased() {
        case "jpg", "jpeg", "png", "gif", "webp", "heic", "heif", "bmp", "tif", "tiff": return "photo"
        case "mp4", "mov", "avi", "mkv", "webm", "3gp", "m4v": return "video"
        default: return "file"
        }
    }
}
