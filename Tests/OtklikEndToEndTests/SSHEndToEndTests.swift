import Foundation
import Testing

/// The console over a real SSH session (an sshd on loopback): the longer ESC delay, and a
/// closed session ending the program instead of leaving it spinning.
@Suite(.serialized) struct SSHEndToEndTests {
    @Test func overSSHTheEscapeDelayIsLongerThanLocally() throws {
        let sshd = try LoopbackSSHD()
        let local = try TmuxSession(width: 100, height: 30, command: "env -u SSH_TTY -u ESCDELAY TERM=xterm-256color \(otklikBinary) doctor; sleep 30")
        try local.waitFor("the local report") { $0.contains("ESC delay: 25 ms (local)") }
        let remote = try TmuxSession(width: 100, height: 30,
                                     command: sshd.sshCommand("env -u ESCDELAY TERM=xterm-256color \(otklikBinary) doctor") + "; sleep 30")
        let screen = try remote.waitFor("the report over SSH") { $0.contains("ESC delay:") }
        #expect(screen.contains("ESC delay: 100 ms (SSH session)"))
        #expect(screen.contains("UTF-8:     yes"))
    }

    @Test func aClosedSSHSessionEndsTheConsole() throws {
        let sshd = try LoopbackSSHD()
        let store = temporaryFolder() + "/demo.sqlite"
        _ = try run(otklikBinary, ["demo", "--db", store, "--size", "300", "--no-open"])
        let tmux = try TmuxSession(width: 120, height: 40,
                                   command: sshd.sshCommand("TERM=xterm-256color \(otklikBinary) demo --db \(store) --size 300"))
        try tmux.waitFor("the console over SSH") { $0.contains("1 из 300") }
        // The console itself, not the ssh client whose command line names it too.
        let console = try run("/usr/bin/env", ["pgrep", "-f", "otklik demo --db \(store)"]).output.split(separator: "\n")
            .filter { pid in (try? String(contentsOfFile: "/proc/\(pid)/comm", encoding: .utf8))?.hasPrefix("otklik") == true }
        #expect(console.count == 1)
        // Kill the client: sshd closes the session's terminal under the console.
        let client = try tmux.tmux(["display-message", "-p", "-t", tmux.name, "#{pane_pid}"]).output
            .trimmingCharacters(in: .whitespacesAndNewlines)
        _ = try run("/bin/kill", ["-KILL", client])
        let gone = waitUntil(seconds: 5) {
            console.allSatisfy { kill(pid_t($0)!, 0) != 0 }
        }
        #expect(gone, "the console kept running after its SSH session closed")
    }
}
