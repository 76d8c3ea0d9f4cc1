import ArgumentParser
import Foundation
import OtklikCore
import OtklikIngest
import OtklikStore

/// `otklik-ingest quarantine list|show|retry|discard`.
struct QuarantineCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "quarantine",
        abstract: "Inspect and retry records that could not be stored.",
        subcommands: [List.self, Show.self, Retry.self, Discard.self],
        defaultSubcommand: List.self)

    struct StoreOption: ParsableArguments {
        @Option(name: .long, help: storeFileHelp)
        var db: String?

        func open() throws -> Store { try openStore(StoreLocation.resolve(explicit: db)) }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List held records: id, format, file:line, reason.")
        @OptionGroup var store: StoreOption
        @Flag(name: .long, help: "Include records already retried or discarded.") var all = false

        func run() throws {
            let records = try store.open().quarantined(includeResolved: all)
            if records.isEmpty { print("the quarantine is empty"); return }
            for r in records {
                let status = r.status == "held" ? "" : " [\(r.status)]"
                print("\(r.id)\t\(r.format)\t\(QuarantineCommand.place(r))\t\(UntrustedText.oneLine(r.reason))\(status)")
            }
        }
    }

    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Show one record: where it came from, why, and its content.")
        @OptionGroup var store: StoreOption
        @Argument(help: "The record's id (from `list`).") var id: Int64
        @Flag(name: .long, help: "Write the raw bytes only, unchanged (to fix and feed them again).") var raw = false

        func run() throws {
            guard let r = try store.open().quarantined(id: id) else { throw ValidationError("no quarantined record \(id)") }
            if raw {
                FileHandle.standardOutput.write(r.raw)
                return
            }
            print("record:   \(r.id) (\(r.status))")
            print("format:   \(r.format)")
            print("from:     \(QuarantineCommand.place(r))")
            print("reason:   \(UntrustedText.oneLine(r.reason))")
            print("received: \(ISO8601DateFormatter().string(from: r.receivedAt))")
            print("size:     \(r.raw.count) bytes")
            // Untrusted input: shown inert, and long records cut.
            let text = String(decoding: r.raw.prefix(4096), as: UTF8.self)
            print("content:\n" + UntrustedText.multiLine(text) + (r.raw.count > 4096 ? "\n… (\(r.raw.count - 4096) more bytes; --raw for all)" : ""))
        }
    }

    struct Retry: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Parse held records again and store them (after a fix to the rules, topics or program).")
        @OptionGroup var store: StoreOption
        @Argument(help: "Record ids; none means all held records.") var ids: [Int64] = []
        @Option(name: .long, help: "Intake rules file (as for ingest).") var rules: String?

        func run() throws {
            let s = try store.open()
            let records = ids.isEmpty ? try s.quarantined() : try ids.map { id in
                guard let r = try s.quarantined(id: id) else { throw ValidationError("no quarantined record \(id)") }
                return r
            }
            let intake = try loadIntakeRules(rules)
            let options = FormatOptions(timeZone: try s.centerTimeZone())
            // One pipeline per format: building one compiles the intake rules.
            var pipelines: [InputFormat: IngestPipeline] = [:]
            var fixed = 0
            for r in records where r.status == "held" {
                guard let format = InputFormat(rawValue: r.format) else { continue }
                let pipeline = pipelines[format] ?? IngestPipeline(store: s, format: format, options: options, rules: intake)
                pipelines[format] = pipeline
                var entries: [IngestEntry] = []
                pipeline.parser.parse(r.raw) { item in
                    var entry = pipeline.entry(for: item, file: r.file)
                    entry.position = r.position  // the same record: held once, not again
                    entries.append(entry)
                }
                let outcomes = try s.ingest(entries, at: Date(), actor: "ingest:retry")
                let still = outcomes.compactMap { if case .quarantined(let why) = $0 { why } else { nil } }
                if still.isEmpty && !outcomes.isEmpty {
                    try s.resolveQuarantined(id: r.id, as: "retried")
                    fixed += 1
                    print("\(r.id): \(outcomes.map(QuarantineCommand.describe).joined(separator: ", "))")
                } else {
                    print("\(r.id): still held: \(UntrustedText.oneLine(still.first ?? "no record found"))")
                }
            }
            print("retried \(records.count): \(fixed) stored, \(records.count - fixed) still held")
            if fixed < records.count { throw IngestExit.quarantined }
        }
    }

    struct Discard: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Give up on held records (they stay listed with --all).")
        @OptionGroup var store: StoreOption
        @Argument(help: "Record ids.") var ids: [Int64]

        func run() throws {
            let s = try store.open()
            for id in ids { try s.resolveQuarantined(id: id, as: "discarded") }
            print("discarded \(ids.count)")
        }
    }

    static func place(_ r: QuarantinedRecord) -> String {
        var text = UntrustedText.oneLine(r.file)
        if let line = r.position.line { text += ":\(line)" } else if let offset = r.position.byteOffset { text += "@\(offset)" }
        return text
    }

    static func describe(_ outcome: IngestOutcome) -> String {
        switch outcome {
        case .registered(let n): "incident №\(n)"
        case .followUp(let n, _): "follow-up on №\(n)"
        case .edited(let n): "edit of №\(n)"
        case .duplicate: "already stored"
        case .filtered(let why): "filtered: \(why)"
        case .quarantined(let why): "quarantined: \(why)"
        }
    }
}
