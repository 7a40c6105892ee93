import Foundation
import Runtime
import Testing

@Test func logLine_isOneJSONObject_withCorrelationMetadata() throws {
    let sink = RecordingLogSink()
    let logger = Logger(label: "order", level: .info, sink: sink).with(["correlationId": "c-1"])
    logger.info("order placed", ["orderId": "o-1"])
    logger.debug("not shown")
    #expect(sink.recorded.count == 1)
    let line = try #require(sink.recorded.first).jsonLine()
    #expect(!line.contains("\n"))
    let object = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: String]
    #expect(object?["service"] == "order")
    #expect(object?["msg"] == "order placed")
    #expect(object?["correlationId"] == "c-1")
    #expect(object?["orderId"] == "o-1")
    #expect(object?["level"] == "info")
}

@Test func disabledLevels_doNotEvaluateTheMessage() {
    let logger = Logger(label: "x", level: .error, sink: RecordingLogSink())
    var evaluated = false
    logger.debug({ evaluated = true; return "expensive" }())
    #expect(!evaluated)
}
