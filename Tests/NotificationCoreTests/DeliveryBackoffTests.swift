import NotificationCore
import Testing

@Suite struct DeliveryBackoffTests {
    @Test func standardSchedule_doublesFromOneSecond_forSixAttempts() {
        #expect(DeliveryBackoff.standard.scheduleMilliseconds == [1_000, 2_000, 4_000, 8_000, 16_000])
        #expect(DeliveryBackoff.standard.delayMilliseconds(afterAttempt: 6) == nil, "the sixth failure is the last")
        #expect(DeliveryBackoff.standard.delay(afterAttempt: 1) == .seconds(1))
    }

    @Test func delays_areCappedAtTheMaximum() {
        let backoff = DeliveryBackoff(initialMilliseconds: 1_000, multiplier: 2, maximumMilliseconds: 60_000, maximumAttempts: 10)
        #expect(backoff.scheduleMilliseconds == [1_000, 2_000, 4_000, 8_000, 16_000, 32_000, 60_000, 60_000, 60_000])
    }

    @Test func hugeAttemptNumbers_doNotOverflow() {
        let backoff = DeliveryBackoff(maximumAttempts: 1_000)
        #expect(backoff.delayMilliseconds(afterAttempt: 999) == 60_000)
        #expect(backoff.delayMilliseconds(afterAttempt: 0) == nil)
    }
}
