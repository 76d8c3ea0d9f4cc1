/// A yes/no question on the message line before something that cannot be undone from the
/// console (marking incidents "no answer owed"). While it is open every key answers it:
/// `y` runs `effects`, `n`, Esc, Ctrl-G or `q` cancels, other keys are ignored. Pure data:
/// `ConsoleUpdate` asks and answers it, `InboxScreen` draws it.
public struct Confirmation: Equatable, Sendable {
    /// The question, ending with the choices ("… y/n").
    public var question: String
    /// What runs on yes.
    public var effects: [ConsoleEffect]

    public init(question: String, effects: [ConsoleEffect]) {
        self.question = question
        self.effects = effects
    }

    public enum Answer: Equatable, Sendable {
        case yes
        case no
    }

    /// The answer a key gives, or nil for a key that does not answer (the question stays).
    /// The Russian layout's letters in the same places count too (н = y, т = n, й = q),
    /// and д (да) is yes.
    public static func answer(for key: Key) -> Answer? {
        switch key {
        case .character(let c) where "yYнНдД".contains(c): .yes
        case .character(let c) where "nNтТqй".contains(c): .no
        case .escape, .control("g"), .control("c"): .no
        default: nil
        }
    }
}
