import Foundation
import GRDB
import Testing

/// The real binary in a real terminal (tmux), as an operator would use it.
@Suite(.serialized) struct ConsoleEndToEndTests {
    static let folder = temporaryFolder()
    static let store: String = {
        let path = folder + "/demo.sqlite"
        _ = try? run(otklikBinary, ["demo", "--db", path, "--size", "300", "--seed", "1", "--no-open"])
        return path
    }()

    /// A shell command line that runs the console and then reports how it ended.
    func command(_ environment: String, _ arguments: String = "") -> String {
        "env \(environment) \(otklikBinary) --db \(Self.store) --operator ivanova \(arguments); echo OTKLIK-EXIT=$?; sleep 30"
    }

    @Test func navigateHelpResizeAndQuitRestoringTheTerminal() throws {
        let tmux = try TmuxSession(width: 100, height: 30, command: command("LANG=C.UTF-8 TERM=xterm-256color"))
        // Rows with Cyrillic text and sources (waited for with the status line: ncurses
        // may draw the bottom line before the rows).
        func sourceRows(_ screen: String) -> Int {
            screen.split(separator: "\n").filter { $0.contains(" ВК ") || $0.contains(" ПОС ") || $0.contains(" ТГ ") }.count
        }
        let first = try tmux.waitFor("the inbox") { $0.contains("1 из 300") && sourceRows($0) >= 3 }
        #expect(first.contains("Отклик · ЦУР Северо-Озёрской области"))
        #expect(first.contains("ivanova · оператор"))
        #expect(first.contains("новые ") && first.contains("просрочено"))
        #expect(first.contains("j вниз"))

        try tmux.send("j")
        try tmux.waitFor("the cursor on row 2") { $0.contains("2 из 300") }
        try tmux.send("Down")
        try tmux.waitFor("the cursor on row 3") { $0.contains("3 из 300") }
        try tmux.send("G")
        try tmux.waitFor("the last row") { $0.contains("300 из 300") }
        try tmux.send("g")
        try tmux.waitFor("the first row") { $0.contains("1 из 300") }
        // At 100×30 the list shows 13 rows above the detail pane.
        try tmux.send("PageDown")
        try tmux.waitFor("a page down") { $0.contains("14 из 300") }

        try tmux.send("?")
        try tmux.waitFor("help") { $0.contains("Следующий инцидент") && $0.contains("j/k — листать") }
        try tmux.send("G")
        try tmux.waitFor("the end of the help") { $0.contains("Справка по клавишам") }
        // Resizing with the overlay open keeps it and relays out.
        try tmux.resize(width: 120, height: 40)
        let wide = try tmux.waitFor("the wider layout") { $0.split(separator: "\n", omittingEmptySubsequences: false).count >= 40 && $0.contains("Справка по клавишам") }
        #expect(wide.contains("Ведомство"))
        try tmux.send("Escape")
        try tmux.waitFor("help closed") { !$0.contains("Справка по клавишам") }
        try tmux.resize(width: 60, height: 20)
        try tmux.waitFor("the too-small notice") { $0.contains("Окно слишком мало") }
        try tmux.resize(width: 100, height: 30)
        try tmux.waitFor("the inbox again") { $0.contains("14 из 300") }

        try tmux.send("q")
        let after = try tmux.waitFor("the exit") { $0.contains("OTKLIK-EXIT=0") }
        // The alternate screen is gone: nothing of the console is left on the terminal.
        #expect(!after.contains("j вниз"))
        #expect(!after.contains("ЦУР"))
        let cursor = try tmux.tmux(["display-message", "-p", "-t", tmux.name, "#{cursor_flag} #{alternate_on}"]).output
        #expect(cursor.trimmingCharacters(in: .whitespacesAndNewlines) == "1 0")  // cursor visible, normal screen
    }

