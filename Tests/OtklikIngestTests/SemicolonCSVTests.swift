import Foundation
import Testing
@testable import OtklikIngest

@Suite struct SemicolonCSVTests {
    func records(_ bytes: [UInt8]) -> [SemicolonCSV.Record] {
        var reader = SemicolonCSV.Reader(bytes)
        var out: [SemicolonCSV.Record] = []
        while let record = reader.next() { out.append(record) }
        return out
    }

    func records(_ text: String) -> [SemicolonCSV.Record] { records(Array(text.utf8)) }

    func fields(_ record: SemicolonCSV.Record) -> [String] {
        record.fields.map { String(decoding: $0, as: UTF8.self) }
    }

    func raw(_ text: String, _ record: SemicolonCSV.Record) -> String {
        String(decoding: Array(text.utf8)[record.byteRange], as: UTF8.self)
    }

    @Test func plainFieldsEmptyFieldsAndTrailingSeparator() {
        let text = "a;b;;d\nx;;;\nлист;1"
        let all = records(text)
        #expect(all.map(fields) == [["a", "b", "", "d"], ["x", "", "", ""], ["лист", "1"]])
        #expect(all.map(\.line) == [1, 2, 3])
        #expect(all.map(\.byteOffset) == [0, 7, 12])
        #expect(all.map { raw(text, $0) } == ["a;b;;d", "x;;;", "лист;1"])
        #expect(all.allSatisfy { $0.error == nil })
    }

    @Test func quotedFieldsHoldSeparatorsLineBreaksAndDoubledQuotes() {
        let text = "\"a;b\";\"line1\r\nline2\";\"say \"\"hi\"\"\";\"\"\r\nnext;\"\"\"\"\r\n"
        let all = records(text)
        #expect(all.count == 2)
        #expect(fields(all[0]) == ["a;b", "line1\r\nline2", "say \"hi\"", ""])
        #expect(fields(all[1]) == ["next", "\""])
        // The second record starts on line 3: the first spans lines 1 and 2.
        #expect(all.map(\.line) == [1, 3])
        #expect(all[1].byteOffset == 38)
        #expect(raw(text, all[0]) == "\"a;b\";\"line1\r\nline2\";\"say \"\"hi\"\"\";\"\"")
        #expect(raw(text, all[1]) == "next;\"\"\"\"")
    }

    @Test func blankLinesAreSkippedAndCountedAsLines() {
        let text = "\r\nh1;h2\r\n\r\n  \t\r\n\nv1;v2\n   \n"
        let all = records(text)
        #expect(all.map(fields) == [["h1", "h2"], ["v1", "v2"]])
        #expect(all.map(\.line) == [2, 6])
        #expect(all.map(\.byteOffset) == [2, 17])
    }

    @Test func byteOrderMarkIsSkippedButCounted() {
        let bytes: [UInt8] = [0xEF, 0xBB, 0xBF] + Array("№;Текст\r\n1;x".utf8)
        let all = records(bytes)
        #expect(all.map(fields) == [["№", "Текст"], ["1", "x"]])
        #expect(all[0].byteOffset == 3)
        #expect(all[0].byteRange == 3..<17)
        #expect(all[1].line == 2 && all[1].byteOffset == 19)
    }

    @Test func unterminatedQuoteAtEndOfFileCostsOnlyItsRecord() {
        let text = "1;ok\n2;\"broken;x\n3;more\n4;last\n"
        let all = records(text)
        #expect(all.count == 4)
        #expect(fields(all[0]) == ["1", "ok"])
        #expect(all[1].error == "unterminated quoted field: the quote opened on line 2 never closes")
        #expect(all[1].line == 2 && all[1].byteOffset == 5 && all[1].fields.isEmpty)
        #expect(raw(text, all[1]) == "2;\"broken;x")
        // Reading resumes on the next line.
        #expect(all[2...].map(fields) == [["3", "more"], ["4", "last"]] && all[2...].map(\.line) == [3, 4])
        #expect(all[2...].allSatisfy { $0.error == nil })
    }

