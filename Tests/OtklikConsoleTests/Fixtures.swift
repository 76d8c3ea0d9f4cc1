import Foundation
import OtklikConsole
import OtklikCore

/// 2026-11-28 12:00:00 UTC.
let fixtureNow = Date(timeIntervalSince1970: 1_795_867_200)

func incident(_ number: Int, due minutes: Int?, warnMinutes: Int? = nil, source: SourceKind = .vk,
              status: IncidentStatus = .inProgress, priority: Priority = .normal, topic: String? = "Ямы и выбоины на дороге",
              agency: String? = "Упрдор", text: String = "На ул. Ленина огромная яма, машины бьют колёса") -> IncidentSummary {
    IncidentSummary(
        id: Int64(number), number: number, source: source, status: status, priority: priority,
        topicName: topic, agencyShortName: agency, ownerLogin: nil, createdAt: fixtureNow.addingTimeInterval(-7_200),
        dueAt: minutes.map { fixtureNow.addingTimeInterval(Double($0 * 60)) },
        warnAt: warnMinutes.map { fixtureNow.addingTimeInterval(Double($0 * 60)) },
        excerpt: text, version: 1)
}

/// A small inbox with every kind of row: overdue, at risk, running, stopped, wide text,
/// an escape sequence, each source.
let fixtureRows: [IncidentSummary] = [
    incident(1041, due: -135, source: .pos, status: .waitingAgency, topic: "Отсутствие горячей воды", agency: "Водоканал",
             text: "Третью неделю нет горячей воды в доме 12 по ул. Мира"),
    incident(1187, due: 14, warnMinutes: -5, source: .telegram, status: .new, priority: .high, agency: nil,
             text: "\u{1B}]52;c;cm0gLXJmIH4=\u{07}Сосульки над входом в школу!!!"),
    incident(1203, due: 95, source: .vk),
    incident(1250, due: 3 * 1_440 + 125, source: .email, status: .answered, topic: "Вывоз мусора", agency: "Регоператор",
             text: "Контейнеры не вывозят с понедельника 😡 漢字テスト"),
    incident(1299, due: nil, source: .ok, status: .waitingCitizen, topic: "Лифт неисправен", agency: "ГЖИ",
             text: "Лифт стоит, в подъезде пожилые люди"),
    incident(1300, due: nil, source: .open311, status: .closed, topic: "Уличное освещение", agency: "Адм. Озерецк",
             text: "Не горят фонари во дворе"),
]

func fixtureState(width: Int = 80, height: Int = 24, language: Language = .ru) -> ConsoleState {
    var state = ConsoleState(width: width, height: height, language: language, centerName: "ЦУР Северо-Озёрской области",
                             operatorLabel: "ivanova · оператор", timeZone: TimeZone(identifier: "Asia/Yekaterinburg")!,
                             now: fixtureNow)
    let snapshot = InboxSnapshot(total: fixtureRows.count, offset: 0, rows: fixtureRows,
                                 counters: InboxCounters(new: 1, open: 4, atRisk: 1, overdue: 1))
    state = ConsoleUpdate.update(state, .loaded(snapshot)).0
    state = ConsoleUpdate.update(state, .detailLoaded(fixtureDetail(fixtureRows[0]))).0
    return state
}

/// A detail for a fixture row: the post, a note and a reply, with a history line.
func fixtureDetail(_ summary: IncidentSummary) -> IncidentDetail {
    IncidentDetail(
        summary: summary, authorName: "Ольга Смирнова", authorProfile: "https://vk.com/id700042",
        link: "https://vk.com/wall-71234567_100042", place: "Озерецк, ул. Ленина, д. 5", agencyName: "ГКУ «Упрдор»",
        registeredAt: summary.createdAt.addingTimeInterval(300),
        deadlines: IncidentDeadlines(firstReaction: summary.createdAt.addingTimeInterval(3_900), answer: summary.dueAt, final: nil),
        firstReactionAt: summary.createdAt.addingTimeInterval(1_800), answeredAt: nil, closedAt: nil,
        policyName: "Соцсети: обычное",
        thread: [
            .init(kind: .citizenPost, from: "Ольга Смирнова", at: summary.createdAt, text: summary.excerpt, editedAt: nil),
            .init(kind: .internalNote, from: "ivanova", at: summary.createdAt.addingTimeInterval(1_800),
                  text: "Передала в Упрдор, звонила дежурному.", editedAt: nil),
        ],
        history: [.init(at: summary.createdAt.addingTimeInterval(300), actor: "system:ingest", action: "incident.registered",
                        field: nil, before: nil, after: "new")])
}
