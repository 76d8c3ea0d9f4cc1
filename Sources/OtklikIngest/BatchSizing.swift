/// How many records the next write transaction takes, from how long the last one took:
/// as many as the last one's rate fits into the target duration, but at most twice as many
/// as it had (rates vary from batch to batch).
///
/// Sized from the batch that was measured, not from the size in force: with batches
/// queued for the writer, several quick ones in a row used to double the size each, and a
/// bulk load's transactions overshot to 8,192 records and 350 ms.
public enum BatchSizing {
    public static let smallest = 16
    public static let largest = 8192

    public static func next(after records: Int, tookMillis millis: Double, targetMillis: Double) -> Int {
        let atRate = Double(records) * targetMillis / max(millis, 0.1)
        let size = min(Double(records) * 2, atRate)
        return min(largest, max(smallest, Int(size)))
    }
}
