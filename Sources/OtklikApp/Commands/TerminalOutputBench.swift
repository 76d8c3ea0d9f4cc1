import Foundation

/// What the console writes to a real terminal while it only ticks: the console runs in a
/// tmux pane of 120×40 on the benchmark store, tmux copies everything written to the pane
/// into a file for 10 s, and the bytes are counted. (Countdowns tick every second; only
/// changed cells are sent.)
enum TerminalOutputBench {
    /// Runs a program with its standard streams on /dev/null and waits for it. Not
    /// Foundation's `Process`: the tmux server that `tmux new-session -d` leaves behind
    /// inherits its descriptors, and `waitUntilExit` then never returns.
    static func spawnAndWait(_ executable: String, _ arguments: [String]) throws {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        for fd: Int32 in [0, 1, 2] {
            posix_spawn_file_actions_addopen(&actions, fd, "/dev/null", fd == 0 ? O_RDONLY : O_WRONLY, 0)
        }
        let argv = ([executable] + arguments).map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        var child: pid_t = 0
        let result = posix_spawn(&child, executable, &actions, nil, argv, environ)
        guard result == 0 else { throw POSIXError(POSIXErrorCode(rawValue: result) ?? .EINVAL) }
        var status: Int32 = 0
        while waitpid(child, &status, 0) == -1 && errno == EINTR {}
    }

    /// Bytes written per second of idle ticking, or nil without tmux.
    static func idleBytesPerTick(storePath: String, seconds: Int = 10) throws -> Double? {
        guard let tmux = IngestBench.find("tmux") else { return nil }
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("otklik-tick-\(getpid())").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let socket = "otklik-bench-\(getpid())"
        let me = IngestBench.sibling("otklik")
        func tmuxRun(_ arguments: [String]) throws {
            try spawnAndWait(tmux, ["-L", socket, "-f", "/dev/null"] + arguments)
        }
        try tmuxRun(["new-session", "-d", "-x", "120", "-y", "40",
                     "env TERM=xterm-256color LANG=C.UTF-8 \(me) console --db \(storePath) --operator ivanova"])
        defer { try? tmuxRun(["kill-server"]) }
        Thread.sleep(forTimeInterval: 3)  // the first frame and the first loads
        let capture = folder + "/pane.out"
        try tmuxRun(["pipe-pane", "-o", "cat >> \(capture)"])
        Thread.sleep(forTimeInterval: Double(seconds))
        try tmuxRun(["pipe-pane"])
        let bytes = (try? FileManager.default.attributesOfItem(atPath: capture)[.size] as? Int) ?? 0
        return Double(bytes) / Double(seconds)
    }
}
