import Foundation
import OtklikCore
import OtklikStore
import Testing

/// Several real processes on one store file.
@Suite struct SharedStoreTests {
    @Test func twoProcessesCreateMigrateWriteAndReadOneStore() throws {
        let path = temporaryFolder() + "/shared.sqlite"
        // Both start on a file that does not exist yet: they race to create and migrate it.
        let a = try Running(otklikBinary, ["db", "stress", "--db", path, "--writes", "150", "--label", "A"])
        let b = try Running(otklikBinary, ["db", "stress", "--db", path, "--writes", "150", "--label", "B"])
        let (ra, rb) = (a.wait(), b.wait())
        #expect(ra.status == 0, "A failed: \(ra.error)")
        #expect(rb.status == 0, "B failed: \(rb.error)")
        #expect(ra.output.hasPrefix("A: wrote 150"))
        #expect(rb.output.hasPrefix("B: wrote 150"))

        let store = try Store.open(path: path)
        #expect(try store.appliedMigrations() == Store.knownMigrations.sorted())
        #expect(try store.inboxCount() == 300)
        let page = try store.inboxPage(offset: 0, limit: 1_000)
        // Numbers were handed out once each, with no gap.
        #expect(page.map(\.number).sorted() == Array(1...300))
        #expect(page.filter { $0.excerpt.hasPrefix("Проверка A ") }.count == 150)
        #expect(page.filter { $0.excerpt.hasPrefix("Проверка B ") }.count == 150)
        // Full-text entries were written by both processes (ё folded: «счёт» found as «счет»).
        #expect(try store.search("счет", limit: 1_000).count == 300)
    }

    @Test func demoCommandIsReproducibleAndReusesItsStore() throws {
        let folder = temporaryFolder()
        let first = try run(otklikBinary, ["demo", "--db", folder + "/d.sqlite", "--size", "200", "--seed", "3", "--no-open"])
        #expect(first.status == 0, "\(first.error)")
        #expect(first.error.contains("Created the demo store"))
        let again = try run(otklikBinary, ["demo", "--db", folder + "/d.sqlite", "--size", "200", "--seed", "3", "--no-open"])
        #expect(again.error.contains("Using the demo store"))
        let status = try run(otklikBinary, ["db", "--db", folder + "/d.sqlite"])
        #expect(status.output.contains("incidents:  200"))
        // A store that is not a demo store is never overwritten by `demo`.
        _ = try run(otklikBinary, ["db", "stress", "--db", folder + "/real.sqlite", "--writes", "1"])
        let refused = try run(otklikBinary, ["demo", "--db", folder + "/real.sqlite", "--size", "10", "--no-open"])
        #expect(refused.status != 0)
        #expect(refused.error.contains("is not a demo store"))
        let bad = try run(otklikBinary, ["demo", "--size", "0", "--no-open"])
        #expect(bad.status != 0 && bad.error.contains("--size must be between 1 and 1000000"))
    }
}
