import Foundation

/// The input formats `otklik-ingest --format` accepts.
public enum InputFormat: String, Sendable, CaseIterable {
    /// Otklik's canonical format: one JSON object per line (docs/ingest-formats.md).
    case jsonl
    /// VK API responses of `wall.get` / `wall.getComments`.
    case vk
    /// Telegram Desktop "Export chat history" JSON (`result.json`).
    case telegram
    /// Appeals exported from «Госуслуги. Решаем вместе» as `;`-separated CSV.
    case pos
    /// Open311 GeoReport v2 `requests.json`.
    case open311
    /// mbox files and single `.eml` messages.
    case email

    public func parser(options: FormatOptions) -> any RecordFormat {
        switch self {
        case .jsonl: CanonicalFormat(options: options)
        case .vk: VKFormat(options: options)
        case .telegram: TelegramFormat(options: options)
        case .pos: POSFormat(options: options)
        case .open311: Open311Format(options: options)
        case .email: EmailFormat(options: options)
        }
    }

    /// The format a file name suggests (`.jsonl`, `.eml`, `.mbox`, `.csv`); nil when the
    /// name says nothing, and the user must name the format.
    public static func guess(fileName: String) -> InputFormat? {
        let lower = fileName.lowercased()
        if lower.hasSuffix(".jsonl") || lower.hasSuffix(".ndjson") { return .jsonl }
        if lower.hasSuffix(".eml") || lower.hasSuffix(".mbox") { return .email }
        if lower.hasSuffix(".csv") { return .pos }
        if lower.hasSuffix("result.json") { return .telegram }
        if lower.hasSuffix("requests.json") { return .open311 }
        return nil
    }
}
