import Foundation
import Testing
@testable import OtklikIngest

/// Open311 GeoReport v2 `requests.json` (docs/ingest/open311.md). The fixtures under
/// Tests/Fixtures/ingest/open311/ follow the GeoReport v2 "GET Service Requests" response.
@Suite struct Open311FormatTests {
    static func fixture(_ name: String) throws -> Data {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Fixtures/ingest/open311/\(name)")
        return try Data(contentsOf: url)
    }

    static func items(_ data: Data, zone: String = "Europe/Moscow") -> [ParsedItem] {
        var out: [ParsedItem] = []
        Open311Format(options: FormatOptions(timeZone: TimeZone(identifier: zone)!)).parse(data) { out.append($0) }
        return out
    }

    static func items(_ text: String) -> [ParsedItem] { items(Data(text.utf8)) }

    static func outcomes(_ items: [ParsedItem]) -> [String] {
        items.map { item in
            switch item {
            case .record: "ok"
            case .skipped(let reason, _, _): "skipped: \(reason)"
            case .invalid(let reason, _, _): "invalid: \(reason)"
            }
        }
    }

    static func record(_ item: ParsedItem?) -> IngestRecord? {
        guard case .record(let r, _, _)? = item else { return nil }
        return r
    }

    static func raw(_ item: ParsedItem) -> Data {
        switch item {
        case .record(_, _, let raw), .skipped(_, _, let raw), .invalid(_, _, let raw): raw
        }
    }

    static func canonical(_ value: Any?) -> Data? {
        value.flatMap { try? JSONSerialization.data(withJSONObject: $0, options: [.sortedKeys, .fragmentsAllowed]) }
    }

