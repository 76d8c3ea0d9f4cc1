import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The built `otklik` executable, beside the test bundle in the build folder.
let otklikBinary: String = {
    let me = (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments[0]
    var folder = URL(fileURLWithPath: me).deletingLastPathComponent()
    // The test runner may live inside an .xctest bundle folder.
    while !FileManager.default.isExecutableFile(atPath: folder.appendingPathComponent("otklik").path), folder.path != "/" {
        folder = folder.deletingLastPathComponent()
    }
    return folder.appendingPathComponent("otklik").path
}()

struct Outcome {
    let status: Int32
    let output: String
    let error: String
}

/// A child process started with posix_spawn, its output going to files (no pipes to
/// drain, and a daemon it leaves behind — tmux's server — cannot hold anything open).
/// Plain `waitpid`, because Foundation's `Process` may never notice an exit when waited
/// on from a Swift Testing worker thread.
final class Running {
    let pid: pid_t
    private let outPath: String
    private let errPath: String

    init(_ executable: String, _ arguments: [String], environment: [String: String] = [:]) throws {
        let folder = temporaryFolder()
        outPath = folder + "/out"
        errPath = folder + "/err"
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, outPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        posix_spawn_file_actions_addopen(&actions, 2, errPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        let env = ProcessInfo.processInfo.environment.merging(environment) { _, new in new }.map { "\($0)=\($1)" }
        let argv = ([executable] + arguments).map { strdup($0) } + [nil]
        let envp = env.map { strdup($0) } + [nil]
        defer { (argv + envp).forEach { free($0) } }
        // Children start with no blocked signals and default handlers, whatever the test
        // runner's thread had: the tests send SIGTERM and SIGHUP to programs they start.
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var none = sigset_t()
        sigemptyset(&none)
        var all = sigset_t()
        sigfillset(&all)
        posix_spawnattr_setsigmask(&attributes, &none)
        posix_spawnattr_setsigdefault(&attributes, &all)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))
        var child: pid_t = 0
        let result = posix_spawn(&child, executable, &actions, &attributes, argv, envp)
        guard result == 0 else { throw POSIXError(POSIXErrorCode(rawValue: result) ?? .EINVAL) }
        pid = child
    }

    func wait() -> Outcome {
        var status: Int32 = 0
        while waitpid(pid, &status, 0) == -1 && errno == EINTR {}
        // WIFEXITED / WEXITSTATUS / WTERMSIG by hand: the macros do not import.
        let code: Int32 = (status & 0x7F) == 0 ? (status >> 8) & 0xFF : 128 + (status & 0x7F)
        return Outcome(status: code,
                       output: (try? String(contentsOfFile: outPath, encoding: .utf8)) ?? "",
                       error: (try? String(contentsOfFile: errPath, encoding: .utf8)) ?? "")
    }
}

@discardableResult
func run(_ executable: String, _ arguments: [String], environment: [String: String] = [:]) throws -> Outcome {
    try Running(executable, arguments, environment: environment).wait()
}

func temporaryFolder() -> String {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("otklik-e2e-\(UUID().uuidString)")
    try! FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    return folder.path
}