    @Test func searchFilterDetailAndThemeSwitch() throws {
        let tmux = try TmuxSession(width: 120, height: 40, command: command("LANG=C.UTF-8 TERM=xterm-256color"))
        try tmux.waitFor("the inbox") { $0.contains("1 из 300") }
        // The detail pane follows the cursor: the thread of the selected incident.
        try tmux.waitFor("the detail pane") { $0.contains("── Переписка ──") }

        // Full-text search in Cyrillic, ё folded: «счёт» finds «счет» and «счёт».
        try tmux.send("/")
        try tmux.typeLiteral("счёт")
        try tmux.send("Enter")
        let found = try tmux.waitFor("search results") { $0.contains("поиск: «счет»") }
        let total = try #require(Self.total(in: found))
        #expect(total > 0 && total < 300)

        // Esc clears the search; the filter language narrows the list.
        try tmux.send("Escape")
        try tmux.waitFor("all incidents again") { $0.contains("из 300") && $0.contains("Все инциденты") }
        try tmux.typeLiteral("\\")
        try tmux.typeLiteral("статус:гото")
        try tmux.send("Enter")
        try tmux.waitFor("a clear error") { $0.contains("гото") && $0.contains("фильтр:") }
        try tmux.send("End")
        try tmux.send("C-u")
        try tmux.typeLiteral("статус:закрыт источник:вк")
        try tmux.send("Enter")
        // The list rows (those with a status column) are all closed VK incidents. Waited
        // for as a whole: ncurses may draw the status line before the rows above it.
        func closedRows(_ screen: String) -> [Substring] {
            screen.split(separator: "\n").filter { $0.contains(" закрыт ") && !$0.contains("№") }
        }
        let filtered = try tmux.waitFor("the filtered list") {
            $0.contains("фильтр: статус:закрыт источник:вк") && !closedRows($0).isEmpty
        }
        #expect(closedRows(filtered).allSatisfy { $0.contains(" ВК ") })

        // A saved view, then everything again.
        try tmux.send("4")
        try tmux.waitFor("view 4") { $0.contains("Вид 4: Просроченные") }
        try tmux.send("7")
        try tmux.waitFor("view 7") { $0.contains("Вид 7: Все") && $0.contains("из 300") }

        // Enter opens the detail full screen; Esc returns.
        try tmux.send("Enter")
        try tmux.waitFor("the full detail") { $0.contains("Esc/Enter — к списку") && $0.contains("Реакция до") }
        try tmux.send("Escape")
        try tmux.waitFor("the list") { $0.contains("Ведомство") && !$0.contains("Esc/Enter — к списку") }

        // Switch themes live, with completion, and a clear error for a missing one.
        try tmux.send(":")
        try tmux.typeLiteral("theme li")
        try tmux.send("Tab")
        try tmux.waitFor("completion") { $0.contains(":theme light") }
        try tmux.send("Enter")
        try tmux.waitFor("the light theme") { $0.contains("Тема оформления: light") }
        try tmux.send(":")
        try tmux.typeLiteral("theme nosuch")
        try tmux.send("Enter")
        try tmux.waitFor("a theme error") { $0.contains("nosuch") }

        // q first backs out of the view, then quits.
        try tmux.send("q")
        try tmux.waitFor("the plain inbox") { $0.contains("Все инциденты") && !$0.contains("Вид 7") }
        try tmux.send("q")
        try tmux.waitFor("the exit") { $0.contains("OTKLIK-EXIT=0") }
    }

