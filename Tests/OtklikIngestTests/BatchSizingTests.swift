import Testing
@testable import OtklikIngest

@Suite struct BatchSizingTests {
    @Test func aQuickBatchAtMostDoubles() {
        // 512 records in 5 ms would fit 5,120 into 50 ms; the next batch is 1,024.
        #expect(BatchSizing.next(after: 512, tookMillis: 5, targetMillis: 50) == 1024)
        #expect(BatchSizing.next(after: 6000, tookMillis: 1, targetMillis: 50) == BatchSizing.largest)
    }

    @Test func aSlowBatchShrinksToItsRate() {
        // 8,192 records in 350 ms: 1,170 fit into 50 ms.
        #expect(BatchSizing.next(after: 8192, tookMillis: 350, targetMillis: 50) == 1170)
        #expect(BatchSizing.next(after: 100, tookMillis: 10_000, targetMillis: 20) == BatchSizing.smallest)
    }

    @Test func aBatchNearTheTargetKeepsItsSize() {
        #expect(BatchSizing.next(after: 2000, tookMillis: 50, targetMillis: 50) == 2000)
        #expect(BatchSizing.next(after: 2000, tookMillis: 40, targetMillis: 50) == 2500)
    }

    @Test func theSizeFollowsTheMeasuredBatchNotRepeatedDoubling() {
        // Three quick 512-record batches, as the writer measures them one after another
        // while the parser has queued them: each says 1,024, never 4,096.
        let sizes = (0..<3).map { _ in BatchSizing.next(after: 512, tookMillis: 10, targetMillis: 50) }
        #expect(sizes == [1024, 1024, 1024])
    }

    @Test func aZeroDurationIsNotADivisionByZero() {
        #expect(BatchSizing.next(after: 256, tookMillis: 0, targetMillis: 50) == 512)
    }
}
