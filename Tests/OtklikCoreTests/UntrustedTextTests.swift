import Testing
@testable import OtklikCore

@Suite struct UntrustedTextTests {
    @Test func escapeSequencesBecomeVisibleAndInert() {
        let csi = "красный \u{1B}[31mтекст\u{1B}[0m"
        #expect(UntrustedText.oneLine(csi) == "красный ␛[31mтекст␛[0m")
        // OSC 52 would write the operator's clipboard.
        let osc52 = "\u{1B}]52;c;ZWNobyBwd25lZA==\u{07}готово"
        #expect(UntrustedText.oneLine(osc52) == "␛]52;c;ZWNobyBwd25lZA==␇готово")
        #expect(!UntrustedText.oneLine(osc52).unicodeScalars.contains { $0.value < 0x20 })
    }

    @Test func c1ControlsAndBidiOverridesAreReplaced() {
        #expect(UntrustedText.oneLine("a\u{9B}31mb") == "a\u{FFFD}31mb")
        #expect(UntrustedText.oneLine("счёт \u{202E}evil\u{202C}") == "счёт \u{FFFD}evil\u{FFFD}")
        #expect(UntrustedText.oneLine("x\u{2066}y\u{2069}") == "x\u{FFFD}y\u{FFFD}")
    }

    @Test func lineBreaks() {
        #expect(UntrustedText.oneLine("a\r\nb\tc") == "a  b c")
        #expect(UntrustedText.multiLine("a\r\nb\rc\nd") == "a\nb\nc\nd")
        #expect(UntrustedText.multiLine("ok\u{7F}") == "ok␡")
    }

    @Test func plainTextIsUntouched() {
        let text = "Во дворе дома 5 яма — уже неделю! 😡"
        #expect(UntrustedText.oneLine(text) == text)
    }
}

@Suite struct SearchTextTests {
    @Test func foldsYo() {
        #expect(SearchText.foldYo("Счёт ЁЛКА") == "Счет ЕЛКА")
        #expect(SearchText.foldYo("йод") == "йод")
    }

    @Test func foldsYoLikeReplacingCharacters() {
        // Random texts of ё, Ё, their neighbours in UTF-8 (ё D1 91, Ё D0 81, с D1 81,
        // Ñ C3 91), Latin letters and emoji, against a replacement of scalars.
        let alphabet: [Character] = ["ё", "Ё", "е", "с", "Ñ", "Б", "a", "1", " ", "😀"]
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<2000 {
            let text = String((0..<Int.random(in: 0...12, using: &generator)).map { _ in alphabet.randomElement(using: &generator)! })
            let expected = String(String.UnicodeScalarView(text.unicodeScalars.map { $0 == "ё" ? "е" : $0 == "Ё" ? "Е" : $0 }))
            #expect(SearchText.foldYo(text) == expected, "\(text)")
        }
    }

    @Test func buildsSafeQueries() {
        #expect(SearchText.ftsQuery("горячей воды") == "\"горячей\" \"воды\"*")
        #expect(SearchText.ftsQuery("счёт\" OR x NEAR(") == "\"счет\" \"OR\" \"x\" \"NEAR\"*")
        #expect(SearchText.ftsQuery("  ***  ") == nil)
    }
}
