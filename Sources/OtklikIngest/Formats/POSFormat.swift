import Foundation

/// Placeholder until the parser lands.
public struct POSFormat: RecordFormat {
    public let options: FormatOptions
    public init(options: FormatOptions) { self.options = options }
    public func parse(_ data: Data, emit: (ParsedItem) throws -> Void) rethrows {}
}
