/// The `?` overlay: every action with its bound keys and help text, from the
/// declarations and the live key map.
enum HelpOverlay {
    static func render(_ state: ConsoleState, into grid: inout Grid) {
        let lines = Action.declarations.map { declaration -> (String, String) in
            let keys = state.keyMap.keys(for: declaration.action).map(\.name).joined(separator: " ")
            return (keys, declaration.help(state.language))
        }
        let keyWidth = min(22, lines.map { DisplayWidth.of($0.0) }.max() ?? 0)
        let width = min(grid.width - 4, 64)
        let height = min(grid.height - 2, lines.count + 4)
        let left = (grid.width - width) / 2
        let top = max(1, (grid.height - height) / 2)
        for y in top..<(top + height) { grid.fill(row: y, from: left, to: left + width, role: .helpText) }
        grid.put(" " + state.strings.helpTitle, x: left, y: top, role: .helpTitle, maxWidth: width)
        for (index, (keys, help)) in lines.prefix(height - 4).enumerated() {
            let y = top + 2 + index
            grid.put(DisplayWidth.fit(keys, to: keyWidth), x: left + 2, y: y, role: .helpKey)
            grid.put(help, x: left + 3 + keyWidth, y: y, role: .helpText, maxWidth: width - keyWidth - 4)
        }
        grid.put(" " + state.strings.helpFooter, x: left, y: top + height - 1, role: .muted, maxWidth: width)
    }
}
