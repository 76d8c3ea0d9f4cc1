import Foundation
import OtklikCore

/// Open311 GeoReport v2 service requests in JSON: the response of `GET requests.json`
/// (docs/ingest/open311.md).
///
/// Accepted documents: the specification's JSON array of service requests, an object
/// `{"service_requests":[…]}` (or `{"service_requests":{"request":[…]}}`, the XML shape
/// converted to JSON), and a single service request object. Each request is one item; a
/// document that is not JSON yields one `.invalid` item for the whole file.
public struct Open311Format: RecordFormat {
    public let options: FormatOptions

    public init(options: FormatOptions) { self.options = options }

    public func parse(_ data: Data, emit: (ParsedItem) throws -> Void) rethrows {
        let whole = RecordPosition(byteOffset: 0)
        guard let root = try JSONDocument.root(of: data, emit: emit) else { return }
        switch root {
        case let array as [Any]:
            try requests(array, prefix: "", emit: emit)
        case let object as [String: Any]:
            if let wrapped = object["service_requests"] {
                switch wrapped {
                case let array as [Any]:
                    try requests(array, prefix: "service_requests", emit: emit)
                case let inner as [String: Any] where inner["request"] is [Any]:
                    try requests(inner["request"] as? [Any] ?? [], prefix: "service_requests.request", emit: emit)
                case let inner as [String: Any] where inner["request"] is [String: Any]:
                    try emit(item(inner["request"]!, at: RecordPosition(path: "service_requests.request")))
                default:
                    try emit(.invalid(reason: "\"service_requests\" is not an array of service requests", at: whole, raw: data))
                }
            } else {
                // One service request (GET a request by id, saved without its array).
                try emit(item(object, at: whole, raw: data))
            }
        default:
            try emit(.invalid(reason: "not an Open311 response (expected a JSON array of service requests)", at: whole, raw: data))
        }
    }

    private func requests(_ array: [Any], prefix: String, emit: (ParsedItem) throws -> Void) rethrows {
        for (index, element) in array.enumerated() {
            try emit(item(element, at: RecordPosition(path: "\(prefix)[\(index)]")))
        }
    }

    private func item(_ element: Any, at position: RecordPosition, raw given: Data? = nil) -> ParsedItem {
        let raw = given ?? open311Serialise(element)
        guard let object = element as? [String: Any] else {
            return .invalid(reason: "a service request must be a JSON object", at: position, raw: raw)
        }
        do {
            return .record(try record(JSONFields(object)), at: position, raw: raw)
        } catch {
            return .invalid(reason: "\(error)", at: position, raw: raw)
        }
    }

    private struct Problem: Error, CustomStringConvertible {
        let description: String
    }

    func record(_ f: JSONFields) throws -> IngestRecord {
        guard let id = nonEmpty(f, "service_request_id") else {
            // The specification's error shape, [{"code":403,"description":"…"}], read as data.
            if f.object["code"] != nil, let description = nonEmpty(f, "description") {
                throw Problem(description: "Open311 error \(f.string("code") ?? "?"): \(description)")
            }
            throw Problem(description: "missing required field \"service_request_id\"")
        }
        guard let requested = nonEmpty(f, "requested_datetime") else {
            throw Problem(description: "missing required field \"requested_datetime\"")
        }
        // GeoReport requires a zone; a time written without one is read in the centre's zone.
        guard let createdAt = Timestamp.iso8601(requested, defaultZone: options.timeZone) else {
            throw Problem(description: "requested_datetime \"\(requested)\" is not an ISO 8601 time")
        }
        var latitude = number(f, "lat")
        var longitude = number(f, "long")
        if let lat = latitude, let lon = longitude,
           (-90...90).contains(lat), (-180...180).contains(lon), lat != 0 || lon != 0 {
            // kept
        } else {
            // Both or neither; (0, 0) is the placeholder servers write for "no location".
            latitude = nil
            longitude = nil
        }
        let attachments = nonEmpty(f, "media_url").map { [IngestRecord.Attachment(type: "photo", url: $0)] } ?? []
        return IngestRecord(
            source: .open311, externalID: id, kind: .request,
            text: f.string("description").flatMap { $0.allSatisfy(\.isWhitespace) ? nil : $0 } ?? f.string("service_name") ?? "",
            createdAt: createdAt, place: nonEmpty(f, "address"), latitude: latitude, longitude: longitude,
            attachments: attachments, category: nonEmpty(f, "service_code"), agencyName: nonEmpty(f, "agency_responsible"))
    }

    /// A string field with something in it; nil for absent, null, empty or blank.
    private func nonEmpty(_ f: JSONFields, _ key: String) -> String? {
        guard let value = f.string(key), !value.allSatisfy(\.isWhitespace) else { return nil }
        return value
    }

    /// `lat` and `long` come as numbers or as strings (`"56.838011"`).
    private func number(_ f: JSONFields, _ key: String) -> Double? {
        if let text = f.object[key] as? String {
            return Double(text.trimmingCharacters(in: .whitespaces))
        }
        guard let value = f.double(key), value.isFinite else { return nil }
        return value
    }
}

/// An element of the input, written back as JSON for the quarantine.
private func open311Serialise(_ value: Any) -> Data {
    if let data = try? JSONSerialization.data(withJSONObject: value, options: [.sortedKeys, .withoutEscapingSlashes, .fragmentsAllowed]) {
        return data
    }
    return Data("\(value)".utf8)
}
