import Foundation

/// The inputs named on the command line: files, globs (expanded here too, for quoted
/// patterns and shells that leave them alone), and `-` for standard input.
enum IngestInputs {
    enum Input: Equatable {
        case standardInput
        case file(String)
    }

    /// The inputs in order, and the patterns or paths that named no readable file.
    static func expand(_ arguments: [String]) -> (inputs: [Input], missing: [String]) {
        var inputs: [Input] = []
        var missing: [String] = []
        for argument in arguments {
            if argument == "-" { inputs.append(.standardInput); continue }
            if FileManager.default.isReadableFile(atPath: argument) {
                inputs.append(.file(argument))
                continue
            }
            let matches = glob(argument)
            if matches.isEmpty { missing.append(argument) } else { inputs += matches.map(Input.file) }
        }
        return (inputs, missing)
    }

    static func glob(_ pattern: String) -> [String] {
        guard pattern.contains(where: { "*?[".contains($0) }) else { return [] }
        var result = glob_t()
        defer { globfree(&result) }
        guard Glibc.glob(pattern, 0, nil, &result) == 0 else { return [] }
        return (0..<Int(result.gl_pathc)).compactMap { result.gl_pathv[$0].map { String(cString: $0) } }
            .filter { !isDirectory($0) }.sorted()
    }

    static func isDirectory(_ path: String) -> Bool {
        var directory: ObjCBool = false
        return FileManager.default.fileExists(atPath: path, isDirectory: &directory) && directory.boolValue
    }

    /// A file's bytes, mapped rather than copied when the system allows.
    static func read(_ path: String) throws -> Data {
        try Data(contentsOf: URL(fileURLWithPath: path), options: .alwaysMapped)
    }
}