    @Test func aStrayQuoteClosesAtTheNextQuote() {
        // Not detectable: the stray quote pairs with the next one, as in every CSV reader.
        let all = records("1;\"stray\n2;\"x\";y\n")
        #expect(all.map(fields) == [["1", "stray\n2;x\"", "y"]])
    }

    @Test func unterminatedQuoteOnTheLastLine() {
        let text = "a;b\r\nc;\"d\r\n"
        let all = records(text)
        #expect(all.count == 2)
        #expect(all[1].error != nil && all[1].line == 2 && all[1].byteOffset == 5)
        #expect(raw(text, all[1]) == "c;\"d")
        let noNewline = records("a;\"b")
        #expect(noNewline.count == 1 && noNewline[0].error != nil && noNewline[0].byteRange == 0..<4)
    }

    @Test func lenientQuotes() {
        // Text after a closing quote is kept; a quote inside an unquoted field is data.
        #expect(records("\"ab\"cd;e\"f;\"\"").map(fields) == [["abcd", "e\"f", ""]])
        // A leading space makes the field unquoted.
        #expect(records(" \"a;b\"").map(fields) == [[" \"a", "b\""]])
    }

    @Test func lineEndsAndBareCarriageReturns() {
        let all = records("a\rb;c\r\nd;e\rf;g\r")
        #expect(all.map(fields) == [["a\rb", "c"], ["d", "e\rf", "g"]])
        #expect(all.map(\.line) == [1, 2])
        #expect(all[1].byteRange == 7..<14)
    }

    @Test func emptyInputs() {
        #expect(records("").isEmpty)
        #expect(records("\n\r\n  \n").isEmpty)
        #expect(records([0xEF, 0xBB, 0xBF]).isEmpty)
        #expect(records(";").map(fields) == [["", ""]])
    }

    @Test func windows1251BytesPassThrough() {
        // "Тема;"Ул. ""Мира"""" in Windows-1251: the reader only cares for ; " CR LF.
        let bytes: [UInt8] = [0xD2, 0xE5, 0xEC, 0xE0, 0x3B, 0x22, 0xD3, 0xEB, 0x2E, 0x20, 0x22, 0x22, 0xCC, 0xE8,
                              0xF0, 0xE0, 0x22, 0x22, 0x22, 0x0D, 0x0A]
        let all = records(bytes)
        #expect(all.count == 1)
        #expect(all[0].fields == [[0xD2, 0xE5, 0xEC, 0xE0], [0xD3, 0xEB, 0x2E, 0x20, 0x22, 0xCC, 0xE8, 0xF0, 0xE0, 0x22]])
        #expect(Charset.windows1251.decode(all[0][1]) == "Ул. \"Мира\"")
    }

    @Test func utf8Validation() {
        #expect(SemicolonCSV.isValidUTF8(Array("Решаем вместе ✓ 🙂".utf8)))
        #expect(SemicolonCSV.isValidUTF8([UInt8]()))
        #expect(!SemicolonCSV.isValidUTF8([0xD2, 0xE5, 0xEC, 0xE0]))  // Windows-1251 "Тема"
        #expect(!SemicolonCSV.isValidUTF8([0xC0, 0x80]))  // overlong
        #expect(!SemicolonCSV.isValidUTF8([0xED, 0xA0, 0x80]))  // surrogate
        #expect(!SemicolonCSV.isValidUTF8([0x41, 0xD0]))  // truncated
        #expect(!SemicolonCSV.isValidUTF8([0xE0, 0x9F, 0xBF]))  // overlong, 3 bytes
        #expect(!SemicolonCSV.isValidUTF8([0xF0, 0x8F, 0xBF, 0xBF]))  // overlong, 4 bytes
        #expect(!SemicolonCSV.isValidUTF8([0xF4, 0x90, 0x80, 0x80]))  // past U+10FFFF
        #expect(SemicolonCSV.isValidUTF8([0xF4, 0x8F, 0xBF, 0xBF]))  // U+10FFFF
        #expect(!SemicolonCSV.isValidUTF8([0xF0, 0x9F, 0x99, 0x41]))  // bad continuation
    }
}
