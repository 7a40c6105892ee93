import Foundation

/// The rules a webhook URL must meet: http or https, a host, a port (if any) that exists, no user
/// info (credentials belong in the signature, not the URL), no fragment, at most `maximumLength`
/// characters, no whitespace or control characters.
enum WebhookURL {
    /// Why `text` is not an acceptable webhook URL, or nil when it is.
    static func problem(_ text: String, maximumLength: Int) -> String? {
        if text.isEmpty { return "url must not be empty" }
        if text.count > maximumLength { return "url must be at most \(maximumLength) characters, got \(text.count)" }
        if text.unicodeScalars.contains(where: { $0.value <= 0x20 || $0.value == 0x7f || $0.value > 0x7e }) {
            return "url must be printable ASCII without spaces (percent-encode the rest)"
        }
        guard let components = URLComponents(string: text) else { return "url is not a valid URL" }
        guard let scheme = components.scheme?.lowercased(), scheme == "http" || scheme == "https" else {
            return "url must start with http:// or https://"
        }
        if components.user != nil || components.password != nil || text.contains("@") && hasUserInfo(text) {
            return "url must not contain a user name or password"
        }
        guard let host = components.host, !host.isEmpty else { return "url must name a host" }
        if let port = components.port, !(1...65_535).contains(port) { return "url port must be 1...65535, got \(port)" }
        if components.fragment != nil { return "url must not have a #fragment" }
        return nil
    }

    /// The host of an acceptable URL, without the brackets of an IPv6 literal.
    static func host(_ text: String) -> String? {
        guard let host = URLComponents(string: text)?.host else { return nil }
        return host.hasPrefix("[") && host.hasSuffix("]") ? String(host.dropFirst().dropLast()) : host
    }

    /// An "@" before the first "/" after "//" is user info, even where URLComponents disagrees.
    private static func hasUserInfo(_ text: String) -> Bool {
        guard let start = text.range(of: "//") else { return false }
        let authority = text[start.upperBound...].prefix { $0 != "/" && $0 != "?" && $0 != "#" }
        return authority.contains("@")
    }
}
