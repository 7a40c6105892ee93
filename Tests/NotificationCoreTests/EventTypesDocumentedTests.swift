import Contracts
import Foundation
import Testing

/// Webhook subscribers pick event types from the README's list; a type added without it is one
/// nobody knows to subscribe to.
@Suite struct EventTypesDocumentedTests {
    @Test func everyEventType_isListedInTheReadme() throws {
        let readme = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../../README.md")
        let text = try String(contentsOf: readme, encoding: .utf8)
        let missing = NotificationEventTypes.all.filter { !text.contains("`\($0)`") }
        #expect(missing.isEmpty, "event types not in the README: \(missing)")
    }
}
