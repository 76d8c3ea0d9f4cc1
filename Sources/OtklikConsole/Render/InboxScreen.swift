import Foundation
import OtklikCore

/// Renders the console into a grid: header, counters, column titles, the list, the
/// detail pane, the message line (or the prompt) and the key-hint bar; the help overlay
/// on top when open.
public enum InboxScreen {
    public static func render(_ state: ConsoleState) -> Grid {
        var grid = Grid(width: state.width, height: state.height)
        if state.isTooSmall {
            renderTooSmall(state, into: &grid)
            state.glyphs.apply(to: &grid)
            return grid
        }
        let layout = state.layout
        renderHeader(state, into: &grid)
        if layout.list.height > 0 {
            renderColumnTitles(state, width: layout.list.width, into: &grid)
            renderRows(state, area: layout.list, into: &grid)
        }
        if layout.sideBySide {
            for y in 2..<(layout.list.y + layout.list.height) {
                grid.put("│", x: layout.list.width, y: y, role: .separator)
            }
        }
        DetailPane.render(state, area: layout.detail, into: &grid)
        renderStatusLine(state, into: &grid)
        if state.prompt != nil, let message = state.message, state.messageIsError {
            // A mistake in what was typed: shown under the prompt, which stays open.
            grid.fill(row: state.height - 1, role: .error)
            grid.put(" " + UntrustedText.oneLine(message), x: 0, y: state.height - 1, role: .error)
        } else {
            HintBar.render(state, into: &grid, row: state.height - 1)
        }
        if state.helpVisible { HelpOverlay.render(state, into: &grid) }
        state.glyphs.apply(to: &grid)
        return grid
    }

    static func renderTooSmall(_ state: ConsoleState, into grid: inout Grid) {
        guard grid.height > 0 else { return }
        let text = DisplayWidth.truncate("\(state.strings.terminalTooSmall) (\(state.width)×\(state.height))", to: grid.width)
        let x = max(0, (grid.width - DisplayWidth.of(text)) / 2)
        grid.put(text, x: x, y: grid.height / 2, role: .error)
    }

    static func renderHeader(_ state: ConsoleState, into grid: inout Grid) {
        let s = state.strings
        grid.fill(row: 0, role: .headerTitle)
        let clock = HeaderClock.text(state.now, timeZone: state.timeZone)
        let right = "\(state.operatorLabel)  \(clock) "
        let rightWidth = DisplayWidth.of(right)
        let title = " \(s.appName) · \(state.centerName)"
        grid.put(DisplayWidth.truncate(title, to: max(1, grid.width - rightWidth - 1)), x: 0, y: 0, role: .headerTitle)
        grid.put(right, x: grid.width - rightWidth, y: 0, role: .headerTitle)

        var x = 1
        let c = state.counters
        let items: [(String, Int, StyleRole)] = [
            (s.newCount, c.new, .headerCounter), (s.openCount, c.open, .headerCounter),
            (s.atRisk, c.atRisk, c.atRisk > 0 ? .slaWarning : .headerCounter),
            (s.overdue, c.overdue, c.overdue > 0 ? .slaBreached : .headerCounter),
        ]
        for (index, (label, value, role)) in items.enumerated() {
            if index > 0 { x = grid.put(" · ", x: x, y: 1, role: .muted) }
            x = grid.put("\(label) ", x: x, y: 1, role: .normal)
            x = grid.put(String(value), x: x, y: 1, role: role)
        }
        // The order of the list, on the right, when the counters leave room for it.
        let sort = "\(s.sortLabel): \(s.sortNames[state.sort] ?? state.sort.rawValue) "
        let sortX = grid.width - DisplayWidth.of(sort)
        if sortX >= x + 2 { grid.put(sort, x: sortX, y: 1, role: .muted) }
    }

