import Foundation

/// A one-line progress display on standard error, only when it is a terminal: records/s,
/// bytes, and an ETA when the total size is known. Redrawn at most 5 times a second.
final class IngestProgress {
    let totalBytes: Int?
    let started = DispatchTime.now().uptimeNanoseconds
    private var lastDraw: UInt64 = 0
    private var drawn = false
    private let enabled: Bool

    init(totalBytes: Int?, enabled: Bool) {
        self.totalBytes = totalBytes
        self.enabled = enabled
    }

    var elapsed: Double { Double(DispatchTime.now().uptimeNanoseconds - started) / 1e9 }

    func update(_ tally: IngestTally, bytesDone: Int) {
        guard enabled else { return }
        let now = DispatchTime.now().uptimeNanoseconds
        guard now - lastDraw > 200_000_000 else { return }
        lastDraw = now
        let seconds = max(elapsed, 0.001)
        var line = String(format: "%d records  %.0f/s  %@", tally.read, Double(tally.read) / seconds, Self.size(bytesDone))
        if let total = totalBytes, total > 0 {
            let fraction = min(1, Double(bytesDone) / Double(total))
            let width = 24
            let filled = Int(fraction * Double(width))
            line = "[" + String(repeating: "#", count: filled) + String(repeating: "-", count: width - filled) + "] "
                + String(format: "%3.0f%%  ", fraction * 100) + line + " / " + Self.size(total)
            if fraction > 0.01 && fraction < 1 {
                line += String(format: "  ETA %.0f s", seconds / fraction * (1 - fraction))
            }
        }
        // \r and clear-to-end-of-line: the line is rewritten in place.
        FileHandle.standardError.write(Data(("\r" + line + "\u{1B}[K").utf8))
        drawn = true
    }

    func finish() {
        guard enabled, drawn else { return }
        FileHandle.standardError.write(Data("\r\u{1B}[K".utf8))
    }

    static func size(_ bytes: Int) -> String {
        if bytes >= 1 << 20 { return String(format: "%.1f MB", Double(bytes) / 1_048_576) }
        if bytes >= 1 << 10 { return String(format: "%.1f KB", Double(bytes) / 1024) }
        return "\(bytes) B"
    }
}
