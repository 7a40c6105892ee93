import Foundation
import NotificationCore
import Runtime

/// Notification-only settings: the SMTP relay, webhook delivery retries and the reminder timer.
/// Read once in `main` with the common settings, so `--check-config` reports them.
struct NotificationServiceSettings: Sendable {
    /// nil = email is off (the deliveries fail at once with a reason saying so).
    var smtp: SMTPSettings?
    var backoff: DeliveryBackoff
    /// One webhook POST, connect to last byte; a slower endpoint counts as a failed attempt.
    var webhookTimeout: Duration
    /// PEM CA certificates trusted for https webhooks besides the system trust store (a private
    /// CA an ERP's certificate chains to). nil = the system trust store only.
    var webhookCAFile: String?
    /// false (production): webhooks may only reach public addresses, never loopback, private,
    /// link-local (cloud metadata) or other internal ones. `tradeflow dev` sets true.
    var webhookAllowsPrivateNetworks: Bool
    var core: NotificationSettings

    enum Key {
        static let smtpAddress = "TRADEFLOW_SMTP_ADDR"
        static let smtpFrom = "TRADEFLOW_SMTP_FROM"
        static let smtpHelo = "TRADEFLOW_SMTP_HELO"
        static let smtpTimeout = "TRADEFLOW_SMTP_TIMEOUT_MS"
        static let backoffInitial = "TRADEFLOW_WEBHOOK_BACKOFF_MS"
        static let backoffMaximum = "TRADEFLOW_WEBHOOK_BACKOFF_MAX_MS"
        static let maximumAttempts = "TRADEFLOW_WEBHOOK_MAX_ATTEMPTS"
        static let webhookTimeout = "TRADEFLOW_WEBHOOK_TIMEOUT_MS"
        static let webhookCAFile = "TRADEFLOW_WEBHOOK_CA_FILE"
        static let webhookAllowPrivateNetworks = "TRADEFLOW_WEBHOOK_ALLOW_PRIVATE_NETWORKS"
        static let consoleBaseURL = "TRADEFLOW_CONSOLE_BASE_URL"
    }

    static func read(_ env: EnvironmentReader) -> NotificationServiceSettings {
        var core = NotificationSettings()
        let from = env.string(Key.smtpFrom, default: core.emailFromAddress)
        if !EmailMessage.isValidAddress(from) { env.problem("\(Key.smtpFrom)=\(from) is not an email address") }
        core.emailFromAddress = from
        core.consoleBaseURL = env.string(Key.consoleBaseURL, default: core.consoleBaseURL)
        var smtp: SMTPSettings?
        if let text = env.optionalString(Key.smtpAddress) {
            if let address = SocketAddress(parsing: text), address.port > 0 {
                smtp = SMTPSettings(address: address, helo: env.string(Key.smtpHelo, default: "tradeflow.localdomain"),
                                    timeout: .milliseconds(env.int(Key.smtpTimeout, default: 10_000, range: 100...120_000)))
            } else {
                env.problem("\(Key.smtpAddress)=\(text) is not host:port with a port in 1...65535")
            }
        } else {
            _ = env.optionalString(Key.smtpHelo)
            _ = env.optionalString(Key.smtpTimeout)
        }
        let initial = env.int(Key.backoffInitial, default: 1_000, range: 1...3_600_000)
        let maximum = env.int(Key.backoffMaximum, default: 60_000, range: 1...3_600_000)
        if maximum < initial { env.problem("\(Key.backoffMaximum)=\(maximum) must not be below \(Key.backoffInitial)=\(initial)") }
        let attempts = env.int(Key.maximumAttempts, default: 6, range: 1...50)
        let caFile = env.optionalString(Key.webhookCAFile)
        if let caFile, !FileManager.default.isReadableFile(atPath: caFile) {
            env.problem("\(Key.webhookCAFile)=\(caFile) is not a readable file (PEM CA certificates)")
        }
        return NotificationServiceSettings(
            smtp: smtp,
            backoff: DeliveryBackoff(initialMilliseconds: Int64(initial), maximumMilliseconds: Int64(max(initial, maximum)),
                                     maximumAttempts: attempts),
            webhookTimeout: .milliseconds(env.int(Key.webhookTimeout, default: 10_000, range: 100...120_000)),
            webhookCAFile: caFile,
            webhookAllowsPrivateNetworks: env.bool(Key.webhookAllowPrivateNetworks, default: false),
            core: core)
    }
}

/// Where notification emails go: a relay that accepts mail for delivery (no AUTH, no TLS: a
/// local relay or a sidecar that holds the credentials).
struct SMTPSettings: Sendable {
    var address: SocketAddress
    /// The name this host gives in EHLO.
    var helo: String
    var timeout: Duration
}
