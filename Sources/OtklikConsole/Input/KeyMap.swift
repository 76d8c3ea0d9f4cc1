/// Which key runs which action. Built from the action declarations; keys map to actions,
/// never to code.
public struct KeyMap: Sendable {
    private var bindings: [Key: Action]

    public init(_ declarations: [ActionDeclaration] = Action.declarations) {
        var bindings: [Key: Action] = [:]
        for declaration in declarations {
            for key in declaration.keys where bindings[key] == nil {
                bindings[key] = declaration.action
            }
        }
        self.bindings = bindings
    }

    public func action(for key: Key) -> Action? { bindings[key] }

    /// The keys currently bound to an action, in declaration order.
    public func keys(for action: Action) -> [Key] {
        action.declaration.keys.filter { bindings[$0] == action }
    }

    /// Binds `key` to `action`, replacing what it did before.
    public mutating func bind(_ key: Key, to action: Action?) {
        bindings[key] = action
    }
}
