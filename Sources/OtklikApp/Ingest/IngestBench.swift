import ArgumentParser
import Foundation
import OtklikCore
import OtklikStore

/// `otklik-ingest bench`: bulk ingest of canonical records against the sqlite3 shell
/// importing the same rows into an equivalent table with an FTS5 index, in the same run;
/// and the latency of a record appended to a followed file. Figures, not pass/fail.
struct IngestBenchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench",
        abstract: "Measure bulk ingest against the sqlite3 shell, and streaming latency.")

    @Option(name: .long, help: "Records to ingest.")
    var records = 1_000_000

    @Option(name: .long, help: "Runs of each side (medians are reported).")
    var runs = 3

    @Option(name: .long, help: "Appended records timed in the streaming test.")
    var appends = 9

    @Option(name: .long, help: "Work folder (default: $TMPDIR/otklik-ingest-bench).")
    var folder: String?

    @Flag(name: .long, help: "Also time the per-record (non-bulk) mode.")
    var incremental = false

    func validate() throws {
        guard records >= 1000 else { throw ValidationError("--records must be at least 1000") }
        guard runs >= 1 else { throw ValidationError("--runs must be at least 1") }
    }

    func run() throws {
        let work = folder ?? FileManager.default.temporaryDirectory.appendingPathComponent("otklik-ingest-bench").path
        try FileManager.default.createDirectory(atPath: work, withIntermediateDirectories: true)
        guard let sqlite3 = IngestBench.find("sqlite3") else { throw ValidationError("the sqlite3 shell is not installed (apt-get install sqlite3)") }
        let ingest = IngestBench.sibling("otklik-ingest")
        let input = try IngestBench.prepareInput(records: records, folder: work)
        let template = try IngestBench.prepareTemplateStore(folder: work)
        printError("input: \(input.jsonl) (\(IngestProgress.size(input.jsonlBytes))), \(input.csv)")

        var shell: [Double] = []
        var bulk: [Double] = []
        var single: [Double] = []
        for run in 1...runs {
            shell.append(try IngestBench.timeShell(sqlite3: sqlite3, csv: input.csv, folder: work))
            bulk.append(try IngestBench.timeIngest(ingest, jsonl: input.jsonl, template: template, folder: work, bulk: true, records: records))
            if incremental {
                single.append(try IngestBench.timeIngest(ingest, jsonl: input.jsonl, template: template, folder: work, bulk: false, records: records))
            }
            printError(String(format: "run %d: sqlite3 shell %.1f s, otklik-ingest --bulk %.1f s%@", run, shell.last!, bulk.last!,
                              incremental ? String(format: ", per-record mode %.1f s", single.last!) : ""))
        }
        let latencies = try IngestBench.timeStreaming(ingest, template: template, folder: work, appends: appends)

        func median(_ xs: [Double]) -> Double { xs.sorted()[xs.count / 2] }
        let n = Double(records)
        print("Otklik ingest benchmark — \(records) canonical records, \(runs) runs, \(ProcessInfo.processInfo.activeProcessorCount) cores")
        print("side                                         median s   records/s")
        print(String(format: "sqlite3 shell: .import + FTS5 trigger         %8.2f   %9.0f", median(shell), n / median(shell)))
        print(String(format: "otklik-ingest --bulk (routing, SLA, FTS)      %8.2f   %9.0f", median(bulk), n / median(bulk)))
        if incremental {
            print(String(format: "otklik-ingest per-record mode                 %8.2f   %9.0f", median(single), n / median(single)))
        }
        let ratios = zip(shell, bulk).map { $0 / $1 }
        print(String(format: "ratio otklik/shell (records/s), median of runs: %.2f  (runs: %@)", median(ratios),
                     ratios.map { String(format: "%.2f", $0) }.joined(separator: ", ")))
        print(String(format: "streaming: appended record → stored, median of %d: %.0f ms (max %.0f ms)",
                     latencies.count, median(latencies) * 1000, latencies.max()! * 1000))
    }
}

