/// The `?` overlay: every action with its bound keys and help text, from the
/// declarations and the live key map. It scrolls (j/k) when the screen is too short.
enum HelpOverlay {
    static func render(_ state: ConsoleState, into grid: inout Grid) {
        let lines = Action.declarations.map { declaration -> (String, String) in
            let keys = state.keyMap.keys(for: declaration.action).map(\.name).joined(separator: " ")
            return (keys, declaration.help(state.language))
        }
        let keyWidth = min(22, lines.map { DisplayWidth.of($0.0) }.max() ?? 0)
        let width = min(grid.width - 4, 72)
        let height = min(grid.height - 2, lines.count + 4)
        let left = (grid.width - width) / 2
        let top = max(1, (grid.height - height) / 2)
        let visible = height - 4
        let scroll = min(state.helpScroll, max(0, lines.count - visible))
        for y in top..<(top + height) { grid.fill(row: y, from: left, to: left + width, role: .helpText) }
        grid.put(" " + state.strings.helpTitle, x: left, y: top, role: .helpTitle, maxWidth: width)
        if lines.count > visible {
            let position = " \(scroll + 1)–\(scroll + visible) / \(lines.count) "
            grid.put(position, x: left + width - DisplayWidth.of(position), y: top, role: .muted)
        }
        for (index, (keys, help)) in lines.dropFirst(scroll).prefix(visible).enumerated() {
            let y = top + 2 + index
            grid.put(DisplayWidth.fit(keys, to: keyWidth), x: left + 2, y: y, role: .helpKey)
            grid.put(help, x: left + 3 + keyWidth, y: y, role: .helpText, maxWidth: width - keyWidth - 4)
        }
        let footer = lines.count > visible ? state.strings.helpScrollFooter : state.strings.helpFooter
        grid.put(" " + footer, x: left, y: top + height - 1, role: .muted, maxWidth: width)
    }
}
