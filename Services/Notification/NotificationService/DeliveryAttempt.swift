import Foundation
import HTTP
import NotificationCore

/// One attempt at one delivery: a signed webhook POST or an email handed to the SMTP relay.
/// It decides nothing: the job says what to send, the worker decides when to try again.
struct DeliveryAttempt: Sendable {
    /// Why an attempt failed, and whether trying again could help.
    struct Failure: Error, Sendable {
        let reason: String
        /// Nothing a retry changes (an https URL, email switched off, a 5xx from the relay).
        let isPermanent: Bool
    }

    let smtp: SMTPSettings?
    let webhookTimeout: Duration

    func run(_ job: DeliveryJob) async throws(Failure) {
        switch job.target {
        case let .webhook(request): try await post(request)
        case let .email(message): try await mail(message)
        }
    }

    private func post(_ request: WebhookRequest) async throws(Failure) {
        let target = try Self.httpTarget(request.url)
        let headers: [(String, String)]
        do {
            // Signed now, so the timestamp is this attempt's (receivers reject stale ones).
            headers = try request.headers(at: Int64(Date().timeIntervalSince1970)).map { ($0.name, $0.value) }
        } catch {
            throw Failure(reason: "cannot sign the delivery: \(error)", isPermanent: true)
        }
        let response: HTTPClient.Response
        do {
            response = try await HTTPClient.send(method: "POST", host: target.host, port: target.port, path: target.path,
                                                 headers: headers + [("User-Agent", "Tradeflow-Webhooks/1")],
                                                 body: request.body, timeout: webhookTimeout)
        } catch {
            throw Failure(reason: "\(error)", isPermanent: false)
        }
        guard (200...299).contains(response.status) else {
            throw Failure(reason: "HTTP \(response.status): \(response.text.prefix(200))", isPermanent: false)
        }
    }

    private func mail(_ message: EmailMessage) async throws(Failure) {
        guard let smtp else {
            throw Failure(reason: "email is off: TRADEFLOW_SMTP_ADDR is not set", isPermanent: true)
        }
        do {
            try await SMTPClient.send(host: smtp.address.host, port: smtp.address.port, helo: smtp.helo,
                                      from: message.envelopeFrom, to: message.to, data: message.smtpData, timeout: smtp.timeout)
        } catch {
            throw Failure(reason: error.description, isPermanent: error.isPermanent)
        }
    }

    /// Host, port and request target of an `http://` URL. The core checked its shape when the
    /// webhook was registered; https needs TLS, which this worker does not have yet.
    static func httpTarget(_ url: String) throws(Failure) -> (host: String, port: Int, path: String) {
        guard let components = URLComponents(string: url), let scheme = components.scheme?.lowercased(),
              let host = components.host, !host.isEmpty else {
            throw Failure(reason: "not a URL: \(url.prefix(200))", isPermanent: true)
        }
        guard scheme == "http" else {
            throw Failure(reason: "\(scheme) delivery is not supported yet (no TLS in the delivery worker); use an http:// endpoint or a TLS-terminating proxy",
                          isPermanent: true)
        }
        var path = components.percentEncodedPath.isEmpty ? "/" : components.percentEncodedPath
        if let query = components.percentEncodedQuery { path += "?" + query }
        let bareHost = host.hasPrefix("[") ? String(host.dropFirst().dropLast()) : host
        return (bareHost, components.port ?? 80, path)
    }
}
