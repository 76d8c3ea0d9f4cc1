import Foundation
import Testing
@testable import OtklikCore

@Suite struct DemoGeneratorTests {
    let now = Date(timeIntervalSince1970: 1_795_900_000)  // 2026-11-28

    func generate(seed: UInt64, size: Int) -> [DemoIncident] {
        var generator = DemoGenerator(seed: seed, size: size, now: now)
        var all: [DemoIncident] = []
        while let next = generator.next() { all.append(next) }
        return all
    }

    @Test func sameSeedSameIncidents() {
        #expect(generate(seed: 11, size: 500) == generate(seed: 11, size: 500))
        #expect(generate(seed: 11, size: 500) != generate(seed: 12, size: 500))
    }

    @Test func coversEverySourceAndStatusWithOverdueAndAtRisk() {
        let incidents = generate(seed: 2026, size: 3_000)
        #expect(Set(incidents.map(\.source)) == Set(SourceKind.allCases))
        #expect(Set(incidents.map(\.status)) == Set(IncidentStatus.allCases))
        #expect(incidents.contains { ($0.dueAt ?? .distantFuture) < now })
        #expect(incidents.contains { $0.warnAt.map { $0 <= now } == true && ($0.dueAt ?? .distantPast) > now })
        #expect(incidents.allSatisfy { $0.createdAt <= now && $0.createdAt >= now.addingTimeInterval(-30 * 86_400) })
        #expect(incidents.map(\.number) == Array(1...3_000))
    }

    @Test func regionHasWhatTheIssueAsksFor() {
        #expect(DemoRegion.municipalities.count >= 12)
        #expect(DemoRegion.agencies.count >= 20)
        #expect(Set(DemoRegion.agencies.map(\.timeZone)).count >= 2)
        #expect(DemoRegion.topics.filter { $0.parentCode == nil }.count >= 10)
        #expect(DemoRegion.topics.contains { $0.parentCode != nil })
        #expect(DemoRegion.templates.count >= 5)
        #expect(DemoRegion.operators.count >= 5)
        #expect(DemoRegion.operators.contains { $0.role == .supervisor })
    }
}
