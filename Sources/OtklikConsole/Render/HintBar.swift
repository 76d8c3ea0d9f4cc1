/// The bottom line: the actions that have a hint, each with its first key currently
/// bound, built from the live key map.
enum HintBar {
    static func render(_ state: ConsoleState, into grid: inout Grid, row y: Int) {
        grid.fill(row: y, role: .hintLabel)
        var x = 1
        for declaration in Action.declarations {
            guard let label = declaration.hintLabel(state.language),
                  let key = state.keyMap.keys(for: declaration.action).first else { continue }
            let width = DisplayWidth.of(key.shortName) + 1 + DisplayWidth.of(label) + 2
            if x + width > grid.width { break }
            x = grid.put(key.shortName, x: x, y: y, role: .hintKey)
            x = grid.put(" \(label)  ", x: x, y: y, role: .hintLabel)
        }
    }
}
