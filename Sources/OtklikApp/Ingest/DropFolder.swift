import Foundation
import OtklikIngest

/// `--follow DIR`: a drop folder. Each file put there is ingested once and then moved to
/// `processed/` (every record stored, recognised or filtered) or `failed/` (the file could
/// not be read, its format is unknown, or some records went to the quarantine). A file is
/// picked up when its size has stayed the same for one poll, so a file still being copied
/// is not read half-written; names starting with `.` or ending in `.tmp` or `.part` are
/// left alone (write there, then rename).
struct DropFolder {
    let folder: String
    let pollInterval: TimeInterval
    /// Ingests one file; returns whether it belongs in `processed/`.
    let ingest: (String) -> Bool
    let log: (String) -> Void

    func run(until stop: () -> Bool) throws {
        let fm = FileManager.default
        for sub in ["processed", "failed"] {
            try fm.createDirectory(atPath: folder + "/" + sub, withIntermediateDirectories: true)
        }
        log("watching \(folder) (files move to processed/ or failed/)")
        var sizes: [String: Int] = [:]
        while !stop() {
            var seen: [String: Int] = [:]
            for name in (try? fm.contentsOfDirectory(atPath: folder))?.sorted() ?? [] {
                let path = folder + "/" + name
                guard Self.isCandidate(name), !IngestInputs.isDirectory(path),
                      let size = (try? fm.attributesOfItem(atPath: path))?[.size] as? Int else { continue }
                seen[name] = size
                guard sizes[name] == size else { continue }
                let processed = ingest(path)
                let target = Self.freeName(in: folder + (processed ? "/processed" : "/failed"), for: name)
                do {
                    try fm.moveItem(atPath: path, toPath: target)
                } catch {
                    log("cannot move \(path): \(error)")
                }
                seen[name] = nil
                if stop() { return }
            }
            sizes = seen
            Thread.sleep(forTimeInterval: pollInterval)
        }
    }

    static func isCandidate(_ name: String) -> Bool {
        !name.hasPrefix(".") && !name.hasSuffix(".tmp") && !name.hasSuffix(".part") && name != "processed" && name != "failed"
    }

    /// `name`, or `name.2`, `name.3`… when a file of that name was processed before.
    static func freeName(in folder: String, for name: String) -> String {
        var candidate = folder + "/" + name
        var n = 2
        while FileManager.default.fileExists(atPath: candidate) {
            candidate = folder + "/" + name + ".\(n)"
            n += 1
        }
        return candidate
    }
}
