import Foundation
import OtklikCore

/// The detail pane: who wrote, where, the link, the deadlines with the policy that set
/// them, the thread (citizen posts, follow-ups, replies, internal notes) and the history.
/// Citizens' text is shown inert; search words are highlighted.
enum DetailPane {
    /// One line of the pane with its role (and whether search words are highlighted in it).
    struct Line {
        let text: String
        let role: StyleRole
        var highlight = false
    }

    static func render(_ state: ConsoleState, area: Layout.Area, into grid: inout Grid) {
        guard area.height > 0 else { return }
        let s = state.strings
        // The title line doubles as the separator between list and detail.
        grid.fill(row: area.y, from: area.x, to: area.x + area.width, role: .detailTitle)
        let title: String
        if let detail = state.detail {
            title = " №\(detail.summary.number) · \(s.sources[detail.summary.source.rawValue] ?? "") · \(s.statuses[detail.summary.status.rawValue] ?? "") "
        } else {
            title = state.selected == nil ? "" : " " + s.loading
        }
        let hint = state.detailMode == .full ? s.detailFullHint : ""
        grid.put(title, x: area.x, y: area.y, role: .detailTitle, maxWidth: area.width)
        if !hint.isEmpty && area.width > DisplayWidth.of(title) + DisplayWidth.of(hint) + 2 {
            grid.put(hint, x: area.x + area.width - DisplayWidth.of(hint) - 1, y: area.y, role: .detailTitle)
        }
        guard let detail = state.detail else { return }
        let textWidth = max(10, area.width - 2)
        let all = lines(detail, state: state, width: textWidth)
        let visible = area.height - 1
        let scroll = min(state.detailScroll, max(0, all.count - visible))
        for (index, line) in all.dropFirst(scroll).prefix(visible).enumerated() {
            let y = area.y + 1 + index
            if line.highlight {
                InboxScreen.putHighlighted(line.text, words: state.searchWords, x: area.x + 1, y: y, role: line.role, into: &grid)
            } else {
                grid.put(line.text, x: area.x + 1, y: y, role: line.role, maxWidth: textWidth)
            }
        }
    }

    static func lines(_ detail: IncidentDetail, state: ConsoleState, width: Int) -> [Line] {
        let s = state.strings
        let zone = state.timeZone
        var out: [Line] = []
        func field(_ label: String, _ value: String?) {
            guard let value, !value.isEmpty else { return }
            for (index, piece) in Wrap.lines("\(label): \(UntrustedText.oneLine(value))", width: width).enumerated() {
                out.append(Line(text: index == 0 ? piece : "  " + piece, role: .normal))
            }
        }
        let summary = detail.summary
        field(s.fieldAuthor, [detail.authorName, detail.authorProfile].compactMap { $0 }.joined(separator: " · "))
        field(s.fieldLink, detail.link)
        field(s.fieldPlace, detail.place)
        field(s.fieldTopic, summary.topicName)
        field(s.fieldAgency, detail.agencyName)
        field(s.fieldOwner, summary.ownerLogin)
        field(s.fieldPolicy, detail.policyName)
        func deadline(_ label: String, _ due: Date?, _ done: Date?) {
            guard let due else { return }
            var text = LocalTime(due, timeZone: zone).short
            if let done {
                text += " — \(s.done) \(LocalTime(done, timeZone: zone).short)\(done > due ? " (\(s.late))" : "")"
            } else {
                text += " (\(Countdown.text(until: due, now: state.now, calendar: detail.summary.calendar, strings: s, long: true)))"
            }
            field(label, text)
        }
        deadline(s.fieldReactionDue, detail.deadlines.firstReaction, detail.firstReactionAt)
        deadline(s.fieldAnswerDue, detail.deadlines.answer, detail.answeredAt)
        deadline(s.fieldFinalDue, detail.deadlines.final, detail.closedAt)

        out.append(Line(text: "", role: .normal))
        out.append(Line(text: "── \(s.thread) ──", role: .separator))
        for entry in detail.thread {
            let role: StyleRole = entry.kind.isFromCitizen ? .threadCitizen : entry.kind == .internalNote ? .threadNote : .threadReply
            var heading = "\(LocalTime(entry.at, timeZone: zone).short)  \(UntrustedText.oneLine(entry.from)) · \(s.messageKinds[entry.kind.rawValue] ?? entry.kind.rawValue)"
            if let edited = entry.editedAt { heading += " · \(s.edited) \(LocalTime(edited, timeZone: zone).short)" }
            out.append(Line(text: DisplayWidth.truncate(heading, to: width), role: role))
            for piece in Wrap.lines(UntrustedText.multiLine(entry.text), width: width - 2) {
                out.append(Line(text: "  " + piece, role: .normal, highlight: true))
            }
        }
        if !detail.history.isEmpty {
            out.append(Line(text: "", role: .normal))
            out.append(Line(text: "── \(s.history) ──", role: .separator))
            for event in detail.history {
                var text = "\(LocalTime(event.at, timeZone: zone).short)  \(UntrustedText.oneLine(event.actor))  \(event.action)"
                if let field = event.field { text += " \(field)" }
                if event.before != nil || event.after != nil {
                    text += ": \(UntrustedText.oneLine(event.before ?? "—")) → \(UntrustedText.oneLine(event.after ?? "—"))"
                }
                out.append(Line(text: DisplayWidth.truncate(text, to: width), role: .muted))
            }
        }
        return out
    }
}
