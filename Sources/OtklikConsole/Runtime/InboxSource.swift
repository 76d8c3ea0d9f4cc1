import Foundation

/// Where the console's data comes from; the application wires the store to it.
public protocol InboxSource {
    /// A window of the inbox with the totals, as of `now`.
    func snapshot(offset: Int, limit: Int, now: Date) throws -> InboxSnapshot
    /// A number that changes whenever anyone commits to the store.
    func changeToken() throws -> Int
}
