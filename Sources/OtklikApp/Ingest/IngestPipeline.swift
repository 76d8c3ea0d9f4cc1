import Foundation
import Synchronization
import OtklikCore
import OtklikIngest
import OtklikStore

/// Parses input, sorts each record through the intake rules, and writes batches to the
/// store. Batches adapt so each write transaction stays near 20 ms: a console reading
/// the same store never waits long, and a crash loses at most the batch in flight, which
/// a re-run stores again (messages are keyed by source and external id).
///
/// With `concurrent`, parsing and sorting run on the calling thread while a second thread
/// writes the batches (two cores, two halves of the work); at most a few batches wait in
/// between. `tally` then belongs to the writer thread until `drain()`.
final class IngestPipeline: @unchecked Sendable {
    let store: Store?
    let format: InputFormat
    let parser: any RecordFormat
    let classifier: IntakeClassifier
    let clock: any WallClock
    /// Records per batch: set by the writer from each transaction's duration
    /// (`BatchSizing`), read by the parser.
    private let batchLimit = Atomic<Int>(256)
    var batchSize: Int { batchLimit.load(ordering: .relaxed) }
    /// Called after each batch with the tally so far and the bytes consumed.
    var progress: ((IngestTally) -> Void)?

    var concurrent = false
    /// Time spent in write transactions, how many there were and the longest, for
    /// `--timings`.
    private(set) var writeMillis = 0.0
    private(set) var writeCount = 0
    private(set) var longestWriteMillis = 0.0

    private var pending: [IngestEntry] = []
    private(set) var tally = IngestTally()
    private let writer = DispatchQueue(label: "otklik.ingest.writer")
    private let inFlight = DispatchSemaphore(value: 3)
    private var writerError: Error?
    private let cache = IngestCache()
    /// Keys and authors seen so far, kept by the parsing thread (`Sighting`).
    private var sightings = RunSightings()
    /// Set by the writer when the store holds messages this run did not store: the keys
    /// seen then spare no look-up, and the parsing thread lets them go.
    private let keysOfNoUse = Atomic<Bool>(false)
    /// Batches the writer is done with, freed by the parsing thread: releasing a batch's
    /// records (texts, raw lines) was a tenth of the writer's time, and the writer is the
    /// critical path of a load.
    private let written = Mutex<[[IngestEntry]]>([])

    /// `store` nil is a dry run: records are parsed and sorted, nothing is written.
    init(store: Store?, format: InputFormat, options: FormatOptions, rules: IntakeRules, clock: any WallClock = SystemClock()) {
        self.store = store
        self.format = format
        self.parser = format.parser(options: options)
        self.classifier = IntakeClassifier(rules)
        self.clock = clock
    }

    /// Ingests one input's bytes; `file` names it in the quarantine. `cursor`, for a
    /// followed file, is saved with the last batch.
    /// `base` shifts positions for a chunk that starts inside a file (a followed file).
    func ingest(_ data: Data, file: String, cursor: IngestCursor? = nil,
                base: (line: Int, byteOffset: Int) = (0, 0)) throws -> IngestTally {
        let before = tally
        try parser.parse(data) { item in
            var e = entry(for: item, file: file)
            if base.line > 0 || base.byteOffset > 0 {
                e.position.line = e.position.line.map { $0 + base.line }
                e.position.byteOffset = e.position.byteOffset.map { $0 + base.byteOffset }
            }
            pending.append(e)
            if pending.count >= batchSize { try flush(cursor: nil) }
        }
        try flush(cursor: cursor)
        try drain()
        tally.bytes += data.count
        progress?(tally)
        var delta = tally
        delta.subtract(before)
        return delta
    }

    /// No citizen writes a megabyte; a longer text is an export error or an attack, held
    /// in the quarantine rather than put before operators.
    static let maximumTextBytes = 1 << 20