    @Test func requestsArrayGivesOneItemPerRequest() throws {
        let all = Self.items(try Self.fixture("requests.json"))
        #expect(all.map(\.position.path) == (0...6).map { "[\($0)]" })
        #expect(Self.outcomes(all) == [
            "ok", "ok",
            #"invalid: missing required field "service_request_id""#,
            #"invalid: requested_datetime "30.11.2026 08:15" is not an ISO 8601 time"#,
            "ok", "ok",
            #"invalid: missing required field "requested_datetime""#,
        ])
    }

    @Test func everyMappedField() throws {
        let all = Self.items(try Self.fixture("requests.json"))
        let r = try #require(Self.record(all[0]))
        let expected = IngestRecord(
            source: .open311, externalID: "638344", parentID: nil, threadID: nil, kind: .request, author: nil,
            text: "Глубокая яма на проезжей части напротив дома 12, объехать невозможно",
            createdAt: Date(timeIntervalSince1970: 1_795_837_212), editedAt: nil, url: nil,
            place: "г. Озерецк, ул. Ленина, 12", latitude: 56.838011, longitude: 60.597465,
            attachments: [.init(type: "photo", url: "https://311.ozeretsk.example.ru/media/638344.jpg")],
            category: "roads.pothole", topicCode: nil, agencyName: "МКУ «Служба заказчика»", fromOrganisation: false)
        #expect(r == expected)
    }

    @Test func numericIdStringCoordinatesAndEmptyDescription() throws {
        let all = Self.items(try Self.fixture("requests.json"))
        let r = try #require(Self.record(all[1]))
        #expect(r.externalID == "638345")
        #expect(r.text == "Уличное освещение")  // description is empty: service_name
        #expect(r.createdAt == Date(timeIntervalSince1970: 1_795_986_300))
        #expect(r.latitude == 56.84221 && r.longitude == 60.61402)
        #expect(r.attachments == [])  // media_url ""
        #expect(r.category == "light.street" && r.agencyName == "МУП «Горсвет»")
        #expect(r.place == "г. Озерецк, ул. Гагарина, 3")
    }

    @Test func controlCharactersKeptAndPlaceholderLocationDropped() throws {
        let all = Self.items(try Self.fixture("requests.json"))
        let r = try #require(Self.record(all[4]))
        #expect(r.externalID == "638348")
        #expect(r.text == "\u{1B}]0;owned\u{07}\u{1B}[1mНадпись\u{1B}[0m на остановке\r\n«Школьная»\u{202E}")
        #expect(r.createdAt == Date(timeIntervalSince1970: 1_796_016_600.25))
        #expect(r.place == nil)  // address ""
        #expect(r.latitude == nil && r.longitude == nil)  // 0, 0
        #expect(r.agencyName == "Администрация Центрального района" && r.category == "graffiti")
    }

    @Test func unreadableCoordinateDropsBoth() throws {
        let all = Self.items(try Self.fixture("requests.json"))
        let r = try #require(Self.record(all[5]))
        #expect(r.externalID == "638349" && r.text == "Течь из-под люка")
        #expect(r.latitude == nil && r.longitude == nil)
        #expect(r.agencyName == nil && r.attachments == [])
    }

    @Test func rawIsTheElementReserialisedWithUnknownFields() throws {
        let data = try Self.fixture("requests.json")
        let all = Self.items(data)
        let elements = try #require(try JSONSerialization.jsonObject(with: data) as? [Any])
        for (index, item) in all.enumerated() {
            let decoded = Self.canonical(try? JSONSerialization.jsonObject(with: Self.raw(item)))
            #expect(decoded != nil && decoded == Self.canonical(elements[index]), "raw of [\(index)]")
        }
        let graffiti = try #require(try JSONSerialization.jsonObject(with: Self.raw(all[4])) as? [String: Any])
        #expect(graffiti["extended_attributes"] != nil && graffiti["token"] as? String == "a1b2c3")
    }

    @Test func wrappedServiceRequests() throws {
        let all = Self.items(try Self.fixture("service_requests.json"))
        #expect(all.map(\.position.path) == ["service_requests[0]"])
        let r = try #require(Self.record(all.first))
        #expect(r.externalID == "S-1024" && r.kind == .request && r.source == .open311)
        #expect(r.text == "Открытый люк во дворе, опасно для детей")
        #expect(r.createdAt == Date(timeIntervalSince1970: 1_796_022_000))
        #expect(r.latitude == 56.8401 && r.longitude == 60.6011)
        #expect(r.agencyName == "МУП «Водоканал»" && r.category == "roads.manhole")

        let xmlShape = Self.items(#"{"service_requests":{"request":[{"service_request_id":"1","requested_datetime":"2026-11-30T12:00:00+05:00","description":"x"}]}}"#)
        #expect(xmlShape.map(\.position.path) == ["service_requests.request[0]"] && Self.outcomes(xmlShape) == ["ok"])
    }

    @Test func singleRequestWithoutZoneIsReadInTheCentresZone() throws {
        let data = try Self.fixture("single.json")
        let moscow = Self.items(data)
        #expect(moscow.count == 1)
        guard case .record(let r, let at, let raw) = moscow.first else { Issue.record("expected a record"); return }
        #expect(at == RecordPosition(byteOffset: 0))
        #expect(raw == data)
        #expect(r.externalID == "S-2048" && r.text == "Дерево упало на провода")
        #expect(r.createdAt == Date(timeIntervalSince1970: 1_795_782_000))  // 15:20 +03:00
        #expect(r.attachments == [.init(type: "photo", url: "https://311.ozeretsk.example.ru/media/S-2048.png")])
        #expect(r.place == "г. Озерецк, пер. Лесной, 2" && r.agencyName == "МБУ «Зеленстрой»")

        let yekaterinburg = Self.record(Self.items(data, zone: "Asia/Yekaterinburg").first)
        #expect(yekaterinburg?.createdAt == Date(timeIntervalSince1970: 1_795_774_800))  // 15:20 +05:00
    }

    @Test func errorResponseNamesTheError() throws {
        let all = Self.items(try Self.fixture("error.json"))
        #expect(Self.outcomes(all) == ["invalid: Open311 error 403: Неверный api_key"])
        #expect(all.first?.position.path == "[0]")
    }

    @Test func truncatedFileIsOneInvalidItem() throws {
        let data = try Self.fixture("truncated.json")
        let all = Self.items(data)
        #expect(all.count == 1)
        guard case .invalid(let reason, let at, let raw) = all.first else { Issue.record("expected invalid"); return }
        #expect(reason.hasPrefix("invalid JSON"))
        #expect(at == RecordPosition(byteOffset: 0))
        #expect(raw == data)
    }

    @Test func otherShapes() {
        #expect(Self.outcomes(Self.items(#"[17, {"service_request_id":"2","requested_datetime":"2026-11-30T12:00:00Z"}]"#))
                == ["invalid: a service request must be a JSON object", "ok"])
        // Neither description nor service_name: an empty text, still a request.
        #expect(Self.record(Self.items(#"[{"service_request_id":"3","requested_datetime":"2026-11-30T12:00:00Z"}]"#).first)?.text == "")
        #expect(Self.outcomes(Self.items(#"{"service_requests":5}"#)) == [#"invalid: "service_requests" is not an array of service requests"#])
        #expect(Self.outcomes(Self.items("  \n")) == ["invalid: empty file"])
        #expect(Self.items("[]").isEmpty)
    }
}
