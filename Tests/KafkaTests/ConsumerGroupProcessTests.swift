import Foundation
import Kafka
import Runtime
import Testing
import TestSupport

/// Consumer-group behaviour with real, separate worker processes (`kafka-probe`) on the mock cluster.
@Suite(.serialized) struct ConsumerGroupProcessTests {
    let topic = "test.work.v1"

    private func startProbe(_ cluster: MockCluster, group: String, dir: TemporaryDirectory,
                            extra: [String] = []) throws -> ChildProcess {
        try ChildProcess(BuiltProducts.executable("kafka-probe"),
                         arguments: ["--bootstrap", cluster.bootstrapServers, "--topic", topic, "--group", group,
                                     "--dir", dir.path] + extra,
                         logDirectory: dir.url)
    }

    private func makeCluster(partitions: Int) throws -> MockCluster {
        let cluster = try MockCluster(logger: KafkaTestKit.quietLogger)
        try cluster.createTopic(TopicSpec(name: topic, partitions: partitions))
        return cluster
    }

    private func messages(_ count: Int, prefix: String = "msg") -> [(key: String, value: String)] {
        (0..<count).map { (key: "key-\($0 % 37)", value: "\(prefix)-\($0)") }
    }

    @Test func twoProcessesInOneGroup_splitPartitions_andTogetherConsumeEverything() async throws {
        let cluster = try makeCluster(partitions: 6)
        defer { cluster.shutdown() }
        let first = try TemporaryDirectory(), second = try TemporaryDirectory()
        defer { first.remove(); second.remove() }
        let a = try startProbe(cluster, group: "split", dir: first)
        let b = try startProbe(cluster, group: "split", dir: second)
        try await KafkaTestKit.produce(messages(600), to: topic, cluster: cluster)

        let done = await eventually(timeout: .seconds(40)) {
            Set(first.lines(of: "state") + second.lines(of: "state")).count == 600
                && !first.lines(of: "assignment").isEmpty && !second.lines(of: "assignment").isEmpty
        }
        #expect(done, "consumed \(first.lines(of: "state").count) + \(second.lines(of: "state").count)")
        let partsA = Set(first.lines(of: "assignment").first?.split(separator: ",").map(String.init) ?? [])
        let partsB = Set(second.lines(of: "assignment").first?.split(separator: ",").map(String.init) ?? [])
        #expect(partsA.isDisjoint(with: partsB))
        #expect(partsA.union(partsB) == Set((0..<6).map(String.init)))
        #expect(!first.lines(of: "state").isEmpty && !second.lines(of: "state").isEmpty, "both members did work")

        a.signal(SIGTERM); b.signal(SIGTERM)
        #expect(await a.waitForExit(timeout: .seconds(10))?.status == 0)
        #expect(await b.waitForExit(timeout: .seconds(10))?.status == 0)
    }

    @Test func sigkillAfterHandlingBeforeStoringOffset_replays_andIdempotentStateIsUnchanged() async throws {
        let cluster = try makeCluster(partitions: 2)
        defer { cluster.shutdown() }
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        try await KafkaTestKit.produce(messages(100), to: topic, cluster: cluster)

        let crashing = try startProbe(cluster, group: "crash", dir: dir, extra: ["--crash-after", "40"])
        let ended = await crashing.waitForExit(timeout: .seconds(30))
        #expect(ended == .init(status: SIGKILL, bySignal: true))
        #expect(dir.lines(of: "state").count == 40)

        let restarted = try startProbe(cluster, group: "crash", dir: dir)
        #expect(await eventually(timeout: .seconds(30)) { dir.lines(of: "state").count >= 100 })
        restarted.signal(SIGTERM)
        #expect(await restarted.waitForExit(timeout: .seconds(10))?.status == 0)

        let state = dir.lines(of: "state"), handled = dir.lines(of: "handled")
        #expect(state.count == 100 && Set(state).count == 100, "every message applied exactly once")
        #expect(handled.count > 100, "the message in hand at the crash was delivered again")
        #expect(Set(handled) == Set(state))
    }

    @Test func poisonMessage_goesToDeadLetterTopic_andConsumerContinues() async throws {
        let cluster = try makeCluster(partitions: 1)
        defer { cluster.shutdown() }
        try cluster.createTopic(TopicSpec(name: DeadLetter.topic(for: topic), partitions: 1))
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let values = messages(5, prefix: "before") + [(key: "bad", value: "poison-pill")] + messages(5, prefix: "after")
        try await KafkaTestKit.produce(values, to: topic, cluster: cluster, ordered: true)
        let probe = try startProbe(cluster, group: "dlq", dir: dir)

        #expect(await eventually { dir.lines(of: "state").count == 10 })
        let dead = try await KafkaTestKit.readAll(DeadLetter.topic(for: topic), count: 1, cluster: cluster)
        #expect(dead.count == 1)
        #expect(dead.first.map { String(decoding: $0.value, as: UTF8.self) } == "poison-pill")
        #expect(dead.first?.keyString == "bad")
        #expect(dead.first?.header(DeadLetter.Header.reason)?.contains("not a probe message") == true)
        #expect(dead.first?.header(DeadLetter.Header.sourceTopic) == topic)
        #expect(dead.first?.header(DeadLetter.Header.sourceOffset) == "5")
        probe.signal(SIGTERM)
        #expect(await probe.waitForExit(timeout: .seconds(10))?.status == 0)
    }

    @Test func sigtermMidStream_stopsGracefully_andLosesOrRepeatsNothing() async throws {
        let cluster = try makeCluster(partitions: 3)
        defer { cluster.shutdown() }
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        try await KafkaTestKit.produce(messages(300), to: topic, cluster: cluster)

        let first = try startProbe(cluster, group: "graceful", dir: dir, extra: ["--delay-ms", "5"])
        #expect(await eventually { dir.lines(of: "handled").count >= 30 })
        let stopAsked = ContinuousClock.now
        first.signal(SIGTERM)
        let exit = await first.waitForExit(timeout: .seconds(10))
        #expect(exit == .init(status: 0, bySignal: false), "stderr: \(first.stderr)")
        #expect(ContinuousClock.now - stopAsked < .seconds(10))
        let handledBeforeStop = dir.lines(of: "handled").count
        #expect(handledBeforeStop < 300, "stopped mid-stream")

        let second = try startProbe(cluster, group: "graceful", dir: dir)
        #expect(await eventually { dir.lines(of: "state").count >= 300 })
        second.signal(SIGTERM)
        #expect(await second.waitForExit(timeout: .seconds(10))?.status == 0)
        #expect(dir.lines(of: "state").count == 300)
        #expect(dir.lines(of: "handled").count == 300, "offsets were committed on shutdown: no replays")
    }
}
