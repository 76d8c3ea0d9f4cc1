/// The key reference in Markdown, generated from the action declarations: `otklik keys`
/// prints it and docs/keys.md is it (a test keeps the two equal).
public enum KeyReference {
    public static func markdown(keyMap: KeyMap = KeyMap()) -> String {
        var lines = [
            "# Console keys",
            "",
            "Generated from `Action.declarations` by `otklik keys`; do not edit by hand.",
            "Rebind in `$XDG_CONFIG_HOME/otklik/config.toml` (see docs/console.md).",
            "",
            "| Action | Keys | Русский | English |",
            "|---|---|---|---|",
        ]
        for declaration in Action.declarations {
            let keys = keyMap.keys(for: declaration.action).map { "`\($0.name == "|" ? "\\|" : $0.name)`" }.joined(separator: " ")
            lines.append("| `\(declaration.action.rawValue)` | \(keys) | \(declaration.helpRU) | \(declaration.helpEN) |")
        }
        lines += [
            "",
            "In a prompt (`/`, `\\`, `:`): Enter runs it, Esc or Ctrl-G cancels, ←/→, Home/End (Ctrl-A/Ctrl-E),",
            "Backspace, Ctrl-D, Ctrl-U (to the start), Ctrl-W (a word) edit, Tab completes commands and theme names.",
            "With the Russian layout on, single-key commands also work on ЙЦУКЕН (о = j, л = k, й = q …);",
            "never inside a prompt.",
            "",
            "A confirmation (`no-answer`) takes y (also н, д) for yes and n, Esc, Ctrl-G or q for no; other keys",
            "leave it open. The sort menu (`sort`) takes 1–5; Esc, Ctrl-G, q or Enter close it. After",
            "`apply-to-tagged`, `take`, `release` and `no-answer` act on every tagged incident; any other key cancels.",
            "",
        ]
        return lines.joined(separator: "\n")
    }
}
