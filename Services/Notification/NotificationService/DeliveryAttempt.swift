import Foundation
import HTTP
import NotificationCore

/// One attempt at one delivery: a signed webhook POST or an email handed to the SMTP relay.
/// It decides nothing: the job says what to send, the worker decides when to try again.
struct DeliveryAttempt: Sendable {
    /// Why an attempt failed, and whether trying again could help.
    struct Failure: Error, Sendable {
        let reason: String
        /// Nothing a retry changes (a URL aimed at an internal address, email switched off, a 5xx
        /// from the relay).
        let isPermanent: Bool
    }

    let smtp: SMTPSettings?
    let webhookTimeout: Duration
    /// Trust for https endpoints: the system store plus TRADEFLOW_WEBHOOK_CA_FILE.
    let tls: TLSClientContext
    /// Which addresses a webhook may reach. The client resolves the host once, checks every
    /// address here and connects only to a permitted one, so a DNS answer that changes between
    /// the check and the connect (rebinding) cannot lead it inside.
    let addressPolicy: OutboundAddressPolicy

    func run(_ job: DeliveryJob) async throws(Failure) {
        switch job.target {
        case let .webhook(request): try await post(request)
        case let .email(message): try await mail(message)
        }
    }

    private func post(_ request: WebhookRequest) async throws(Failure) {
        let target = try Self.webhookTarget(request.url)
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
                                                 body: request.body, timeout: webhookTimeout,
                                                 tls: target.isHTTPS ? tls : nil, addressPolicy: addressPolicy)
        } catch let refusal as OutboundAddressPolicy.Refusal {
            // The URL points inside; retrying changes nothing until the company fixes it.
            throw Failure(reason: "\(refusal); webhooks may only reach public addresses "
                              + "(operators allow private ones with TRADEFLOW_WEBHOOK_ALLOW_PRIVATE_NETWORKS=true)",
                          isPermanent: true)
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

    /// Host, port, request target and scheme of an http:// or https:// URL (the core checked its
    /// shape when the webhook was registered).
    static func webhookTarget(_ url: String) throws(Failure) -> (host: String, port: Int, path: String, isHTTPS: Bool) {
        guard let components = URLComponents(string: url), let scheme = components.scheme?.lowercased(),
              let host = components.host, !host.isEmpty else {
            throw Failure(reason: "not a URL: \(url.prefix(200))", isPermanent: true)
        }
        guard scheme == "http" || scheme == "https" else {
            throw Failure(reason: "\(scheme) is not a webhook scheme; use http:// or https://", isPermanent: true)
        }
        var path = components.percentEncodedPath.isEmpty ? "/" : components.percentEncodedPath
        if let query = components.percentEncodedQuery { path += "?" + query }
        let bareHost = host.hasPrefix("[") ? String(host.dropFirst().dropLast()) : host
        return (bareHost, components.port ?? (scheme == "https" ? 443 : 80), path, scheme == "https")
    }
}
