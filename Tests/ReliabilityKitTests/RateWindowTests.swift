import ReliabilityKit
import Testing

@Suite struct RateWindowTests {
    let start = ContinuousClock.now

    @Test func answersAfterTheLoadWidenTheWindow() {
        // 60 s of load whose last order was confirmed 97 s after the first was due (clients
        // retrying through a crash): 18,000 orders were confirmed at ~186/s, not 300/s.
        let window = RateWindow.seconds(load: 60, from: start, until: start + .seconds(97))
        #expect(abs(window - 97) < 0.001)
    }

    @Test func neverShorterThanTheLoad() {
        #expect(RateWindow.seconds(load: 60, from: start, until: start + .seconds(42)) == 60)
        #expect(RateWindow.seconds(load: 60, from: start, until: nil) == 60)
        #expect(RateWindow.seconds(load: 0, from: start, until: nil) > 0, "never a division by zero")
    }
}
