/// SplitMix64: a small, fast generator whose output depends only on the seed, so demo
/// stores are reproducible across runs and toolchains. (The standard library's
/// `random(in:using:)` algorithms may change between Swift versions; we do our own
/// range reduction for the same reason.)
public struct SeededGenerator: RandomNumberGenerator, Sendable {
    private var state: UInt64

    public init(seed: UInt64) { state = seed }

    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A number in 0..<n (n > 0).
    public mutating func below(_ n: Int) -> Int {
        Int(next() % UInt64(n))
    }

    /// A number in 0..<1.
    public mutating func unit() -> Double {
        Double(next() >> 11) * 0x1.0p-53
    }

    /// True with probability `p`.
    public mutating func chance(_ p: Double) -> Bool { unit() < p }

    public mutating func pick<T>(_ items: [T]) -> T { items[below(items.count)] }
}