    /// N from "k из N" on the status line.
    static func total(in screen: String) -> Int? {
        guard let range = screen.range(of: #"\d+ из (\d+)"#, options: .regularExpression) else { return nil }
        return Int(screen[range].split(separator: " ").last ?? "")
    }

    @Test func anotherProcessesIncidentAppearsWithinASecond() throws {
        let folder = temporaryFolder()
        let path = folder + "/live.sqlite"
        try run(otklikBinary, ["demo", "--db", path, "--size", "50", "--seed", "4", "--no-open"])
        let tmux = try TmuxSession(width: 100, height: 30,
                                   command: "env LANG=C.UTF-8 \(otklikBinary) --db \(path); echo OTKLIK-EXIT=$?; sleep 30")
        try tmux.waitFor("the inbox") { $0.contains("1 из 50") }
        let written = try run(otklikBinary, ["db", "stress", "--db", path, "--writes", "1", "--label", "live"])
        #expect(written.status == 0)
        let started = Date()
        try tmux.waitFor("the new incident", timeout: 3) { $0.contains("из 51") }
        #expect(Date().timeIntervalSince(started) < 1.5)
        try tmux.send("q")
        try tmux.waitFor("the exit") { $0.contains("OTKLIK-EXIT=0") }
    }

    /// An operator sorts by status, takes the first new incident with `a` and sees it go
    /// into work under their name, then marks it "no answer owed" (asked y/n: n cancels,
    /// y does it); the store has the change and its audit events.
    @Test func takeAnIncidentThenMarkItNoAnswer() throws {
        let folder = temporaryFolder()
        let path = folder + "/actions.sqlite"
        try run(otklikBinary, ["demo", "--db", path, "--size", "50", "--seed", "4", "--no-open"])
        // The demo's statuses follow the clock: at some hours none of its fifty incidents
        // is still new. A citizen's post arriving now is.
        let post = #"{"source":"vk","external_id":"e2e-new-1","kind":"post","text":"Во дворе огромная яма, не проехать","created_at":"\#(ISO8601DateFormatter().string(from: Date()))"}"#
        try (post + "\n").write(toFile: folder + "/new.jsonl", atomically: true, encoding: .utf8)
        let ingested = try run(ingestBinary, ["--db", path, "--quiet", folder + "/new.jsonl"])
        #expect(ingested.status == 0, "\(ingested.error)")
        let tmux = try TmuxSession(width: 120, height: 40,
                                   command: "env LANG=C.UTF-8 TERM=xterm-256color \(otklikBinary) --db \(path) --operator ivanova; echo OTKLIK-EXIT=$?; sleep 30")
        try tmux.waitFor("the inbox") { $0.contains("1 из 51") && $0.contains("порядок: по сроку") }

        // Sort by status: new incidents first.
        try tmux.send("o")
        try tmux.waitFor("the sort menu") { $0.contains("Порядок: 1 по сроку  2 сначала новые") }
        try tmux.send("4")
        let sorted = try tmux.waitFor("new incidents first") {
            $0.contains("порядок: по статусу") && Self.detailTitle(in: $0)?.status == "новый"
        }
        let number = try #require(Self.detailTitle(in: sorted)?.number)

        // Take it: in work, mine.
        try tmux.send("a")
        let taken = try tmux.waitFor("the incident in work") {
            $0.contains("№\(number) взято в работу") && Self.detailTitle(in: $0)?.number == number
                && Self.detailTitle(in: $0)?.status == "в работе"
        }
        #expect(taken.split(separator: "\n").contains { $0.contains(" \(number) ") && $0.contains("в работе") && $0.contains("ivanova") })

        // No answer owed: asked first; n cancels, y goes ahead.
        try tmux.send("X")
        try tmux.waitFor("the question") { $0.contains("Отметить №\(number) «без ответа» (ответ не требуется)? y/n") }
        try tmux.send("n")
        try tmux.waitFor("cancelled") { $0.contains("Отменено") && Self.detailTitle(in: $0)?.status == "в работе" }
        try tmux.send("X")
        try tmux.waitFor("the question again") { $0.contains("y/n") }
        try tmux.send("y")
        try tmux.waitFor("no answer owed") {
            $0.contains("№\(number) отмечено «без ответа»") && Self.detailTitle(in: $0)?.number == number
                && Self.detailTitle(in: $0)?.status == "без ответа"
        }

        // The store agrees, with the audit trail.
        let store = try DatabaseQueue(path: path)
        let (status, owner, events) = try store.read { db in
            let incident = try Row.fetchOne(db, sql: """
                SELECT i.id, i.status, o.login FROM incident i LEFT JOIN operator o ON o.id = i.owner_id WHERE i.number = ?
                """, arguments: [number])!
            let events = try String.fetchAll(db, sql: """
                SELECT action || ' ' || field || ' ' || coalesce(after, '-') FROM event
                WHERE incident_id = ? AND actor = 'operator:ivanova' ORDER BY id
                """, arguments: [incident[0] as Int64])
            return (incident[1] as String, incident[2] as String?, events)
        }
        #expect(status == "no_answer" && owner == "ivanova")
        #expect(events == ["incident.take status in_progress", "incident.take owner ivanova", "incident.no_answer status no_answer"])
        try tmux.send("q")
        try tmux.waitFor("the exit") { $0.contains("OTKLIK-EXIT=0") }
    }

    /// The number and status in the detail pane's title, " №1234 · ВК · новый ".
    static func detailTitle(in screen: String) -> (number: Int, status: String)? {
        guard let match = screen.firstMatch(of: /№(\d+) · [^·\n]+ · ([^·\n]+?)\s{2,}/) else { return nil }
        return (Int(match.1)!, String(match.2))
    }

    @Test func cyrillicSurvivesAPlainCLocale() throws {
        let tmux = try TmuxSession(width: 80, height: 24, command: command("LANG=C LC_ALL=C TERM=xterm-256color"))
        let screen = try tmux.waitFor("the inbox") { $0.contains("из 300") }
        #expect(screen.contains("Отклик · ЦУР"))
        try tmux.send("Q")
        try tmux.waitFor("the exit") { $0.contains("OTKLIK-EXIT=0") }
    }

    @Test func asciiLineDrawingOnRequest() throws {
        let tmux = try TmuxSession(width: 80, height: 24, command: command("LANG=C.UTF-8 OTKLIK_ASCII=1 TERM=xterm-256color"))
        let screen = try tmux.waitFor("the inbox") { $0.contains("1 из 300") && $0.contains("~") }
        #expect(screen.contains("Отклик | ЦУР"))
        #expect(!screen.contains("…") && !screen.contains("·") && !screen.contains("─"))
        try tmux.send("q")
        try tmux.waitFor("the exit") { $0.contains("OTKLIK-EXIT=0") }
    }

    @Test func englishAndAnUnknownTerminalType() throws {
        let tmux = try TmuxSession(width: 80, height: 24, command: command("LANG=C.UTF-8 TERM=no-such-terminal", "--lang en"))
        let screen = try tmux.waitFor("the inbox") { $0.contains("1 of 300") }
        #expect(screen.contains("j down"))
        try tmux.send("q")
        try tmux.waitFor("the exit") { $0.contains("OTKLIK-EXIT=0") }
    }

    @Test func sigtermAndSighupRestoreTheTerminal() throws {
        for (signal, code) in [("TERM", 143), ("HUP", 129)] {
            let tmux = try TmuxSession(width: 80, height: 24, command: command("LANG=C.UTF-8"))
            try tmux.waitFor("the inbox") { $0.contains("1 из 300") }
            // The pane runs a shell whose child is the console (`env` execs it).
            let shell = try tmux.tmux(["display-message", "-p", "-t", tmux.name, "#{pane_pid}"]).output
                .trimmingCharacters(in: .whitespacesAndNewlines)
            let console = try run("/usr/bin/env", ["pgrep", "-P", shell]).output.split(separator: "\n")
            #expect(console.count == 1)
            for pid in console { _ = try run("/bin/kill", ["-\(signal)", String(pid)]) }
            let after = try tmux.waitFor("the exit after SIG\(signal)") { $0.contains("OTKLIK-EXIT=") }
            #expect(after.contains("OTKLIK-EXIT=\(code)"))
            #expect(!after.contains("из 300"))
        }
    }
}
