import Foundation
import OtklikStore

/// `--follow FILE`: reads records appended to a line-based file (`jsonl`) as they arrive,
/// like `tail -f`. Only complete lines are read. The read position is saved in the store
/// in the same transaction as the records before it, so a restart — even after `kill -9` —
/// goes on where it stopped. A file that shrinks (truncated or replaced) is read again
/// from the start; records already stored count as duplicates.
struct FollowedFile {
    let path: String
    let pipeline: IngestPipeline
    let store: Store
    let pollInterval: TimeInterval
    let log: (String) -> Void

    func run(until stop: () -> Bool) throws {
        let key = URL(fileURLWithPath: path).standardizedFileURL.path
        var cursor = try store.ingestCursor(path: key) ?? IngestCursor(path: key, byteOffset: 0, line: 0)
        if cursor.byteOffset > 0 { log("following \(path) from line \(cursor.line + 1)") } else { log("following \(path)") }
        while !stop() {
            let size = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? nil
            if let size, size < cursor.byteOffset {
                log("\(path) shrank: reading it again from the start")
                cursor = IngestCursor(path: key, byteOffset: 0, line: 0)
            }
            if let size, size > cursor.byteOffset, let chunk = try readComplete(from: cursor.byteOffset) {
                let lines = chunk.reduce(0) { $0 + ($1 == 0x0A ? 1 : 0) }
                let next = IngestCursor(path: key, byteOffset: cursor.byteOffset + chunk.count, line: cursor.line + lines)
                _ = try pipeline.ingest(chunk, file: path, cursor: next, base: (line: cursor.line, byteOffset: cursor.byteOffset))
                cursor = next
                continue
            }
            Thread.sleep(forTimeInterval: pollInterval)
        }
    }

    /// The bytes from `offset` up to and including the last line break; nil when no
    /// complete line has been added yet.
    func readComplete(from offset: Int) throws -> Data? {
        guard let handle = FileHandle(forReadingAtPath: path) else { return nil }
        defer { try? handle.close() }
        try handle.seek(toOffset: UInt64(offset))
        guard let data = try handle.readToEnd(), let last = data.lastIndex(of: 0x0A) else { return nil }
        return data.prefix(through: last)
    }
}