    func entry(for item: ParsedItem, file: String) -> IngestEntry {
        let payload: IngestEntry.Payload
        let raw: Data
        var sighting: Sighting?
        switch item {
        case .invalid(let reason, _, let r):
            payload = .invalid(reason)
            raw = r
        case .skipped(let reason, _, let r):
            payload = .filtered(reason)
            raw = r
        case .record(let record, _, let r):
            raw = r
            if record.text.utf8.count > Self.maximumTextBytes {
                payload = .invalid(String(format: "text of %.1f MB is longer than the %d MB a message may have",
                                          Double(record.text.utf8.count) / 1_048_576, Self.maximumTextBytes >> 20))
            } else if record.fromOrganisation {
                payload = .filtered("posted by the organisation itself")
            } else if PlainText.isBlank(record.text) && record.attachments.isEmpty {
                payload = .filtered("no text")
            } else {
                payload = .record(record, classifier.classify(text: record.text, category: record.category))
                // Only records the store may keep are sighted: the others are never stored.
                if keysOfNoUse.load(ordering: .relaxed) { sightings.forgetKeys() }
                sighting = sightings.sight(record)
            }
        }
        return IngestEntry(payload: payload, format: format.rawValue, file: file, position: item.position, raw: raw,
                           sighting: sighting)
    }

    func flush(cursor: IngestCursor?) throws {
        guard !pending.isEmpty || cursor != nil else { return }
        let batch = pending
        pending.removeAll(keepingCapacity: true)
        // The batches the writer is done with are freed here, on the parsing thread.
        _ = written.withLock { done in
            defer { done = [] }
            return done
        }
        guard let store else {
            for entry in batch { tally.count(Self.dryRunOutcome(entry)) }
            return
        }
        guard concurrent else { return try write(batch, cursor: cursor, to: store) }
        if let writerError { throw writerError }
        inFlight.wait()
        writer.async { [self] in
            defer { inFlight.signal() }
            guard writerError == nil else { return }
            do { try write(batch, cursor: cursor, to: store) } catch { writerError = error }
        }
    }

    /// Waits for the writer thread to finish every batch handed to it.
    func drain() throws {
        guard concurrent else { return }
        writer.sync {}
        if let writerError { throw writerError }
    }

    private func write(_ batch: [IngestEntry], cursor: IngestCursor?, to store: Store) throws {
        let started = DispatchTime.now().uptimeNanoseconds
        let outcomes = try store.ingest(batch, at: clock.now, cursor: cursor, cache: cache)
        if cache.holdsEveryMessage == false { keysOfNoUse.store(true, ordering: .relaxed) }
        let millis = Double(DispatchTime.now().uptimeNanoseconds - started) / 1e6
        writeMillis += millis
        writeCount += 1
        longestWriteMillis = max(longestWriteMillis, millis)
        for outcome in outcomes { tally.count(outcome) }
        if concurrent { written.withLock { $0.append(batch) } }
        // Keep transactions short: about 20 ms, so another writer — a console — never
        // waits long. A bulk load, which owns the store for a while anyway, takes about
        // 90 ms: each commit writes again every page of the author key index that new
        // people touched, spread over the whole index, and fewer commits write fewer of
        // them (the same rows in 4,500-row instead of 3,000-row transactions: 13 % less
        // time). A short batch written quickly (the end of an input, a cursor alone) says
        // nothing about a full one.
        let target = concurrent ? 90.0 : 20.0
        if batch.count >= batchSize || millis > target {
            batchLimit.store(BatchSizing.next(after: batch.count, tookMillis: millis, targetMillis: target), ordering: .relaxed)
        }
        progress?(tally)
    }

    /// Without a store, a record counts as it would be if new.
    static func dryRunOutcome(_ entry: IngestEntry) -> IngestOutcome {
        switch entry.payload {
        case .filtered(let reason): .filtered(reason)
        case .invalid(let reason): .quarantined(reason)
        case .record(_, let verdict):
            if case .noise(let reason) = verdict.disposition { .filtered(reason) } else { .registered(0) }
        }
    }
}

extension IngestTally {
    mutating func subtract(_ other: IngestTally) {
        read -= other.read
        registered -= other.registered
        followUps -= other.followUps
        reopened -= other.reopened
        edits -= other.edits
        duplicates -= other.duplicates
        bytes -= other.bytes
        for (k, v) in other.filtered { filtered[k, default: 0] -= v; if filtered[k] == 0 { filtered[k] = nil } }
        for (k, v) in other.quarantined { quarantined[k, default: 0] -= v; if quarantined[k] == 0 { quarantined[k] = nil } }
    }
}