    static func renderColumnTitles(_ state: ConsoleState, width: Int, into grid: inout Grid) {
        let s = state.strings
        let columns = InboxColumns(width: width)
        grid.fill(row: 2, to: width, role: .columnTitle)
        var titles = [
            DisplayWidth.fit(s.columnSLA, to: columns.sla, alignRight: true),
            DisplayWidth.fit(s.columnNumber, to: columns.number, alignRight: true),
            DisplayWidth.fit(s.columnSource, to: columns.source),
            DisplayWidth.fit(s.columnTopic, to: columns.topic),
            DisplayWidth.fit(s.columnAgency, to: columns.agency),
            DisplayWidth.fit(s.columnStatus, to: columns.status),
        ]
        if columns.owner > 0 {
            titles.append(DisplayWidth.fit(s.columnOwner, to: columns.owner))
            titles.append(DisplayWidth.fit(s.columnAge, to: columns.age, alignRight: true))
        }
        titles.append(s.columnText)
        grid.put(titles.joined(separator: " "), x: 0, y: 2, role: .columnTitle, maxWidth: width)
    }

    static func renderRows(_ state: ConsoleState, area: Layout.Area, into grid: inout Grid) {
        let columns = InboxColumns(width: area.width)
        if state.loaded && state.total == 0 {
            let empty = state.filter.isEmpty ? state.strings.emptyInbox : state.strings.nothingMatches
            grid.put(" " + empty, x: 0, y: area.y, role: .muted, maxWidth: area.width)
            return
        }
        for line in 0..<area.height {
            let position = state.top + line
            guard position < state.total || !state.loaded else { break }
            let y = area.y + line
            guard let incident = state.row(at: position) else {
                grid.put(" " + state.strings.loading, x: 0, y: y, role: .muted, maxWidth: area.width)
                continue
            }
            renderRow(incident, state: state, columns: columns, y: y, into: &grid)
            if position == state.cursor {
                // Reverse video over the row, keeping highlighted search words visible.
                for x in 0..<area.width where grid[x, y].role != .searchMatch { grid[x, y].role = .selected }
            }
        }
    }

    static func renderRow(_ incident: IncidentSummary, state: ConsoleState, columns: InboxColumns, y: Int, into grid: inout Grid) {
        let s = state.strings
        let slaText = incident.dueAt.map { Countdown.text(until: $0, now: state.now, calendar: incident.calendar, strings: s) } ?? "—"
        let slaRole: StyleRole = switch incident.clockState(at: state.now) {
        case .stopped: .slaNone
        case .running: .slaOK
        case .warning: .slaWarning
        case .breached: .slaBreached
        }
        let tagged = state.tagged[incident.id] != nil
        let rowRole: StyleRole = tagged ? .tagged : (incident.status == .new || state.arrived.contains(incident.id)) ? .rowNew : .row
        var x = 0
        func cell(_ text: String, _ width: Int, _ role: StyleRole, right: Bool = false, after gap: Character = " ") {
            grid.put(DisplayWidth.fit(text, to: width, alignRight: right), x: x, y: y, role: role)
            grid.put(String(gap), x: x + width, y: y, role: rowRole)
            x += width + 1
        }
        // Markers in the gaps: • just arrived from another process, * tagged.
        cell(slaText, columns.sla, slaRole, right: true, after: state.arrived.contains(incident.id) ? "•" : " ")
        cell(String(incident.number), columns.number, incident.priority >= .high ? .priorityHigh : rowRole, right: true,
             after: tagged ? "*" : " ")
        cell(s.sources[incident.source.rawValue] ?? incident.source.rawValue, columns.source, rowRole)
        cell(UntrustedText.oneLine(incident.topicName ?? "—"), columns.topic, rowRole)
        cell(UntrustedText.oneLine(incident.agencyShortName ?? "—"), columns.agency, rowRole)
        cell(s.statuses[incident.status.rawValue] ?? incident.status.rawValue, columns.status, rowRole)
        if columns.owner > 0 {
            cell(incident.ownerLogin ?? "—", columns.owner, rowRole)
            cell(Age.text(since: incident.createdAt, now: state.now, strings: s), columns.age, rowRole, right: true)
        }
        let text = DisplayWidth.truncate(UntrustedText.oneLine(incident.excerpt), to: columns.text)
        putHighlighted(text, words: state.searchWords, x: x, y: y, role: rowRole, into: &grid)
    }

    /// Writes text with the search words in the match style.
    static func putHighlighted(_ text: String, words: [String], x: Int, y: Int, role: StyleRole, into grid: inout Grid) {
        let matches = Highlight.ranges(in: text, words: words)
        guard !matches.isEmpty else {
            grid.put(text, x: x, y: y, role: role)
            return
        }
        var column = x
        for (index, character) in text.enumerated() {
            let inMatch = matches.contains { $0.contains(index) }
            column = grid.put(String(character), x: column, y: y, role: inMatch ? .searchMatch : role)
        }
    }

