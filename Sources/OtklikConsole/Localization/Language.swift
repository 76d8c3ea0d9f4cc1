/// The interface language: Russian by default, English on request.
public enum Language: String, CaseIterable, Sendable {
    case ru
    case en

    /// `--lang` wins; otherwise an English locale (LC_ALL, LC_MESSAGES, LANG) picks
    /// English; anything else is Russian, the users' language.
    public static func resolve(explicit: String?, environment: [String: String]) -> Language? {
        if let explicit { return Language(rawValue: explicit.lowercased()) }
        for key in ["LC_ALL", "LC_MESSAGES", "LANG"] {
            if let value = environment[key], !value.isEmpty {
                return value.lowercased().hasPrefix("en") ? .en : .ru
            }
        }
        return .ru
    }

    public var strings: Strings { self == .en ? .english : .russian }
}
