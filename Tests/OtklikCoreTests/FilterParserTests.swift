import Foundation
import Testing
@testable import OtklikCore

@Suite struct FilterParserTests {
    /// Saturday 2026-11-28 19:46:40 UTC = Sunday 00:46:40 in Yekaterinburg (UTC+5).
    let now = Date(timeIntervalSince1970: 1_795_900_000)
    let yekaterinburg = TimeZone(identifier: "Asia/Yekaterinburg")!

    @Test func theIssuesExample() throws {
        let filter = try InboxFilter.parse("статус:новый тема:дороги ведомство:ЖКХ просрочено источник:вк @я")
        #expect(filter == InboxFilter(statuses: [.new], sources: [.vk], topics: ["дороги"], agencies: ["ЖКХ"],
                                      mine: true, overdue: true))
        #expect(!filter.isEmpty)
    }

    @Test func englishKeywordsMeanTheSame() throws {
        let russian = try InboxFilter.parse("статус:новый тема:дороги ведомство:ЖКХ просрочено источник:вк @я приоритет:высокий владелец:petrov подугрозой открытые неназначенные")
        let english = try InboxFilter.parse("status:new topic:дороги agency:ЖКХ overdue source:vk @me priority:high owner:petrov atrisk open unassigned")
        #expect(russian == english)
        #expect(english == InboxFilter(statuses: [.new], sources: [.vk], priorities: [.high], topics: ["дороги"],
                                       agencies: ["ЖКХ"], owners: ["petrov"], mine: true, overdue: true, atRisk: true,
                                       open: true, unassigned: true))
    }

    @Test func emptyTextIsTheEmptyFilter() throws {
        #expect(try InboxFilter.parse("").isEmpty)
        #expect(try InboxFilter.parse("   \t ").isEmpty)
        #expect(InboxFilter.all.isEmpty)
        #expect(InboxFilter.all.text == "")
    }

    @Test(arguments: [
        ("новый", IncidentStatus.new), ("новые", .new), ("new", .new),
        ("вработе", .inProgress), ("в_работе", .inProgress), ("работа", .inProgress), ("in_progress", .inProgress),
        ("уведомства", .waitingAgency), ("у_ведомства", .waitingAgency), ("ведомство", .waitingAgency), ("waiting_agency", .waitingAgency),
        ("ждёт", .waitingCitizen), ("ждет", .waitingCitizen), ("ждёт_автора", .waitingCitizen), ("ждет_автора", .waitingCitizen), ("waiting_citizen", .waitingCitizen),
        ("отвечен", .answered), ("отвеченные", .answered), ("answered", .answered),
        ("закрыт", .closed), ("закрытые", .closed), ("closed", .closed),
        ("безответа", .noAnswer), ("без_ответа", .noAnswer), ("no_answer", .noAnswer),
    ])
    func statusValues(word: String, status: IncidentStatus) throws {
        #expect(try InboxFilter.parse("статус:\(word)").statuses == [status])
        #expect(try InboxFilter.parse("STATUS:\(word.uppercased())").statuses == [status])
    }

    @Test(arguments: [
        ("вк", SourceKind.vk), ("vk", .vk), ("ок", .ok), ("ok", .ok),
        ("тг", .telegram), ("telegram", .telegram), ("tg", .telegram),
        ("пос", .pos), ("pos", .pos), ("почта", .email), ("email", .email), ("e-mail", .email),
        ("311", .open311), ("open311", .open311),
    ])
    func sourceValues(word: String, source: SourceKind) throws {
        #expect(try InboxFilter.parse("источник:\(word)").sources == [source])
    }

    @Test(arguments: [
        ("низкий", Priority.low), ("low", .low), ("обычный", .normal), ("normal", .normal),
        ("высокий", .high), ("важный", .high), ("high", .high), ("критический", .critical), ("critical", .critical),
    ])
    func priorityValues(word: String, priority: Priority) throws {
        #expect(try InboxFilter.parse("приоритет:\(word)").priorities == [priority])
    }

    @Test func flagSpellings() throws {
        for word in ["просрочено", "Просрочено", "overdue", "OVERDUE"] { #expect(try InboxFilter.parse(word) == InboxFilter(overdue: true)) }
        for word in ["подугрозой", "угроза", "atrisk", "risk", "под_угрозой"] { #expect(try InboxFilter.parse(word) == InboxFilter(atRisk: true)) }
        for word in ["открытые", "open"] { #expect(try InboxFilter.parse(word) == InboxFilter(open: true)) }
        for word in ["неназначенные", "ничьи", "unassigned"] { #expect(try InboxFilter.parse(word) == InboxFilter(unassigned: true)) }
        for word in ["@я", "@Я", "@me", "@ME"] { #expect(try InboxFilter.parse(word) == InboxFilter(mine: true)) }
    }

    @Test func quotingKeepsSpacesAndCommas() throws {
        let filter = try InboxFilter.parse(#"ведомство:"ДГХ Озерецк" тема:"Нет холодной воды, плохое" "горячей воды""#)
        #expect(filter.agencies == ["ДГХ Озерецк"])
        #expect(filter.topics == ["Нет холодной воды, плохое"])
        #expect(filter.words == ["горячей воды"])
        // Escapes inside quotes; quoted flags and keys are words.
        let escaped = try InboxFilter.parse(#"тема:"а \"б\" \\ в" "просрочено" "статус:новый""#)
        #expect(escaped.topics == [#"а "б" \ в"#])
        #expect(escaped.words == ["просрочено", "статус:новый"])
        #expect(!escaped.overdue && escaped.statuses.isEmpty)
    }

    @Test func commasAreAlternativesAndRepeatedKeysAddUp() throws {
        let filter = try InboxFilter.parse(#"статус:новый,в_работе источник:вк,тг,"почта" статус:закрыт ведомство:Водоканал,"Адм. Озерецк""#)
        #expect(filter.statuses == [.new, .inProgress, .closed])
        #expect(filter.sources == [.vk, .telegram, .email])
        #expect(filter.agencies == ["Водоканал", "Адм. Озерецк"])
    }

    @Test func caseAndYoFolding() throws {
        #expect(try InboxFilter.parse("СТАТУС:Ждёт") == InboxFilter.parse("статус:ждет"))
        #expect(try InboxFilter.parse("Статус:ЖДЁТ_АВТОРА").statuses == [.waitingCitizen])
        #expect(try InboxFilter.parse("ИСТОЧНИК:ВК").sources == [.vk])
        #expect(try InboxFilter.parse("Source:Telegram").sources == [.telegram])
        // Terms and words are kept as typed; the store folds them.
        #expect(try InboxFilter.parse("тема:Счёт ведомство:ОЗЁРСКГАЗ").topics == ["Счёт"])
        #expect(InboxFilter.fold("ОЗЁРСКГАЗ") == "озерскгаз")
        #expect(InboxFilter(words: ["Счёт", "ёлка"]).fullTextQuery == #""Счет" "елка"*"#)
    }

    @Test func freeWords() throws {
        let filter = try InboxFilter.parse("яма  во дворе 10:30 :x")
        #expect(filter.words == ["яма", "во", "дворе", "10:30", ":x"])
        #expect(try InboxFilter.parse("яма просрочено") == InboxFilter(overdue: true, words: ["яма"]))
    }

    @Test func closedSince() throws {
        let today = try InboxFilter.parse("закрыто:сегодня", now: now, timeZone: yekaterinburg)
        // Sunday 2026-11-29 00:00 in UTC+5.
        #expect(today.closedSince == Date(timeIntervalSince1970: 1_795_892_400))
        #expect(try InboxFilter.parse("closed:today", now: now, timeZone: yekaterinburg) == today)
        #expect(try InboxFilter.parse("закрыто:2026-11-29", timeZone: yekaterinburg) == today)
        #expect(try InboxFilter.parse("закрыто:2026-11-29T00:00+05:00") == today)
        #expect(try InboxFilter.parse("closed:2026-11-28T19:00:00Z") == today)
        let yesterday = try InboxFilter.parse("закрыто:вчера", now: now, timeZone: yekaterinburg)
        #expect(yesterday.closedSince == Date(timeIntervalSince1970: 1_795_892_400 - 86_400))
        // Alternatives: closed since the earlier one.
        #expect(try InboxFilter.parse("закрыто:сегодня,вчера", now: now, timeZone: yekaterinburg) == yesterday)
    }

    @Test func savedViews() {
        #expect(SavedView.builtIn.map(\.key) == Array(1...9))
        #expect(SavedView.builtIn.allSatisfy { !$0.nameRussian.isEmpty && !$0.nameEnglish.isEmpty })
        #expect(SavedView.builtIn(key: 1)?.filter(now: now, timeZone: yekaterinburg) == InboxFilter(statuses: [.new]))
        #expect(SavedView.builtIn(key: 2)?.filter(now: now, timeZone: yekaterinburg) == InboxFilter(mine: true, open: true))
        #expect(SavedView.builtIn(key: 2)?.name(russian: true) == "Мои")
        #expect(SavedView.builtIn(key: 7)?.filter(now: now, timeZone: yekaterinburg).isEmpty == true)
        let closedToday = SavedView.builtIn(key: 8)!
        #expect(closedToday.name(russian: false) == "Closed today")
        #expect(closedToday.filter(now: now, timeZone: yekaterinburg).closedSince == Date(timeIntervalSince1970: 1_795_892_400))
        #expect(closedToday.filter(now: now, timeZone: TimeZone(identifier: "UTC")!).closedSince == Date(timeIntervalSince1970: 1_795_824_000))
        #expect(SavedView.builtIn(key: 9)?.base == InboxFilter(statuses: [.noAnswer]))
        #expect(SavedView.builtIn(key: 0) == nil)
    }

    // MARK: - Errors

    struct ErrorCase: Sendable, CustomTestStringConvertible {
        let text: String
        let kind: FilterError.Kind
        let offset: Int
        let russian: String
        let english: String
        var testDescription: String { text }
    }

    @Test(arguments: [
        ErrorCase(text: "статус:гото", kind: .unknownValue(.status, "гото"), offset: 7,
                  russian: "неизвестное значение статуса «гото»: новый, в_работе, у_ведомства, ждёт_автора, отвечен, закрыт, без_ответа",
                  english: "unknown status «гото»: new, in_progress, waiting_agency, waiting_citizen, answered, closed, no_answer"),
        ErrorCase(text: "яма источник:вк,факс", kind: .unknownValue(.source, "факс"), offset: 16,
                  russian: "неизвестный источник «факс»: вк, ок, тг, пос, почта, 311",
                  english: "unknown source «факс»: vk, ok, telegram, pos, email, open311"),
        ErrorCase(text: "priority:urgent", kind: .unknownValue(.priority, "urgent"), offset: 9,
                  russian: "неизвестный приоритет «urgent»: низкий, обычный, высокий, критический",
                  english: "unknown priority «urgent»: low, normal, high, critical"),
        ErrorCase(text: "статс:новый", kind: .unknownKey("статс"), offset: 0,
                  russian: "неизвестный ключ «статс»: статус, источник, приоритет, тема, ведомство, владелец, закрыто",
                  english: "unknown key «статс»: status, source, priority, topic, agency, owner, closed"),
        ErrorCase(text: "просрочено тема:", kind: .emptyValue(.topic), offset: 16,
                  russian: "нет значения после «тема:»: начало названия темы или её код, например тема:дороги",
                  english: "no value after «topic:»: the start of a topic's name or its code, e.g. topic:roads"),
        ErrorCase(text: "статус:новый,", kind: .emptyValue(.status), offset: 13,
                  russian: "нет значения после «статус:»: новый, в_работе, у_ведомства, ждёт_автора, отвечен, закрыт, без_ответа",
                  english: "no value after «status:»: new, in_progress, waiting_agency, waiting_citizen, answered, closed, no_answer"),
        ErrorCase(text: "owner:\"\"", kind: .emptyValue(.owner), offset: 6,
                  russian: "нет значения после «владелец:»: логин оператора, например владелец:ivanova",
                  english: "no value after «owner:»: an operator's login, e.g. owner:ivanova"),
        ErrorCase(text: "@я Просрочено:да", kind: .flagWithValue(.overdue, "Просрочено"), offset: 3,
                  russian: "«Просрочено» — признак без значения: напишите просто «просрочено»",
                  english: "«Просрочено» is a flag and takes no value: write just «overdue»"),
        ErrorCase(text: "ведомство:\"ДГХ Озерецк", kind: .unterminatedQuote, offset: 10,
                  russian: "кавычка \" не закрыта: добавьте \" в конце значения",
                  english: "unterminated quote: add a closing \" after the value"),
        ErrorCase(text: "закрыто:позавчера", kind: .badDate("позавчера"), offset: 8,
                  russian: "непонятная дата «позавчера»: сегодня, вчера, ГГГГ-ММ-ДД или ГГГГ-ММ-ДДTЧЧ:ММ+05:00",
                  english: "not a date «позавчера»: today, yesterday, YYYY-MM-DD or YYYY-MM-DDTHH:MM+05:00"),
        ErrorCase(text: "closed:2026-02-30", kind: .badDate("2026-02-30"), offset: 7,
                  russian: "непонятная дата «2026-02-30»: сегодня, вчера, ГГГГ-ММ-ДД или ГГГГ-ММ-ДДTЧЧ:ММ+05:00",
                  english: "not a date «2026-02-30»: today, yesterday, YYYY-MM-DD or YYYY-MM-DDTHH:MM+05:00"),
        ErrorCase(text: "закрыто:Сегодня", kind: .relativeDateWithoutClock("Сегодня"), offset: 8,
                  russian: "«Сегодня» зависит от текущего времени, а оно не задано: укажите дату, например 2026-11-29",
                  english: "«Сегодня» depends on the current time, which is not given: write a date, e.g. 2026-11-29"),
    ])
    func errors(_ example: ErrorCase) {
        do {
            let filter = try InboxFilter.parse(example.text)
            Issue.record("parsed \(example.text) as \(filter)")
        } catch {
            #expect(error.kind == example.kind)
            #expect(error.offset == example.offset)
            #expect(error.message(russian: true) == example.russian)
            #expect(error.message(russian: false) == example.english)
            #expect(error.length >= 1)
        }
    }

    @Test func errorOffsetsCountCharactersNotBytes() {
        #expect(throws: FilterError(.unknownValue(.status, "x"), offset: 21, length: 1)) {
            try InboxFilter.parse("ёжик  👩‍👩‍👧 статус:новый,x")
        }
        // The length covers the bad part.
        #expect(throws: FilterError(.unknownKey("статс"), offset: 0, length: 5)) { try InboxFilter.parse("статс:новый") }
    }

    // MARK: - Text

    static let roundTrips: [InboxFilter] = [
        InboxFilter(),
        InboxFilter(statuses: [.new], sources: [.vk], topics: ["дороги"], agencies: ["ЖКХ"], mine: true, overdue: true),
        InboxFilter(statuses: IncidentStatus.allCases, sources: SourceKind.allCases, priorities: Priority.allCases),
        InboxFilter(topics: ["Нет холодной воды, плохое", "roads.pits"], agencies: ["Адм. Озерецк", #"ООО "Рога""#],
                    owners: ["ivanova", "petrov"]),
        InboxFilter(atRisk: true, open: true, unassigned: true),
        InboxFilter(closedSince: Date(timeIntervalSince1970: 1_795_824_000)),  // midnight UTC: a date
        InboxFilter(closedSince: Date(timeIntervalSince1970: 1_795_892_400)),  // 19:00 UTC: an instant
        InboxFilter(words: ["горячей воды", "просрочено", "статус:новый", "счёт", #"a"b\c"#, "10:30"]),
        InboxFilter(statuses: [.waitingCitizen, .waitingCitizen], topics: ["тема:с двоеточием"], words: ["@я"]),
    ]

    @Test(arguments: roundTrips)
    func textRoundTrips(_ filter: InboxFilter) throws {
        #expect(try InboxFilter.parse(filter.text) == filter)
        #expect(try InboxFilter.parse(filter.text(russian: false, timeZone: FilterDates.utc)) == filter)
        #expect(try InboxFilter.parse(filter.text(russian: true, timeZone: yekaterinburg), timeZone: yekaterinburg) == filter)
        #expect(filter.description == filter.text)
    }

    @Test func textIsReadable() throws {
        let filter = try InboxFilter.parse(#"@я статус:новый,ждет тема:дороги просрочено ведомство:"ДГХ Озерецк" яма"#)
        #expect(filter.text == #"статус:новый,ждёт_автора тема:дороги ведомство:"ДГХ Озерецк" @я просрочено яма"#)
        #expect(filter.text(russian: false, timeZone: FilterDates.utc) == #"status:new,waiting_citizen topic:дороги agency:"ДГХ Озерецк" @me overdue яма"#)
        let today = SavedView.builtIn(key: 8)!.filter(now: now, timeZone: yekaterinburg)
        #expect(today.text(russian: true, timeZone: yekaterinburg) == "закрыто:2026-11-29")
        #expect(today.text == "закрыто:2026-11-28T19:00:00Z")
        #expect(today.text(russian: false, timeZone: TimeZone(identifier: "Asia/Omsk")!) == "closed:2026-11-29T01:00:00+06:00")
    }
}
