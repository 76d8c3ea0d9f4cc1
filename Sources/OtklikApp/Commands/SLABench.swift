import Foundation
import OtklikCore

/// The SLA engine's benchmark: every clock of 1,000,000 incidents computed from their facts
/// (`otklik bench --sla`, and a row of the full benchmark). No store: the inputs are made
/// in memory first, then timed.
///
/// The incidents spread over 2026 across five agencies from Kaliningrad (UTC+2) to
/// Kamchatka (UTC+12) and the three built-in policies; a third have no reaction yet, a
/// third were taken, a third were taken and answered (so the final clock counts working
/// days), and one in twenty waited for the citizen for a while.
enum SLABench {
    struct Input: Sendable {
        let registeredAt: Date
        let context: Int
        let facts: [SLAFact]
    }

    static let zones = ["Europe/Kaliningrad", "Europe/Moscow", "Asia/Yekaterinburg", "Asia/Novosibirsk", "Asia/Kamchatka"]

    static func contexts() -> [SLAContext] {
        zones.flatMap { zone in
            let calendar = RussianProductionCalendar.calendar2026(timeZone: TimeZone(identifier: zone)!)
            return SLAPolicy.builtIn.map { SLAContext(policy: $0, calendar: calendar, label: zone) }
        }
    }

    static func inputs(count: Int, seed: UInt64 = 2026) -> [Input] {
        var random = SeededGenerator(seed: seed)
        let year = Date(timeIntervalSince1970: 1_767_225_600)  // 2026-01-01 UTC
        let contextCount = zones.count * SLAPolicy.builtIn.count
        return (0..<count).map { index in
            let registered = year.addingTimeInterval(Double(random.below(360 * 86_400)))
            var facts: [SLAFact] = []
            switch index % 3 {
            case 1:
                facts.append(SLAFact(at: registered.addingTimeInterval(Double(300 + random.below(7_200))), .status(.inProgress)))
            case 2:
                let taken = registered.addingTimeInterval(Double(300 + random.below(3_600)))
                facts.append(SLAFact(at: taken, .status(.inProgress)))
                if index % 20 == 2 {
                    facts.append(SLAFact(at: taken.addingTimeInterval(600), .status(.waitingCitizen)))
                    facts.append(SLAFact(at: taken.addingTimeInterval(Double(3_600 + random.below(86_400))), .status(.inProgress)))
                }
                facts.append(SLAFact(at: taken.addingTimeInterval(Double(3_600 + random.below(30_000))), .message(.intermediateReply)))
            default:
                break
            }
            return Input(registeredAt: registered, context: random.below(contextCount), facts: facts)
        }
    }

    /// Evaluates every input on all cores; returns a checksum so the work is not optimised away.
    static func run(_ inputs: [Input], contexts: [SLAContext], now: Date) -> Int {
        let cores = max(1, ProcessInfo.processInfo.activeProcessorCount)
        let chunk = (inputs.count + cores - 1) / cores
        let sums = SumBox(count: cores)
        inputs.withUnsafeBufferPointer { buffer in
            nonisolated(unsafe) let buffer = buffer
            DispatchQueue.concurrentPerform(iterations: cores) { part in
                var sum = 0
                for index in (part * chunk)..<min(inputs.count, (part + 1) * chunk) {
                    let input = buffer[index]
                    let evaluation = SLAEngine.evaluate(registeredAt: input.registeredAt, context: contexts[input.context],
                                                        facts: input.facts, now: now)
                    sum &+= Int(evaluation.dueAt?.timeIntervalSince1970 ?? 0) &+ evaluation.clocks.count
                }
                sums.set(part, sum)
            }
        }
        return sums.total
    }

    /// Adds the timing rows to a benchmark table.
    static func measure(count: Int, runs: Int, into results: inout BenchTable) {
        let contexts = contexts()
        let made = Date()
        let inputs = inputs(count: count)
        let now = Date(timeIntervalSince1970: 1_798_761_600)  // 2027-01-01 UTC: every clock judged
        results.note("SLA inputs: \(count) incidents made in \(String(format: "%.2f s", Date().timeIntervalSince(made))) (not timed)")
        var checksum = 0
        results.measure("SLA engine: deadlines of \(count) incidents, \(ProcessInfo.processInfo.activeProcessorCount) cores", runs: runs) {
            checksum = run(inputs, contexts: contexts, now: now)
        }
        let single = Array(inputs.prefix(count / 10))
        results.measure("SLA engine: \(single.count) incidents, one core", runs: runs) {
            var sum = 0
            for input in single {
                sum &+= SLAEngine.evaluate(registeredAt: input.registeredAt, context: contexts[input.context], facts: input.facts,
                                           now: now).clocks.count
            }
            checksum &+= sum
        }
        let calendar = contexts[0].calendar
        let starts = inputs.prefix(count / 10).map(\.registeredAt)
        results.measure("working-time addition: \(starts.count) × 9 working hours", runs: runs) {
            var sum = 0
            for start in starts { sum &+= Int(calendar.addingWorkingMinutes(540, to: start)?.timeIntervalSince1970 ?? 0) }
            checksum &+= sum
        }
        results.note("checksum \(checksum)")
    }
}

final class SumBox: @unchecked Sendable {
    private let lock = NSLock()
    private var values: [Int]
    init(count: Int) { values = Array(repeating: 0, count: count) }
    func set(_ index: Int, _ value: Int) {
        lock.lock()
        values[index] = value
        lock.unlock()
    }
    var total: Int {
        lock.lock()
        defer { lock.unlock() }
        return values.reduce(0, &+)
    }
}
