import HTTP

/// Registration's check of a webhook's host while private networks are not allowed (production):
/// an address written into the URL that is not public could never be delivered to, so the company
/// hears it when it registers instead of from a failed delivery later. Names are checked at each
/// delivery, when they are resolved (what a name resolves to may change).
enum WebhookHostRule {
    static func problem(host: String) -> String? {
        guard let address = IPAddress(host), address.scope != .global else { return nil }
        return "url points at \(address) (\(address.scope.rawValue)); webhooks may only reach public addresses "
            + "(operators allow private ones with \(NotificationServiceSettings.Key.webhookAllowPrivateNetworks)=true)"
    }
}
