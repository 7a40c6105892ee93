import Foundation

/// A configuration problem found at start-up, naming the variable so an operator can fix it.
public struct ConfigurationError: Error, CustomStringConvertible, Sendable {
    public let problems: [String]
    public var description: String {
        "invalid configuration:\n" + problems.map { "  - \($0)" }.joined(separator: "\n")
    }
}

/// Reads typed settings from environment variables once, in `main`, and collects every problem
/// before failing so one start attempt reports them all. Every key read is remembered, which lets
/// tests prove that the variables deploy files set are ones the executables really read.
public final class EnvironmentReader: @unchecked Sendable {
    // @unchecked: used from one thread during start-up only; never shared afterwards.
    private let variables: [String: String]
    private var problems: [String] = []
    public private(set) var keysRead: [String] = []

    public init(_ variables: [String: String] = ProcessInfo.processInfo.environment) {
        self.variables = variables
    }

    private func raw(_ key: String) -> String? {
        keysRead.append(key)
        guard let value = variables[key]?.trimmingCharacters(in: .whitespaces), !value.isEmpty else { return nil }
        return value
    }

    public func string(_ key: String, default fallback: String) -> String { raw(key) ?? fallback }

    public func optionalString(_ key: String) -> String? { raw(key) }

    public func requiredString(_ key: String, hint: String) -> String {
        if let value = raw(key) { return value }
        problems.append("\(key) is required: \(hint)")
        return ""
    }

    public func int(_ key: String, default fallback: Int, range: ClosedRange<Int>) -> Int {
        guard let text = raw(key) else { return fallback }
        guard let value = Int(text) else {
            problems.append("\(key)=\(text) is not an integer (expected \(range.lowerBound)...\(range.upperBound))")
            return fallback
        }
        guard range.contains(value) else {
            problems.append("\(key)=\(value) is out of range \(range.lowerBound)...\(range.upperBound)")
            return fallback
        }
        return value
    }

    public func bool(_ key: String, default fallback: Bool) -> Bool {
        guard let text = raw(key)?.lowercased() else { return fallback }
        switch text {
        case "1", "true", "yes", "on": return true
        case "0", "false", "no", "off": return false
        default:
            problems.append("\(key)=\(text) is not a boolean (use true or false)")
            return fallback
        }
    }

    public func oneOf<T: RawRepresentable & CaseIterable>(_ key: String, default fallback: T) -> T where T.RawValue == String {
        guard let text = raw(key) else { return fallback }
        if let value = T(rawValue: text.lowercased()) { return value }
        let allowed = T.allCases.map(\.rawValue).joined(separator: ", ")
        problems.append("\(key)=\(text) is not one of: \(allowed)")
        return fallback
    }

    /// A listen address `host:port`; port 0 asks the OS for a free port.
    public func address(_ key: String, default fallback: SocketAddress) -> SocketAddress {
        guard let text = raw(key) else { return fallback }
        if let address = SocketAddress(parsing: text) { return address }
        problems.append("\(key)=\(text) is not host:port with a port in 0...65535")
        return fallback
    }

    /// Records a problem found by a cross-field check.
    public func problem(_ message: String) { problems.append(message) }

    /// Throws every problem found so far at once.
    public func validate() throws(ConfigurationError) {
        if !problems.isEmpty { throw ConfigurationError(problems: problems) }
    }
}

/// A host and port to listen on or connect to.
public struct SocketAddress: Sendable, Hashable, CustomStringConvertible {
    public var host: String
    public var port: Int

    public init(host: String, port: Int) {
        self.host = host
        self.port = port
    }

    public init?(parsing text: String) {
        guard let colon = text.lastIndex(of: ":"), let port = Int(text[text.index(after: colon)...]),
              (0...65535).contains(port) else { return nil }
        let host = String(text[..<colon]).trimmingCharacters(in: CharacterSet(charactersIn: "[]"))
        guard !host.isEmpty else { return nil }
        self.init(host: host, port: port)
    }

    public var description: String { "\(host):\(port)" }
}
