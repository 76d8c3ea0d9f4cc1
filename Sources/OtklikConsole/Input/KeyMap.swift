/// Which key runs which action. Built from the action declarations, then changed by the
/// user's config (`bind`, `unbind`); keys map to actions, never to code.
public struct KeyMap: Sendable {
    private var bindings: [Key: Action]
    /// Whether Russian-layout letters fall back to the Latin key in the same place.
    public var russianLayoutAliases: Bool

    public init(_ declarations: [ActionDeclaration] = Action.declarations, russianLayoutAliases: Bool = true) {
        var bindings: [Key: Action] = [:]
        for declaration in declarations {
            for key in declaration.keys where bindings[key] == nil {
                bindings[key] = declaration.action
            }
        }
        self.bindings = bindings
        self.russianLayoutAliases = russianLayoutAliases
    }

    public func action(for key: Key) -> Action? {
        if let action = bindings[key] { return action }
        if russianLayoutAliases, case .character(let c) = key, let latin = RussianLayout.latin(for: c) {
            return bindings[.character(latin)]
        }
        return nil
    }

    /// The keys currently bound to an action: its declared keys first, then others.
    public func keys(for action: Action) -> [Key] {
        let declared = action.declaration.keys.filter { bindings[$0] == action }
        let extra = bindings.filter { $0.value == action && !declared.contains($0.key) }.map(\.key).sorted { $0.name < $1.name }
        return declared + extra
    }

    /// Binds `key` to `action`, replacing what it did before; nil unbinds it.
    public mutating func bind(_ key: Key, to action: Action?) {
        bindings[key] = action
    }
}
