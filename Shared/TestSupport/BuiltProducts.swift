import Foundation

/// Finds executables that SwiftPM built next to the test bundle (`.build/debug/<name>`).
public enum BuiltProducts {
    public static var directory: URL {
        var url = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
        // The test runner is `.build/<config>/TradeflowPackageTests.xctest` (a file on Linux,
        // a bundle elsewhere); products sit beside it.
        while url.pathExtension == "xctest" || url.lastPathComponent == "MacOS" || url.lastPathComponent == "Contents" {
            url.deleteLastPathComponent()
        }
        if FileManager.default.fileExists(atPath: url.appendingPathComponent("kafka-probe").path) { return url }
        return url.deletingLastPathComponent()
    }

    public static func executable(_ name: String) -> URL { directory.appendingPathComponent(name) }
}
