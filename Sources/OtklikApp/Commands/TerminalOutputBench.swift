import Foundation

/// What the console writes to a real terminal while it only ticks: the console runs in a
/// tmux pane of 120×40 on the benchmark store, tmux copies everything written to the pane
/// into a file for 10 s, and the bytes are counted. (Countdowns tick every second; only
/// changed cells are sent.)
enum TerminalOutputBench {
    /// Bytes written per second of idle ticking, or nil without tmux.
    static func idleBytesPerTick(storePath: String, seconds: Int = 10) throws -> Double? {
        guard let tmux = IngestBench.find("tmux") else { return nil }
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("otklik-tick-\(getpid())").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let socket = "otklik-bench-\(getpid())"
        let me = IngestBench.sibling("otklik")
        func tmuxRun(_ arguments: [String]) throws {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: tmux)
            process.arguments = ["-L", socket, "-f", "/dev/null"] + arguments
            try process.run()
            process.waitUntilExit()
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
