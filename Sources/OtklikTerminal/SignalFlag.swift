import Glibc

/// The last termination signal received (SIGHUP, SIGTERM, SIGINT), or 0.
///
/// Set from a C signal handler, read by the input loop, which ends the program and
/// restores the terminal. A plain global is the only thing a signal handler may write;
/// it is accessed nowhere else.
nonisolated(unsafe) var receivedSignal: Int32 = 0

public enum SignalFlag {
    public static func install() {
        var set = sigset_t()
        sigemptyset(&set)
        for sig in [SIGHUP, SIGTERM, SIGINT] {
            signal(sig) { number in receivedSignal = number }
            sigaddset(&set, sig)
        }
        // A parent may have started us with these blocked (the mask is inherited across
        // exec); blocked, they would stay pending and the console would never end.
        pthread_sigmask(SIG_UNBLOCK, &set, nil)
    }

    public static var pending: Int32 { receivedSignal }
}
