import Foundation
import OtklikCore

/// Renders the inbox into a grid: header, counters, column titles, one row per incident,
/// the status line and the key-hint bar; the help overlay on top when open.
public enum InboxScreen {
    public static func render(_ state: ConsoleState) -> Grid {
        var grid = Grid(width: state.width, height: state.height)
        if state.isTooSmall {
            renderTooSmall(state, into: &grid)
            return grid
        }
        renderHeader(state, into: &grid)
        renderColumnTitles(state, into: &grid)
        renderRows(state, into: &grid)
        renderStatusLine(state, into: &grid)
        HintBar.render(state, into: &grid, row: state.height - 1)
        if state.helpVisible { HelpOverlay.render(state, into: &grid) }
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
    }

    static func renderColumnTitles(_ state: ConsoleState, into grid: inout Grid) {
        let s = state.strings
        let columns = InboxColumns(width: grid.width)
        grid.fill(row: 2, role: .columnTitle)
        let titles = [
            DisplayWidth.fit(s.columnSLA, to: columns.sla, alignRight: true),
            DisplayWidth.fit(s.columnNumber, to: columns.number, alignRight: true),
            DisplayWidth.fit(s.columnSource, to: columns.source),
            DisplayWidth.fit(s.columnTopic, to: columns.topic),
            DisplayWidth.fit(s.columnAgency, to: columns.agency),
            DisplayWidth.fit(s.columnStatus, to: columns.status),
            s.columnText,
        ]
        grid.put(titles.joined(separator: " "), x: 0, y: 2, role: .columnTitle)
    }

    static func renderRows(_ state: ConsoleState, into grid: inout Grid) {
        let columns = InboxColumns(width: grid.width)
        let firstRow = 3
        if state.loaded && state.total == 0 {
            grid.put(" " + state.strings.emptyInbox, x: 0, y: firstRow, role: .muted)
            return
        }
        for line in 0..<state.listHeight {
            let position = state.top + line
            guard position < state.total || !state.loaded else { break }
            let y = firstRow + line
            guard let incident = state.row(at: position) else {
                grid.put(" " + state.strings.loading, x: 0, y: y, role: .muted)
                continue
            }
            renderRow(incident, state: state, columns: columns, y: y, into: &grid)
            if position == state.cursor {
                grid.restyle(row: y, role: .selected)
            }
        }
    }

    static func renderRow(_ incident: IncidentSummary, state: ConsoleState, columns: InboxColumns, y: Int, into grid: inout Grid) {
        let s = state.strings
        let clock = incident.clockState(at: state.now)
        let slaText = incident.dueAt.map { Countdown.text(until: $0, now: state.now, strings: s) } ?? "—"
        let slaRole: StyleRole = switch clock {
        case .stopped: .slaNone
        case .running: .slaOK
        case .warning: .slaWarning
        case .breached: .slaBreached
        }
        let rowRole: StyleRole = incident.status == .new ? .rowNew : .row
        var x = 0
        func cell(_ text: String, _ width: Int, _ role: StyleRole, right: Bool = false) {
            grid.put(DisplayWidth.fit(text, to: width, alignRight: right), x: x, y: y, role: role)
            x += width + 1
        }
        cell(slaText, columns.sla, slaRole, right: true)
        cell(String(incident.number), columns.number, incident.priority >= .high ? .priorityHigh : rowRole, right: true)
        cell(s.sources[incident.source.rawValue] ?? incident.source.rawValue, columns.source, rowRole)
        cell(UntrustedText.oneLine(incident.topicName ?? "—"), columns.topic, rowRole)
        cell(UntrustedText.oneLine(incident.agencyShortName ?? "—"), columns.agency, rowRole)
        cell(s.statuses[incident.status.rawValue] ?? incident.status.rawValue, columns.status, rowRole)
        grid.put(DisplayWidth.truncate(UntrustedText.oneLine(incident.excerpt), to: columns.text), x: x, y: y, role: rowRole)
    }

    static func renderStatusLine(_ state: ConsoleState, into grid: inout Grid) {
        let y = state.height - 2
        grid.fill(row: y, role: .statusBar)
        let position = state.total == 0 ? "" : state.strings.position(state.cursor + 1, state.total)
        let positionWidth = DisplayWidth.of(position)
        grid.put(position + " ", x: grid.width - positionWidth - 1, y: y, role: .statusBar)
        if let message = state.message {
            grid.put(" " + UntrustedText.oneLine(message), x: 0, y: y, role: .statusBar, maxWidth: grid.width - positionWidth - 2)
        }
    }
}

/// The header clock: day, month and time to the second in the center's zone.
enum HeaderClock {
    static func text(_ date: Date, timeZone: TimeZone) -> String {
        let local = Int(date.timeIntervalSince1970.rounded(.down)) + timeZone.secondsFromGMT(for: date)
        let day = CivilDay(number: local >= 0 ? local / 86_400 : (local - 86_399) / 86_400)
        let seconds = local - day.number * 86_400
        let c = day.components
        func two(_ n: Int) -> String { n < 10 ? "0\(n)" : String(n) }
        return "\(two(c.day)).\(two(c.month)) \(two(seconds / 3_600)):\(two(seconds % 3_600 / 60)):\(two(seconds % 60))"
    }
}
