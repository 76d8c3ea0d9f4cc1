/// Why a theme could not be used. `description` is the message for the user.
public enum ThemeLoadError: Error, CustomStringConvertible, Equatable, Sendable {
    /// A path or file name where a theme name belongs; the reason says which.
    case badName(String, reason: String)
    case notFound(String)
    /// The file (or a theme it extends) has an error.
    case invalid(ThemeError)

    public var description: String {
        switch self {
        case .badName(let name, let reason): "theme \"\(name)\": \(reason)"
        case .notFound(let name): "theme \"\(name)\" not found"
        case .invalid(let error): error.description
        }
    }
}

/// Chooses the theme. Pure: the application supplies `load`, which maps a theme name to
/// the text and path of `<name>.toml` (or nil when there is none), and reads the
/// environment and the config file.
///
/// Themes are selected by name, never by path. A theme file is layered over the theme it
/// `extends`, and finally over the built-in theme (`Theme.builtIn`, "dark"), which also
/// answers to its name when no dark.toml is found.
public enum ThemeResolver {
    /// Returns the text of `<name>.toml` and its path for messages, or nil.
    public typealias Loader = (_ name: String) -> (text: String, path: String)?

    /// Where the chosen theme's name came from.
    public enum Source: Equatable, Sendable {
        case flag, environment, config, builtIn
    }

    public struct Resolution: Equatable, Sendable {
        public var theme: Theme
        public var source: Source
        /// Why requested themes were skipped, e.g. `themes/x.toml:17: unknown role
        /// "inbox.selectd"`; several are joined by "; ". Nil when the first requested
        /// theme (or the built-in, when none was requested) was used.
        public var warning: String?
    }

    /// Longest chain of `extends` followed.
    static let maxDepth = 16

    /// `--theme` > `OTKLIK_THEME` > the config file > the built-in theme. Each candidate
    /// that is missing, badly named or broken adds a warning and the next one is tried.
    /// Empty or blank values count as not given.
    public static func resolve(flag: String?, environment: String?, config: String?,
                               load: Loader) -> Resolution {
        var warnings: [String] = []
        var tried: Set<String> = []
        for (source, requested) in [(Source.flag, flag), (.environment, environment), (.config, config)] {
            guard let name = requested.map(trimmed), !name.isEmpty, tried.insert(name).inserted else { continue }
            switch theme(named: name, load: load) {
            case .success(let theme):
                return Resolution(theme: theme, source: source, warning: joined(warnings))
            case .failure(let error):
                warnings.append(error.description)
            }
        }
        return Resolution(theme: .builtIn, source: .builtIn, warning: joined(warnings))
    }

    /// One theme by name, with everything it extends (for `--theme` and `:theme NAME`).
    public static func theme(named name: String, load: Loader) -> Result<Theme, ThemeLoadError> {
        do throws(ThemeLoadError) {
            return .success(try theme(named: name, chain: [], load: load))
        } catch {
            return .failure(error)
        }
    }

    private static func theme(named name: String, chain: [String], load: Loader) throws(ThemeLoadError) -> Theme {
        if let reason = problem(withName: name) { throw .badName(name, reason: reason) }
        guard let (text, path) = load(name) else {
            if name == Theme.builtIn.name { return .builtIn }
            throw .notFound(name)
        }
        let file: ThemeFile
        do throws(ThemeError) {
            file = try ThemeParser.parse(text, path: path)
        } catch {
            throw .invalid(error)
        }
        guard let baseName = file.extends else { return file.applied(to: .builtIn, name: name) }

        func fail(_ reason: String) -> ThemeLoadError {
            .invalid(ThemeError(path: path, line: file.extendsLine ?? 1, reason: reason))
        }
        let chain = chain + [name]
        if chain.contains(baseName) {
            throw fail("extends cycle: \((chain + [baseName]).joined(separator: " → "))")
        }
        if chain.count >= maxDepth { throw fail("extends more than \(maxDepth) themes deep") }
        let base: Theme
        do throws(ThemeLoadError) {
            base = try theme(named: baseName, chain: chain, load: load)
        } catch {
            switch error {
            case .badName(_, let reason): throw fail("extends \"\(baseName)\": \(reason)")
            case .notFound: throw fail("extends unknown theme \"\(baseName)\"")
            case .invalid: throw error  // the base's own file:line
            }
        }
        return file.applied(to: base, name: name)
    }

    /// Why `name` is not a theme name, or nil when it is one.
    public static func problem(withName name: String) -> String? {
        if name.contains("/") || name.contains("\\") {
            return "give a theme name (the <name> of themes/<name>.toml), not a path"
        }
        if name.hasSuffix(".toml") && name.count > 5 {
            return "give the name without \".toml\": \"\(name.dropLast(5))\""
        }
        if name.hasPrefix(".") || !name.allSatisfy({ $0.isLetter || $0.isNumber || "-_.".contains($0) }) {
            return "a theme name has only letters, digits, \"-\", \"_\" and \".\" (and does not start with \".\")"
        }
        return nil
    }

    /// Theme names from the file names of one or more theme folders (`dark.toml` →
    /// `dark`), sorted and without repeats; always includes the built-in theme's name.
    /// Other files and names that could not be selected are left out.
    public static func availableThemes(fileNames: [String]) -> [String] {
        var names: Set<String> = [Theme.builtIn.name]
        for fileName in fileNames {
            let last = fileName.split(separator: "/").last.map(String.init) ?? fileName
            guard last.hasSuffix(".toml") else { continue }
            let name = String(last.dropLast(5))
            if !name.isEmpty, problem(withName: name) == nil { names.insert(name) }
        }
        return names.sorted()
    }

    private static func trimmed(_ text: String) -> String {
        let isSpace: (Character) -> Bool = { $0.isWhitespace }
        return String(text.drop(while: isSpace).reversed().drop(while: isSpace).reversed())
    }

    private static func joined(_ warnings: [String]) -> String? {
        warnings.isEmpty ? nil : warnings.joined(separator: "; ")
    }
}
