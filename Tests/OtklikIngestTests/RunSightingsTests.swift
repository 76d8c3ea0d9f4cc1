import Foundation
import OtklikCore
import Testing
@testable import OtklikIngest

/// What a run tells its writer about each record: a key's first occurrence, and an
/// author's slot and version.
@Suite struct RunSightingsTests {
    func record(_ id: String, source: SourceKind = .vk, author: String? = "7", name: String = "Иван",
                profile: String? = nil) -> IngestRecord {
        IngestRecord(source: source, externalID: id, kind: .post,
                     author: author.map { .init(id: $0, name: name, profileURL: profile) }, text: "Яма",
                     createdAt: Date(timeIntervalSince1970: 0))
    }

    @Test func aKeyIsFirstOncePerSource() {
        var sightings = RunSightings()
        #expect(sightings.sight(record("p1")).firstOfKey)
        #expect(!sightings.sight(record("p1")).firstOfKey)
        #expect(sightings.sight(record("p1", source: .ok)).firstOfKey)
        #expect(sightings.sight(record("p2")).firstOfKey)
    }

    @Test func authorsAreNumberedInOrderAndANewNameOrLinkIsANewVersion() {
        var sightings = RunSightings()
        let slots = [
            record("1", author: "7"), record("2", author: "8"), record("3", author: "7"),
            record("4", source: .ok, author: "7"),
            record("5", author: "7", name: "Иван Петров"),
            record("6", author: "7", name: "Иван Петров", profile: "https://vk.com/id7"),
            // No link keeps the known one: no change.
            record("7", author: "7", name: "Иван Петров"),
            record("8", author: "7", name: "Иван Петров", profile: "https://vk.com/ivan"),
        ].map { sightings.sight($0).author.map { [$0.slot, $0.version] } }
        #expect(slots == [[0, 0], [1, 0], [0, 0], [2, 0], [0, 1], [0, 2], [0, 2], [0, 3]])
        #expect(sightings.sight(record("9", author: nil)).author == nil)
    }

    @Test func pastItsLimitsNoKeyIsFirstAndNewAuthorsGetNoSlot() {
        var sightings = RunSightings(maximumKeys: 2, maximumAuthors: 1)
        #expect(sightings.sight(record("p1")).firstOfKey)
        #expect(sightings.sight(record("p2", author: "8")).author == nil)
        #expect(sightings.sight(record("p2")).author.map(\.slot) == 0)
        // Two keys held: the next record finds the set full, and from then on nothing is first.
        #expect(!sightings.sight(record("p3")).firstOfKey)
        #expect(!sightings.sight(record("p4")).firstOfKey)
    }

    @Test func keysLetGoAreNeverFirstAgain() {
        var sightings = RunSightings()
        #expect(sightings.sight(record("p1")).firstOfKey)
        sightings.forgetKeys()
        #expect(!sightings.sight(record("p2")).firstOfKey)
        #expect(sightings.sight(record("p3", author: "9")).author.map(\.slot) == 1)
    }
}
