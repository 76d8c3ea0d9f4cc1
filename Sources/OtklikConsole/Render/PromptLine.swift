import OtklikCore

/// The prompt at the bottom: its sigil, the text typed so far and the insertion point.
enum PromptLine {
    static func render(_ prompt: Prompt, state: ConsoleState, row y: Int, into grid: inout Grid) {
        grid.fill(row: y, role: .prompt)
        let label = prompt.kind == .command ? ":" : "\(prompt.sigil)\(prompt.kind == .search ? state.strings.searchPrompt : state.strings.filterPrompt) "
        var x = grid.put(label, x: 0, y: y, role: .prompt)
        let characters = Array(UntrustedText.oneLine(prompt.text))
        // Keep the insertion point visible: scroll the text left when it is long.
        let room = max(1, grid.width - x - 1)
        var start = 0
        while DisplayWidth.of(String(characters[start..<prompt.cursor])) >= room { start += 1 }
        for (index, character) in characters.enumerated().dropFirst(start) {
            let role: StyleRole = index == prompt.cursor ? .selected : .prompt
            let next = grid.put(String(character), x: x, y: y, role: role)
            if next == x { break }
            x = next
        }
        if prompt.cursor == characters.count && x < grid.width {
            grid[x, y] = Cell(" ", role: .selected)  // the cursor after the text
        }
    }
}
