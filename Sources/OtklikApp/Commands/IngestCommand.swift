import ArgumentParser
import Foundation
import OtklikCore
import OtklikIngest
import OtklikStore
import OtklikTerminal

/// `otklik-ingest`: fills the store from channel exports and streams.
public struct IngestCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "otklik-ingest",
        abstract: "Load citizens' messages from channel exports into the Otklik store.",
        discussion: """
            Formats: \(InputFormat.allCases.map(\.rawValue).joined(separator: ", ")) (docs/ingest.md). \
            Every record read is stored, recognised as a duplicate, filtered with a reason, or \
            quarantined with its file, line and reason; the summary line shows the counts.

            Exit status: 0 every record accounted for and none quarantined; 65 some records \
            quarantined (see `otklik-ingest quarantine list`); 66 an input could not be read; \
            64 wrong usage; 1 the store failed.
            """,
        subcommands: [IngestRunCommand.self, QuarantineCommand.self, IngestBenchCommand.self],
        defaultSubcommand: IngestRunCommand.self)

    public init() {}
}

/// Exit statuses, from sysexits(3) where one fits.
enum IngestExit {
    static let quarantined = ExitCode(65)  // EX_DATAERR
    static let missingInput = ExitCode(66)  // EX_NOINPUT
}

struct IngestRunCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Ingest files, globs or standard input (the default command).",
        discussion: """
            Examples:
              otklik-ingest --format vk wall.json comments-*.json
              cat appeals.csv | otklik-ingest --format pos -
              otklik-ingest --follow /srv/otklik/drop        # a drop folder
              otklik-ingest --follow /var/log/feed.jsonl     # a growing jsonl file
            """)

    @Argument(help: "Input files or globs; - reads standard input.")
    var inputs: [String] = []

    @Option(name: .long, help: storeFileHelp)
    var db: String?

    @Option(name: .shortAndLong, help: "Input format: \(InputFormat.allCases.map(\.rawValue).joined(separator: ", ")). Guessed from file names (.jsonl, .eml, .mbox, .csv, result.json, requests.json) when not given.")
    var format: String?

    @Option(name: .long, help: "Watch a drop folder (each file ingested once, then moved to processed/ or failed/), or follow a growing jsonl file.")
    var follow: String?

    @Option(name: .long, help: "Intake rules: noise filter, no-answer words, routing (default: $XDG_CONFIG_HOME/otklik/ingest.toml if present, else built in).")
    var rules: String?

    @Option(name: .long, help: "Time zone for times written without one (default: the center's zone in the store).")
    var timeZone: String?

    @Flag(name: .long, help: "Parse and sort records, write nothing.")
    var dryRun = false

    @Flag(name: .long, help: "For large loads: set secondary and full-text indexes aside and rebuild them at the end (consoles stay usable but slower meanwhile).")
    var bulk = false

    @Flag(name: .shortAndLong, help: "No progress display.")
    var quiet = false

    @Flag(name: .long, help: "Print where the time went (write transactions, index rebuilds) to standard error.")
    var timings = false

    @Option(name: .long, help: .hidden)
    var pollMilliseconds = 200

    func run() throws {
        guard follow != nil || !inputs.isEmpty else {
            throw ValidationError("name input files, - for standard input, or --follow DIR|FILE")
        }
        let rules = try loadRules()
        let path = StoreLocation.resolve(explicit: db)
        let store: Store? = dryRun && !FileManager.default.fileExists(atPath: path) ? nil : try openStore(path)
        if !dryRun, let store, try store.finishInterruptedBulkIngest() {
            printError("otklik-ingest: finished the indexes of an interrupted bulk load")
        }
        let zone = try zoneOption(store: store)
        let options = FormatOptions(timeZone: zone)
        let writer = dryRun ? nil : store

        if let follow {
            try runFollow(follow, store: store, writer: writer, options: options, rules: rules)
            return
        }

        let (inputList, missing) = IngestInputs.expand(inputs)
        for m in missing { printError("otklik-ingest: \(m): no such file") }
        let bulkStarted = bulk && !dryRun ? try store?.beginBulkIngest() ?? false : false
        let started = DispatchTime.now().uptimeNanoseconds
        let (total, unreadable): (IngestTally, Int)
        do {
            (total, unreadable) = try ingest(inputList, writer: writer, options: options, rules: rules)
        } catch {
            if bulkStarted { try? store?.finishBulkIngest() }
            throw error
        }
        if bulkStarted, let store { try finishBulk(store) }
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - started) / 1e9
        print((dryRun ? "dry run, nothing written: " : "") + total.summary(seconds: seconds))
        for line in total.details() { print(line) }
        if unreadable + missing.count > 0 { throw IngestExit.missingInput }
        if total.quarantinedCount > 0 { throw IngestExit.quarantined }
    }

    /// Ingests each input in turn; returns the counts and how many inputs could not be read.
    func ingest(_ inputList: [IngestInputs.Input], writer: Store?, options: FormatOptions,
                rules: IntakeRules) throws -> (IngestTally, Int) {
        var total = IngestTally()
        var totalBytes = 0
        for case .file(let f) in inputList { totalBytes += ((try? FileManager.default.attributesOfItem(atPath: f))?[.size] as? Int) ?? 0 }
        let progress = IngestProgress(totalBytes: inputList.contains(.standardInput) ? nil : totalBytes,
                                      enabled: !quiet && standardErrorIsTerminal)
        defer { progress.finish() }
        var unreadable = 0
        var bytesBefore = 0
        for input in inputList {
            let name: String
            let data: Data
            switch input {
            case .standardInput:
                name = "<stdin>"
                data = FileHandle.standardInput.readDataToEndOfFile()
            case .file(let f):
                name = f
                do {
                    data = try IngestInputs.read(f)
                } catch {
                    printError("otklik-ingest: \(f): cannot read: \(error.localizedDescription)")
                    unreadable += 1
                    continue
                }
            }
            guard let inputFormat = try resolveFormat(for: name) else { unreadable += 1; continue }
            let pipeline = IngestPipeline(store: writer, format: inputFormat, options: options, rules: rules)
            pipeline.concurrent = bulk
            let base = bytesBefore
            pipeline.progress = { [total] tally in
                var sum = total
                sum.add(tally)
                progress.update(sum, bytesDone: base + min(data.count, tally.bytes))
            }
            let tally = try pipeline.ingest(data, file: name)
            if timings {
                printError(String(format: "timings: %@: %.0f ms in %d write transactions (mean %.0f ms, longest %.0f ms)", name,
                                  pipeline.writeMillis, pipeline.writeCount, pipeline.writeMillis / Double(max(1, pipeline.writeCount)),
                                  pipeline.longestWriteMillis))
            }
            bytesBefore += data.count
            total.add(tally)
            if inputList.count > 1 && !quiet { progress.finish(); printError("\(name): \(tally.summary())") }
        }
        return (total, unreadable)
    }

    /// Rebuilds what the bulk load set aside, saying what it does on a terminal.
    func finishBulk(_ store: Store) throws {
        var lap = DispatchTime.now().uptimeNanoseconds
        var current = "start"
        try store.finishBulkIngest { step in
            let now = DispatchTime.now().uptimeNanoseconds
            if timings { printError(String(format: "timings: %@: %.0f ms", current, Double(now - lap) / 1e6)) }
            (current, lap) = (step, now)
            if !quiet && standardErrorIsTerminal { printError("rebuilding: \(step)") }
        }
        if timings { printError(String(format: "timings: %@: %.0f ms", current, Double(DispatchTime.now().uptimeNanoseconds - lap) / 1e6)) }
    }

    func runFollow(_ target: String, store: Store?, writer: Store?, options: FormatOptions, rules: IntakeRules) throws {
        SignalFlag.install()
        let stop = { SignalFlag.pending != 0 }
        let interval = Double(pollMilliseconds) / 1000
        let log: (String) -> Void = { if !quiet { printError("otklik-ingest: " + $0) } }
        var total = IngestTally()
        if IngestInputs.isDirectory(target) {
            let folder = DropFolder(folder: target, pollInterval: interval, ingest: { file in
                guard let inputFormat = try? resolveFormat(for: file), let data = try? IngestInputs.read(file) else { return false }
                let pipeline = IngestPipeline(store: writer, format: inputFormat, options: options, rules: rules)
                do {
                    let tally = try pipeline.ingest(data, file: file)
                    total.add(tally)
                    log("\((file as NSString).lastPathComponent): \(tally.summary())")
                    return tally.quarantinedCount == 0
                } catch {
                    log("\(file): \(error)")
                    return false
                }
            }, log: log)
            try folder.run(until: stop)
        } else {
            guard FileManager.default.fileExists(atPath: target) else { throw ValidationError("\(target): no such file or folder") }
            let inputFormat = try resolveFormat(for: target) ?? .jsonl
            guard inputFormat == .jsonl else { throw ValidationError("only jsonl files can be followed; use a drop folder for \(inputFormat.rawValue)") }
            guard let writer, let store else { throw ValidationError("--follow with --dry-run needs nothing: drop --dry-run") }
            let pipeline = IngestPipeline(store: writer, format: .jsonl, options: options, rules: rules)
            pipeline.progress = { tally in total = tally }
            try FollowedFile(path: target, pipeline: pipeline, store: store, pollInterval: interval, log: log).run(until: stop)
        }
        print(total.summary())
    }

    func resolveFormat(for name: String) throws -> InputFormat? {
        if let format {
            guard let f = InputFormat(rawValue: format.lowercased()) else {
                throw ValidationError("unknown format \(format): use \(InputFormat.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            return f
        }
        if let guessed = InputFormat.guess(fileName: name) { return guessed }
        // A stream on standard input is in the canonical format unless said otherwise.
        if name == "<stdin>" { return .jsonl }
        printError("otklik-ingest: \(name): cannot tell the format from the name; give --format")
        return nil
    }

    func loadRules() throws -> IntakeRules { try loadIntakeRules(rules) }

    func zoneOption(store: Store?) throws -> TimeZone {
        if let timeZone {
            guard let zone = TimeZone(identifier: timeZone) else { throw ValidationError("unknown time zone \(timeZone) (e.g. Europe/Moscow)") }
            return zone
        }
        return try store?.centerTimeZone() ?? TimeZone(identifier: "Europe/Moscow")!
    }
}

/// The intake rules: `explicitPath`, else `$XDG_CONFIG_HOME/otklik/ingest.toml` if it
/// exists, else the built-in ones. A broken file is a usage error naming its line.
func loadIntakeRules(_ explicitPath: String?) throws -> IntakeRules {
    let path = explicitPath ?? ConsoleFiles.configDirectory + "/ingest.toml"
    guard let text = try? String(contentsOfFile: path, encoding: .utf8) else {
        if explicitPath != nil { throw ValidationError("\(path): cannot read the rules file") }
        return .builtIn
    }
    do {
        return try IntakeRules.parse(text, path: path)
    } catch {
        throw ValidationError("\(error)")
    }
}
