import Foundation

/// Polls `condition` until it holds or `timeout` passes; returns whether it held. Tests use it
/// instead of fixed sleeps so they are as fast as the system allows and bounded when it is not.
public func eventually(timeout: Duration = .seconds(30), every interval: Duration = .milliseconds(50),
                       _ condition: () async throws -> Bool) async rethrows -> Bool {
    let deadline = ContinuousClock.now + timeout
    while ContinuousClock.now < deadline {
        if try await condition() { return true }
        try? await Task.sleep(for: interval)
    }
    return try await condition()
}

/// A fresh directory under the system's temporary folder, removed by `remove()`.
public struct TemporaryDirectory: Sendable {
    public let url: URL

    public init(prefix: String = "tradeflow-test") throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("\(prefix)-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    public var path: String { url.path }

    public func lines(of file: String) -> [String] {
        let text = (try? String(contentsOf: url.appendingPathComponent(file), encoding: .utf8)) ?? ""
        return text.split(separator: "\n").map(String.init)
    }

    public func remove() { try? FileManager.default.removeItem(at: url) }
}
