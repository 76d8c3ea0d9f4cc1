import Foundation

/// A tmux server of its own (a private socket) running one program in a pane of a fixed
/// size: the real terminal, typed into and read like a person would.
final class TmuxSession {
    let socket = "otklik-test-\(UUID().uuidString.prefix(8))"
    let name = "t"

    init(width: Int, height: Int, command: String) throws {
        let result = try run("/usr/bin/env", ["tmux", "-L", socket, "-f", "/dev/null", "new-session", "-d", "-s", name,
                                               "-x", String(width), "-y", String(height), command])
        guard result.status == 0 else { throw TmuxError(message: "tmux new-session failed with status \(result.status)") }
    }

    struct TmuxError: Error { let message: String }

    @discardableResult
    func tmux(_ arguments: [String]) throws -> Outcome {
        try run("/usr/bin/env", ["tmux", "-L", socket, "-f", "/dev/null"] + arguments)
    }

    /// Types keys (tmux key names: "j", "Down", "Escape", "C-l").
    func send(_ keys: String...) throws {
        try tmux(["send-keys", "-t", name] + keys)
    }

    /// Types text literally (Cyrillic included), not as key names.
    func typeLiteral(_ text: String) throws {
        try tmux(["send-keys", "-t", name, "-l", text])
    }

    func screen() throws -> String {
        try tmux(["capture-pane", "-p", "-t", name]).output
    }

    /// Waits until the screen satisfies `condition` (polling, 10 s at most) and returns it.
    @discardableResult
    func waitFor(_ description: String, timeout: TimeInterval = 10, _ condition: (String) -> Bool) throws -> String {
        let deadline = Date().addingTimeInterval(timeout)
        var last = ""
        while Date() < deadline {
            last = try screen()
            if condition(last) { return last }
            Thread.sleep(forTimeInterval: 0.1)
        }
        let message = "timed out waiting for \(description); screen was:\n\(last)"
        // Kept for whoever investigates a failed run (test output may cut long messages).
        try? message.write(toFile: FileManager.default.temporaryDirectory.appendingPathComponent("otklik-e2e-timeout.txt").path,
                           atomically: true, encoding: .utf8)
        throw TmuxError(message: message)
    }

    func resize(width: Int, height: Int) throws {
        try tmux(["resize-window", "-t", name, "-x", String(width), "-y", String(height)])
    }

    deinit {
        _ = try? tmux(["kill-server"])
    }
}
