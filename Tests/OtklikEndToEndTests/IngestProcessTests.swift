import Foundation
import GRDB
import OtklikCore
import Testing
@testable import OtklikStore

/// The built `otklik-ingest`, beside `otklik`.
let ingestBinary = URL(fileURLWithPath: otklikBinary).deletingLastPathComponent().appendingPathComponent("otklik-ingest").path

/// Canonical records 1…count, with a broken line after every `badEvery` records.
func canonicalInput(count: Int, badEvery: Int = 0, prefix: String = "r") -> (text: String, good: Int, bad: Int) {
    var lines: [String] = []
    var bad = 0
    for i in 1...count {
        lines.append(#"{"source":"vk","external_id":"\#(prefix)\#(i)","kind":"post","author":{"id":"a\#(i % 97)","name":"Житель \#(i % 97)"},"text":"Обращение \#(i): во дворе дома \#(i) яма, машины бьют колёса","created_at":"2026-11-30T09:15:00+05:00"}"#)
        if badEvery > 0 && i % badEvery == 0 {
            lines.append(#"{"source":"vk","external_id":"\#(prefix)bad\#(i)","text":"оборвано"#)
            bad += 1
        }
    }
    return (lines.joined(separator: "\n") + "\n", count, bad)
}

/// `read N: stored S (…), duplicates D, filtered F, quarantined Q` → the numbers.
func summaryCounts(_ output: String) -> (read: Int, stored: Int, duplicates: Int, filtered: Int, quarantined: Int)? {
    guard let line = output.split(separator: "\n").first(where: { $0.contains("read ") && $0.contains("quarantined") }) else { return nil }
    func number(after word: String) -> Int? {
        guard let range = line.range(of: word + " ") else { return nil }
        return Int(line[range.upperBound...].prefix { $0.isNumber })
    }
    guard let r = number(after: "read"), let s = number(after: "stored"), let d = number(after: "duplicates"),
          let f = number(after: "filtered"), let q = number(after: "quarantined") else { return nil }
    return (r, s, d, f, q)
}

func storeCounts(_ path: String) throws -> (incidents: Int, distinctIDs: Int, quarantined: Int, integrity: String) {
    let store = try Store.open(path: path)
    return try store.pool.read { db in
        (try Int.fetchOne(db, sql: "SELECT count(*) FROM incident")!,
         try Int.fetchOne(db, sql: "SELECT count(DISTINCT external_id) FROM message")!,
         try Int.fetchOne(db, sql: "SELECT count(*) FROM quarantine")!,
         try String.fetchOne(db, sql: "PRAGMA integrity_check")!)
    }
}

@Suite(.serialized) struct IngestProcessTests {
    @Test func theSummaryAccountsForEveryRecordAndTheExitStatusTellsOfTheQuarantine() throws {
        let folder = temporaryFolder()
        let input = canonicalInput(count: 300, badEvery: 100)
        try input.text.write(toFile: folder + "/in.jsonl", atomically: true, encoding: .utf8)
        let first = try run(ingestBinary, ["--db", folder + "/s.sqlite", folder + "/in.jsonl"])
        #expect(first.status == 65, "\(first.error)")
        let counts = try #require(summaryCounts(first.output))
        #expect(counts.read == 303 && counts.stored == 300 && counts.quarantined == 3)
        #expect(counts.read == counts.stored + counts.duplicates + counts.filtered + counts.quarantined)
        let again = try run(ingestBinary, ["--db", folder + "/s.sqlite", folder + "/in.jsonl"])
        let second = try #require(summaryCounts(again.output))
        #expect(second.stored == 0 && second.duplicates == 300 && second.quarantined == 3)
        let list = try run(ingestBinary, ["quarantine", "list", "--db", folder + "/s.sqlite"])
        #expect(list.output.split(separator: "\n").count == 3)
        #expect(list.output.contains("in.jsonl:101\t"))
        let missing = try run(ingestBinary, ["--db", folder + "/s.sqlite", folder + "/nope.jsonl"])
        #expect(missing.status == 66 && missing.error.contains("nope.jsonl: no such file"))
    }

    @Test func hostileInputIsHeldOrStoredInertAndTheRestGoesOn() throws {
        let folder = temporaryFolder()
        let store = folder + "/s.sqlite"
        let good = canonicalInput(count: 2, prefix: "h").text.split(separator: "\n").map(String.init)
        let huge = #"{"source":"vk","external_id":"huge","text":""# + String(repeating: "я", count: 26_000_000) + #"","created_at":"2026-11-30T09:15:00Z"}"#
        let escapes = #"{"source":"vk","external_id":"esc","text":"Яма \u001b]52;c;cm0gLXJmIH4=\u0007 и \u001b[31mкрасный\u001b[0m","created_at":"2026-11-30T09:15:00Z"}"#
        var bytes = Data((good[0] + "\n" + huge + "\n" + escapes + "\n").utf8)
        // Invalid UTF-8, with a raw ESC [2J (clear screen) in it.
        bytes.append(contentsOf: [0x7B, 0x22, 0xFF, 0xFE, 0x1B, 0x5B, 0x32, 0x4A, 0x22, 0x7D, 0x0A])
        bytes.append(Data((#"{"source":"vk","external_id":"bad","text":"\u001b[2Jэкран"}"# + "\n").utf8))  // no created_at
        bytes.append(Data((good[1] + "\n").utf8))
        try bytes.write(to: URL(fileURLWithPath: folder + "/in.jsonl"))
        // Standard input, as `-`.
        let outcome = try run("/bin/sh", ["-c", "\"$0\" --db \"$1\" - < \"$2\"", ingestBinary, store, folder + "/in.jsonl"])
        let counts = try #require(summaryCounts(outcome.output), "\(outcome.output) \(outcome.error)")
        #expect(counts.read == 6 && counts.stored == 3 && counts.quarantined == 3)
        #expect(outcome.status == 65)
        let list = try run(ingestBinary, ["quarantine", "list", "--db", store])
        #expect(list.output.contains("<stdin>:2\ttext of 49.6 MB is longer than the 1 MB a message may have"))
        #expect(list.output.contains("<stdin>:4\tinvalid UTF-8"))
        #expect(list.output.contains("<stdin>:5\tmissing required field \"created_at\""))
        // What comes back from the quarantine is inert: no escape byte reaches the terminal.
        for id in 1...3 {
            let shown = try run(ingestBinary, ["quarantine", "show", "\(id)", "--db", store])
            #expect(shown.status == 0 && !shown.output.utf8.contains(0x1B))
        }
        // Stored as written (the console shows it inert, see UntrustedTextTests).
        let text = try Store.open(path: store).pool.read { db in try String.fetchOne(db, sql: "SELECT text FROM message WHERE external_id = 'esc'") }
        #expect(text?.contains("\u{1B}]52;c;") == true)
    }

    /// `kill -9` at several moments of a run, then a complete run: every record stored
    /// exactly once, every bad one held once.
    @Test func killNineAtAnyMomentThenARerunLosesAndDuplicatesNothing() throws {
        let folder = temporaryFolder()
        let store = folder + "/s.sqlite"
        let input = canonicalInput(count: 10_000, badEvery: 1_000)
        try input.text.write(toFile: folder + "/in.jsonl", atomically: true, encoding: .utf8)
        for delay in [0.05, 0.2, 0.5] {
            let victim = try Running(ingestBinary, ["--db", store, "--quiet", folder + "/in.jsonl"])
            Thread.sleep(forTimeInterval: delay)
            kill(victim.pid, SIGKILL)
            _ = victim.wait()
        }
        let partial = try storeCounts(store)
        #expect(partial.incidents < input.good, "the kills came too late to test anything")
        let final = try run(ingestBinary, ["--db", store, "--quiet", folder + "/in.jsonl"])
        let counts = try #require(summaryCounts(final.output), "\(final.output) \(final.error)")
        #expect(counts.stored + counts.duplicates == input.good)
        #expect(counts.quarantined == input.bad)
        let after = try storeCounts(store)
        #expect(after.incidents == input.good && after.distinctIDs == input.good)
        #expect(after.quarantined == input.bad)
        #expect(after.integrity == "ok")
    }

    /// A bulk first load killed half-way: the next run finishes its indexes, stores the
    /// rest once, and the full-text index finds every record.
    @Test func aBulkLoadKilledHalfWayIsFinishedAndSearchable() throws {
        let folder = temporaryFolder()
        let store = folder + "/s.sqlite"
        let input = canonicalInput(count: 20_000, badEvery: 2_000)
        try input.text.write(toFile: folder + "/in.jsonl", atomically: true, encoding: .utf8)
        let victim = try Running(ingestBinary, ["--db", store, "--quiet", "--bulk", folder + "/in.jsonl"])
        // Killed once a tenth of the records are in, well before the end of the load.
        let loading = waitUntil(seconds: 30) {
            let stored = try? Store.open(path: store).pool.read { db in try Int.fetchOne(db, sql: "SELECT max(id) FROM incident") }
            return (stored ?? nil ?? 0) >= 2_000
        }
        kill(victim.pid, SIGKILL)
        #expect(loading)
        _ = victim.wait()
        #expect(try storeCounts(store).incidents < input.good, "the kill came too late to test anything")
        let final = try run(ingestBinary, ["--db", store, "--quiet", "--bulk", folder + "/in.jsonl"])
        let counts = try #require(summaryCounts(final.output), "\(final.output) \(final.error)")
        #expect(counts.stored + counts.duplicates == input.good && counts.quarantined == input.bad)
        let after = try storeCounts(store)
        #expect(after.incidents == input.good && after.distinctIDs == input.good && after.integrity == "ok")
        let opened = try Store.open(path: store)
        #expect(try opened.setting("ingest.bulk") == nil)
        #expect(try opened.inboxCount(filter: .init(words: ["яма"]), operatorLogin: nil, now: Date()) == input.good)
        #expect(try opened.inboxCount(filter: .init(words: ["обращение", "19999"]), operatorLogin: nil, now: Date()) == 1)
        try opened.pool.write { db in try db.execute(sql: "INSERT INTO incident_fts(incident_fts) VALUES ('integrity-check')") }
    }

    /// Two bulk loads at once into a new store: the first indexes its records as it
    /// loads, the second writes alongside; every record is stored once and found.
    @Test func twoBulkLoadsAtOnceStoreAndIndexEveryRecordOnce() throws {
        let folder = temporaryFolder()
        let store = folder + "/s.sqlite"
        _ = try Store.open(path: store)
        let first = canonicalInput(count: 4_000, prefix: "a")
        let second = canonicalInput(count: 4_000, prefix: "b")
        try first.text.write(toFile: folder + "/a.jsonl", atomically: true, encoding: .utf8)
        try second.text.write(toFile: folder + "/b.jsonl", atomically: true, encoding: .utf8)
        let a = try Running(ingestBinary, ["--db", store, "--quiet", "--bulk", folder + "/a.jsonl"])
        let b = try Running(ingestBinary, ["--db", store, "--quiet", "--bulk", folder + "/b.jsonl"])
        let (ra, rb) = (a.wait(), b.wait())
        #expect(ra.status == 0 && rb.status == 0, "\(ra.error) \(rb.error)")
        let after = try storeCounts(store)
        #expect(after.incidents == 8_000 && after.integrity == "ok")
        let opened = try Store.open(path: store)
        #expect(try opened.setting("ingest.bulk") == nil)
        #expect(try opened.inboxCount(filter: .init(words: ["яма"]), operatorLogin: nil, now: Date()) == 8_000)
        try opened.pool.write { db in try db.execute(sql: "INSERT INTO incident_fts(incident_fts) VALUES ('integrity-check')") }
    }

    @Test func twoIngestProcessesFedTheSameInputStoreEachRecordOnce() throws {
        let folder = temporaryFolder()
        let store = folder + "/s.sqlite"
        let input = canonicalInput(count: 3_000, badEvery: 500)
        try input.text.write(toFile: folder + "/in.jsonl", atomically: true, encoding: .utf8)
        let a = try Running(ingestBinary, ["--db", store, "--quiet", folder + "/in.jsonl"])
        let b = try Running(ingestBinary, ["--db", store, "--quiet", folder + "/in.jsonl"])
        let (ra, rb) = (a.wait(), b.wait())
        let ca = try #require(summaryCounts(ra.output), "\(ra.error)")
        let cb = try #require(summaryCounts(rb.output), "\(rb.error)")
        #expect(ca.stored + cb.stored == input.good)
        #expect(ca.stored + ca.duplicates == input.good && cb.stored + cb.duplicates == input.good)
        let after = try storeCounts(store)
        #expect(after.incidents == input.good && after.distinctIDs == input.good)
        #expect(after.quarantined == input.bad)
        let numbers = try Store.open(path: store).pool.read { db in try Int.fetchAll(db, sql: "SELECT number FROM incident ORDER BY number") }
        #expect(numbers == Array(1...input.good))
    }

    @Test func aRecordAppendedToAFollowedFileReachesTheStoreWithinASecondAndARestartGoesOn() throws {
        let folder = temporaryFolder()
        let store = folder + "/s.sqlite"
        let feed = folder + "/feed.jsonl"
        try canonicalInput(count: 5, prefix: "f").text.write(toFile: feed, atomically: true, encoding: .utf8)
        let follower = try Running(ingestBinary, ["--db", store, "--follow", feed])
        #expect(waitUntil(seconds: 10) { (try? storeCounts(store).incidents) == 5 })
        let handle = try #require(FileHandle(forWritingAtPath: feed))
        handle.seekToEndOfFile()
        let appended = Date()
        handle.write(Data(canonicalInput(count: 1, prefix: "late").text.utf8))
        #expect(waitUntil(seconds: 5) { (try? storeCounts(store).incidents) == 6 })
        let latency = Date().timeIntervalSince(appended)
        #expect(latency < 1.0, "took \(latency) s")
        kill(follower.pid, SIGTERM)
        let ended = follower.wait()
        #expect(ended.status == 0, "\(ended.error)")
        // A restart reads on from where it stopped: nothing read twice.
        handle.write(Data(canonicalInput(count: 1, prefix: "after").text.utf8))
        try handle.close()
        let again = try Running(ingestBinary, ["--db", store, "--follow", feed])
        #expect(waitUntil(seconds: 10) { (try? storeCounts(store).incidents) == 7 })
        kill(again.pid, SIGTERM)
        let second = again.wait()
        let counts = try #require(summaryCounts(second.output), "\(second.output)")
        #expect(counts.read == 1 && counts.stored == 1 && counts.duplicates == 0)
    }

    @Test func aDropFolderTakesEachFileOnceAndSortsItIntoProcessedOrFailed() throws {
        let folder = temporaryFolder()
        let drop = folder + "/drop"
        try FileManager.default.createDirectory(atPath: drop, withIntermediateDirectories: true)
        let store = folder + "/s.sqlite"
        let watcher = try Running(ingestBinary, ["--db", store, "--follow", drop])
        // Written under a temporary name, then renamed: never read half-written.
        try canonicalInput(count: 20, prefix: "d").text.write(toFile: drop + "/good.jsonl.part", atomically: true, encoding: .utf8)
        try FileManager.default.moveItem(atPath: drop + "/good.jsonl.part", toPath: drop + "/good.jsonl")
        try canonicalInput(count: 10, badEvery: 5, prefix: "e").text.write(toFile: drop + "/mixed.jsonl", atomically: true, encoding: .utf8)
        try "what is this".write(toFile: drop + "/notes.txt", atomically: true, encoding: .utf8)
        let fm = FileManager.default
        #expect(waitUntil(seconds: 10) {
            fm.fileExists(atPath: drop + "/processed/good.jsonl") && fm.fileExists(atPath: drop + "/failed/mixed.jsonl")
                && fm.fileExists(atPath: drop + "/failed/notes.txt")
        })
        #expect(try fm.contentsOfDirectory(atPath: drop).sorted() == ["failed", "processed"])
        kill(watcher.pid, SIGTERM)
        let ended = watcher.wait()
        #expect(ended.status == 0)
        let counts = try storeCounts(store)
        #expect(counts.incidents == 30 && counts.quarantined == 2)
    }
}

func waitUntil(seconds: Double, _ condition: () -> Bool) -> Bool {
    let deadline = Date().addingTimeInterval(seconds)
    while Date() < deadline {
        if condition() { return true }
        Thread.sleep(forTimeInterval: 0.02)
    }
    return condition()
}
