/// The interface language: Russian by default, English on request (`--lang en`, an
/// English locale, or `language = "en"` in the config file; see `ConsoleOptions`).
public enum Language: String, CaseIterable, Sendable {
    case ru
    case en

    public var strings: Strings { self == .en ? .english : .russian }
}
