import Foundation
import OtklikStore

/// The counts an ingest run reports. Invariant (checked by `isBalanced`, printed in the
/// summary, and tested): read = stored + duplicates + filtered + quarantined.
struct IngestTally: Equatable {
    var read = 0
    var registered = 0
    var followUps = 0
    var reopened = 0
    var edits = 0
    var duplicates = 0
    var filtered: [String: Int] = [:]
    var quarantined: [String: Int] = [:]
    var bytes = 0

    var stored: Int { registered + followUps + edits }
    var filteredCount: Int { filtered.values.reduce(0, +) }
    var quarantinedCount: Int { quarantined.values.reduce(0, +) }
    var isBalanced: Bool { read == stored + duplicates + filteredCount + quarantinedCount }

    mutating func count(_ outcome: IngestOutcome) {
        read += 1
        switch outcome {
        case .registered: registered += 1
        case .followUp(_, let didReopen):
            followUps += 1
            if didReopen { reopened += 1 }
        case .edited: edits += 1
        case .duplicate: duplicates += 1
        case .filtered(let reason): filtered[reason, default: 0] += 1
        case .quarantined(let reason): quarantined[Self.reasonClass(reason), default: 0] += 1
        }
    }

    mutating func add(_ other: IngestTally) {
        read += other.read
        registered += other.registered
        followUps += other.followUps
        reopened += other.reopened
        edits += other.edits
        duplicates += other.duplicates
        bytes += other.bytes
        filtered.merge(other.filtered, uniquingKeysWith: +)
        quarantined.merge(other.quarantined, uniquingKeysWith: +)
    }

    /// Quarantine reasons grouped for the summary: "invalid JSON: …" details differ per line.
    static func reasonClass(_ reason: String) -> String {
        if let colon = reason.firstIndex(of: ":") { return String(reason[..<colon]) }
        return reason
    }

    /// One line: `read 1000: stored 990 (new 900, follow-ups 80, edits 10), duplicates 5,
    /// filtered 3, quarantined 2 [balanced]`.
    func summary(seconds: Double? = nil) -> String {
        var line = "read \(read): stored \(stored) (new \(registered), follow-ups \(followUps)"
        if reopened > 0 { line += ", reopened \(reopened)" }
        line += ", edits \(edits)), duplicates \(duplicates), filtered \(filteredCount), quarantined \(quarantinedCount)"
        if let seconds, seconds > 0 {
            line += String(format: " in %.1f s (%.0f records/s)", seconds, Double(read) / seconds)
        }
        return line + (isBalanced ? "" : " — COUNTS DO NOT ADD UP")
    }

    /// Breakdown lines for filtered and quarantined records, by reason.
    func details() -> [String] {
        var lines: [String] = []
        for (reason, n) in filtered.sorted(by: { $0.value > $1.value }) { lines.append("  filtered \(n): \(reason)") }
        for (reason, n) in quarantined.sorted(by: { $0.value > $1.value }) { lines.append("  quarantined \(n): \(reason)") }
        return lines
    }
}