    static func renderStatusLine(_ state: ConsoleState, into grid: inout Grid) {
        let y = state.height - 2
        grid.fill(row: y, role: .statusBar)
        if let prompt = state.prompt {
            PromptLine.render(prompt, state: state, row: y, into: &grid)
            return
        }
        if let confirmation = state.confirmation {
            grid.fill(row: y, role: .prompt)
            grid.put(" " + confirmation.question + " ", x: 0, y: y, role: .prompt)
            return
        }
        if state.sortMenuOpen {
            renderSortMenu(state, row: y, into: &grid)
            return
        }
        let s = state.strings
        var right = state.total == 0 ? "" : s.position(state.cursor + 1, state.total)
        if !state.tagged.isEmpty { right = s.taggedCount(state.tagged.count) + "  " + right }
        if state.paused { right = s.pausedMark + "  " + right }
        let rightWidth = DisplayWidth.of(right)
        grid.put(right + " ", x: grid.width - rightWidth - 1, y: y, role: .statusBar)
        let room = grid.width - rightWidth - 3
        if let message = state.message {
            grid.put(" " + UntrustedText.oneLine(message), x: 0, y: y, role: state.messageIsError ? .error : .statusBar, maxWidth: room)
        } else {
            grid.put(" " + QueryLabel.text(state), x: 0, y: y, role: .statusBar, maxWidth: room)
        }
    }
}

extension InboxScreen {
    /// The sort menu on the message line: each order with its digit, the current one
    /// highlighted.
    static func renderSortMenu(_ state: ConsoleState, row y: Int, into grid: inout Grid) {
        let s = state.strings
        grid.fill(row: y, role: .prompt)
        var x = grid.put(" \(s.sortMenu) ", x: 0, y: y, role: .prompt)
        for (index, sort) in InboxSort.allCases.enumerated() {
            let item = "\(index + 1) \(s.sortNames[sort] ?? sort.rawValue)"
            let gap = index > 0 ? 2 : 0
            guard x + gap + DisplayWidth.of(item) <= grid.width else { break }
            x += gap
            x = grid.put(item, x: x, y: y, role: sort == state.sort ? .selected : .prompt)
        }
    }
}

/// What the list shows: the saved view, the filter and the search, in words.
enum QueryLabel {
    static func text(_ state: ConsoleState) -> String {
        let s = state.strings
        var parts: [String] = []
        if let key = state.viewKey, let view = SavedView.builtIn(key: key) {
            parts.append("\(s.view) \(key): \(view.name(russian: state.language == .ru))")
        }
        if !state.filterText.isEmpty { parts.append("\(s.filterLabel): \(state.filterText)") }
        if !state.searchWords.isEmpty { parts.append("\(s.searchLabel): «\(state.searchWords.joined(separator: " "))»") }
        return parts.isEmpty ? s.allIncidents : parts.joined(separator: " · ")
    }
}

/// The header clock: day, month and time to the second in the center's zone.
enum HeaderClock {
    static func text(_ date: Date, timeZone: TimeZone) -> String {
        let c = LocalTime(date, timeZone: timeZone)
        return "\(c.two(c.day)).\(c.two(c.month)) \(c.two(c.hour)):\(c.two(c.minute)):\(c.two(c.second))"
    }
}

/// A moment's local date and time, for display.
struct LocalTime {
    let year, month, day, hour, minute, second: Int

    init(_ date: Date, timeZone: TimeZone) {
        let local = Int(date.timeIntervalSince1970.rounded(.down)) + timeZone.secondsFromGMT(for: date)
        let dayNumber = local >= 0 ? local / 86_400 : (local - 86_399) / 86_400
        let seconds = local - dayNumber * 86_400
        let c = CivilDay(number: dayNumber).components
        (year, month, day) = (c.year, c.month, c.day)
        (hour, minute, second) = (seconds / 3_600, seconds % 3_600 / 60, seconds % 60)
    }

    func two(_ n: Int) -> String { n < 10 ? "0\(n)" : String(n) }

    /// "28.11 14:05".
    var short: String { "\(two(day)).\(two(month)) \(two(hour)):\(two(minute))" }
}
