import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A real OpenSSH server on 127.0.0.1, on a free port, with its own host key and one
/// authorised client key, for tests of the console over SSH. It runs as the current
/// user; `.ci/run` installs openssh-server.
final class LoopbackSSHD {
    let folder = temporaryFolder()
    let port: Int
    private let daemon: Running

    init() throws {
        guard FileManager.default.isExecutableFile(atPath: "/usr/sbin/sshd") else {
            throw SetupError(message: "/usr/sbin/sshd is missing: apt-get install openssh-server (.ci/run does)")
        }
        for key in ["host_key", "client_key"] {
            let made = try run("/usr/bin/ssh-keygen", ["-q", "-t", "ed25519", "-N", "", "-f", folder + "/" + key])
            guard made.status == 0 else { throw SetupError(message: "ssh-keygen failed: \(made.error)") }
        }
        try FileManager.default.copyItem(atPath: folder + "/client_key.pub", toPath: folder + "/authorized_keys")
        // sshd refuses to start without its privilege separation directory.
        try? FileManager.default.createDirectory(atPath: "/run/sshd", withIntermediateDirectories: true)
        port = try Self.freePort()
        let user = ProcessInfo.processInfo.environment["USER"] ?? String(cString: getpwuid(getuid())!.pointee.pw_name)
        let config = """
            Port \(port)
            ListenAddress 127.0.0.1
            HostKey \(folder)/host_key
            PidFile \(folder)/sshd.pid
            AuthorizedKeysFile \(folder)/authorized_keys
            StrictModes no
            UsePAM no
            PasswordAuthentication no
            KbdInteractiveAuthentication no
            PubkeyAuthentication yes
            PermitRootLogin yes
            AllowUsers \(user)
            PrintMotd no
            PrintLastLog no
            """
        try config.write(toFile: folder + "/sshd_config", atomically: true, encoding: .utf8)
        daemon = try Running("/usr/sbin/sshd", ["-D", "-e", "-f", folder + "/sshd_config"])
        guard Self.waitForPort(port, seconds: 10) else {
            kill(daemon.pid, SIGTERM)
            throw SetupError(message: "sshd did not start: \(daemon.wait().error)")
        }
    }

    struct SetupError: Error, CustomStringConvertible {
        let message: String
        var description: String { message }
    }

    /// The ssh command line that runs `remote` on this server with a terminal.
    func sshCommand(_ remote: String) -> String {
        "ssh -tt -p \(port) -i \(folder)/client_key -o StrictHostKeyChecking=no -o UserKnownHostsFile=/dev/null "
            + "-o LogLevel=ERROR -o BatchMode=yes 127.0.0.1 '\(remote)'"
    }

    deinit {
        kill(daemon.pid, SIGTERM)
        _ = daemon.wait()
    }

    static func freePort() throws -> Int {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(fd) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = 0
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, length) == 0 && getsockname(fd, $0, &length) == 0 }
        }
        guard bound else { throw SetupError(message: "no free port") }
        return Int(UInt16(bigEndian: address.sin_port))
    }

    static func waitForPort(_ port: Int, seconds: Double) -> Bool {
        let deadline = Date().addingTimeInterval(seconds)
        while Date() < deadline {
            let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
            var address = sockaddr_in()
            address.sin_family = sa_family_t(AF_INET)
            address.sin_addr.s_addr = inet_addr("127.0.0.1")
            address.sin_port = UInt16(port).bigEndian
            let connected = withUnsafePointer(to: &address) {
                $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) == 0 }
            }
            close(fd)
            if connected { return true }
            Thread.sleep(forTimeInterval: 0.05)
        }
        return false
    }
}
