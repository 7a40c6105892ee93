import Runtime
import Testing

@Test func rendersPrometheusText_withHelpTypeAndLabels() {
    let registry = MetricsRegistry()
    registry.counter("tf_messages_total", help: "Messages", labels: ["topic": "a.b.v1"]).increment(by: 3)
    registry.gauge("tf_lag", help: "Lag").set(42)
    let text = registry.render()
    #expect(text.contains("# HELP tf_messages_total Messages\n# TYPE tf_messages_total counter\n"))
    #expect(text.contains("tf_messages_total{topic=\"a.b.v1\"} 3\n"))
    #expect(text.contains("# TYPE tf_lag gauge\ntf_lag 42\n"))
}

@Test func sameNameAndLabels_returnTheSameInstrument() {
    let registry = MetricsRegistry()
    registry.counter("c", help: "h", labels: ["x": "1"]).increment()
    registry.counter("c", help: "h", labels: ["x": "1"]).increment()
    #expect(registry.counter("c", help: "h", labels: ["x": "1"]).value == 2)
    #expect(registry.counter("c", help: "h", labels: ["x": "2"]).value == 0)
}

@Test func histogramBuckets_areCumulative() {
    let registry = MetricsRegistry()
    let histogram = registry.histogram("h_seconds", help: "h", buckets: [0.1, 1])
    histogram.observe(0.05)
    histogram.observe(0.5)
    histogram.observe(5)
    let text = registry.render()
    #expect(text.contains("h_seconds_bucket{le=\"0.1\"} 1\n"))
    #expect(text.contains("h_seconds_bucket{le=\"1.0\"} 2\n"))
    #expect(text.contains("h_seconds_bucket{le=\"+Inf\"} 3\n"))
    #expect(text.contains("h_seconds_count 3\n"))
}

@Test func escapesLabelValues() {
    let registry = MetricsRegistry()
    registry.counter("c", help: "h", labels: ["path": "a\"b\\c"]).increment()
    #expect(registry.render().contains("c{path=\"a\\\"b\\\\c\"} 1"))
}
