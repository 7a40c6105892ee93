import Runtime

/// Payment-only settings: how often invoice deadlines are checked (reminders 7, 3 and 1 days
/// ahead, overdue once past due).
struct PaymentSettings: Sendable {
    var deadlineCheckInterval: Duration

    enum Key {
        static let deadlineCheck = "TRADEFLOW_PAYMENT_DEADLINE_CHECK_SECONDS"
    }

    static func read(_ env: EnvironmentReader) -> PaymentSettings {
        PaymentSettings(deadlineCheckInterval: .seconds(env.int(Key.deadlineCheck, default: 60, range: 1...3_600)))
    }
}