enum IngestBench {
    struct Input {
        let jsonl: String
        let csv: String
        let jsonlBytes: Int
    }

    /// The same rows as canonical jsonl (for us) and CSV (for the shell), from the demo
    /// generator: realistic Russian complaints, authors and times. Reused when present.
    static func prepareInput(records: Int, folder: String) throws -> Input {
        let jsonl = folder + "/input-\(records).jsonl"
        let csv = folder + "/input-\(records).csv"
        if !FileManager.default.fileExists(atPath: jsonl) || !FileManager.default.fileExists(atPath: csv) {
            printError("writing \(records) records…")
            _ = FileManager.default.createFile(atPath: jsonl + ".part", contents: nil)
            _ = FileManager.default.createFile(atPath: csv + ".part", contents: nil)
            let j = FileHandle(forWritingAtPath: jsonl + ".part")!
            let c = FileHandle(forWritingAtPath: csv + ".part")!
            var generator = DemoGenerator(seed: 7, size: records, now: Date(timeIntervalSince1970: 1_796_000_000))
            var jBuffer = ""
            var cBuffer = ""
            var i = 0
            while let incident = generator.next() {
                i += 1
                let text = incident.messages.first?.text ?? ""
                let created = ISO8601DateFormatter.string(from: incident.createdAt, timeZone: TimeZone(identifier: "Asia/Yekaterinburg")!,
                                                          formatOptions: [.withInternetDateTime])
                let object: [String: Any] = [
                    "source": incident.source.rawValue, "external_id": "bench-\(i)", "kind": "post",
                    "author": ["id": "a\(incident.authorNumber)", "name": incident.authorName],
                    "text": text, "created_at": created,
                ]
                let line = try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])
                jBuffer += String(decoding: line, as: UTF8.self) + "\n"
                cBuffer += [incident.source.rawValue, "bench-\(i)", "a\(incident.authorNumber)", incident.authorName, text, created]
                    .map(csvField).joined(separator: ",") + "\n"
                if i % 10_000 == 0 {
                    j.write(Data(jBuffer.utf8)); c.write(Data(cBuffer.utf8))
                    jBuffer = ""; cBuffer = ""
                }
            }
            j.write(Data(jBuffer.utf8)); c.write(Data(cBuffer.utf8))
            try j.close(); try c.close()
            try FileManager.default.moveItem(atPath: jsonl + ".part", toPath: jsonl)
            try FileManager.default.moveItem(atPath: csv + ".part", toPath: csv)
        }
        let size = (try FileManager.default.attributesOfItem(atPath: jsonl)[.size] as? Int) ?? 0
        return Input(jsonl: jsonl, csv: csv, jsonlBytes: size)
    }

    static func csvField(_ s: String) -> String {
        "\"" + s.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    /// A store with the demo region's reference data (topics, agencies, calendars,
    /// policies) and no incidents: what a center's store looks like before its first load.
    static func prepareTemplateStore(folder: String) throws -> String {
        let path = folder + "/template.sqlite"
        if FileManager.default.fileExists(atPath: path) {
            // One left by an older build is migrated once here, not in every copy (copies
            // take the main file alone, hence the checkpoint).
            try Store.open(path: path).checkpoint()
        } else {
            let store = try Store.open(path: path)
            try store.populateDemo(seed: 1, size: 0, now: Date())
            try store.checkpoint()
        }
        return path
    }

    static func freshCopy(of template: String, to path: String) throws {
        for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
        try FileManager.default.copyItem(atPath: template, toPath: path)
    }

    /// The sqlite3 shell's import into one table with the same FTS5 index and ё folding,
    /// in WAL mode with synchronous=NORMAL like the store.
    static func timeShell(sqlite3: String, csv: String, folder: String) throws -> Double {
        let db = folder + "/shell.sqlite"
        for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: db + suffix) }
        let script = """
            PRAGMA journal_mode = WAL;
            PRAGMA synchronous = NORMAL;
            CREATE TABLE message(source TEXT NOT NULL, external_id TEXT NOT NULL, author_id TEXT, author_name TEXT,
                text TEXT NOT NULL, created_at TEXT NOT NULL, UNIQUE (source, external_id));
            CREATE VIRTUAL TABLE message_fts USING fts5(text, content='message', content_rowid='rowid',
                tokenize='unicode61 remove_diacritics 2', detail='none', columnsize=0);
            CREATE TRIGGER message_fts_insert AFTER INSERT ON message BEGIN
                INSERT INTO message_fts(rowid, text) VALUES (new.rowid, replace(replace(new.text, 'ё', 'е'), 'Ё', 'Е'));
            END;
            .import --csv \(csv) message

            """
        let scriptPath = folder + "/shell.sql"
        try script.write(toFile: scriptPath, atomically: true, encoding: .utf8)
        return try timeProcess(sqlite3, [db, ".read \(scriptPath)"])
    }

    static func timeIngest(_ ingest: String, jsonl: String, template: String, folder: String, bulk: Bool, records: Int) throws -> Double {
        let db = folder + "/ours.sqlite"
        try freshCopy(of: template, to: db)
        let seconds = try timeProcess(ingest, ["--db", db, "--quiet", "--format", "jsonl"] + (bulk ? ["--bulk"] : []) + [jsonl])
        let stored = try Store.open(path: db).inboxCount()
        guard stored > records * 9 / 10 else { throw ValidationError("only \(stored) of \(records) records stored") }
        return seconds
    }

    /// A follower on a jsonl file; each appended record is timed until it is in the store.
    static func timeStreaming(_ ingest: String, template: String, folder: String, appends: Int) throws -> [Double] {
        let db = folder + "/stream.sqlite"
        try freshCopy(of: template, to: db)
        let feed = folder + "/feed.jsonl"
        try Data().write(to: URL(fileURLWithPath: feed))
        let follower = Process()
        follower.executableURL = URL(fileURLWithPath: ingest)
        follower.arguments = ["--db", db, "--quiet", "--follow", feed]
        follower.standardOutput = FileHandle.nullDevice
        try follower.run()
        defer { follower.terminate(); follower.waitUntilExit() }
        let store = try Store.open(path: db)
        let handle = FileHandle(forWritingAtPath: feed)!
        var latencies: [Double] = []
        Thread.sleep(forTimeInterval: 0.5)
        for i in 1...appends {
            let line = #"{"source":"telegram","external_id":"stream-\#(i)","text":"Не горят фонари на улице Мира, \#(i)","created_at":"2026-11-30T09:15:00+05:00"}"# + "\n"
            let start = DispatchTime.now().uptimeNanoseconds
            handle.seekToEndOfFile()
            handle.write(Data(line.utf8))
            while try store.inboxCount() < i {
                Thread.sleep(forTimeInterval: 0.002)
                if Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9 > 10 { throw ValidationError("record \(i) not stored within 10 s") }
            }
            latencies.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
            Thread.sleep(forTimeInterval: 0.1)
        }
        return latencies
    }

    static func timeProcess(_ executable: String, _ arguments: [String]) throws -> Double {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        process.standardOutput = FileHandle.nullDevice
        let start = DispatchTime.now().uptimeNanoseconds
        try process.run()
        process.waitUntilExit()
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
        guard process.terminationStatus == 0 || process.terminationStatus == 65 else {
            throw ValidationError("\(executable) \(arguments.joined(separator: " ")) exited with \(process.terminationStatus)")
        }
        return seconds
    }

    static func find(_ program: String) -> String? {
        (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":")
            .map { "\($0)/\(program)" }.first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    /// A program built beside this one.
    static func sibling(_ name: String) -> String {
        let me = (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments[0]
        return URL(fileURLWithPath: me).deletingLastPathComponent().appendingPathComponent(name).path
    }
}
