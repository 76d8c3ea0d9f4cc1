import Foundation
@testable import OtklikStore

/// A fresh store file in its own temporary folder.
func temporaryStorePath(_ name: String = "otklik.sqlite") -> String {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("otklik-test-\(UUID().uuidString)")
    try! FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    return folder.appendingPathComponent(name).path
}

let fixedNow = Date(timeIntervalSince1970: 1_795_900_000)  // Saturday 2026-11-28 19:46 UTC
