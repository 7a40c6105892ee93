import Contracts
import Foundation
import Kafka
import ReliabilityKit
import Runtime

/// (a) Poison: three undecodable records on every input topic must each reach that topic's `.dlq`
/// with a reason, and the platform must go on working (stock received, an order confirmed).
struct PoisonCheck {
    let platform: ReliabilityPlatform
    let bootstrap: String
    let includeEventTopics: Bool
    let run = String(UInt32.random(in: 0...UInt32.max), radix: 36)

    /// Topics a consumer group reads and dead-letters. The event topics (read by the notification
    /// relay) are the system of record: poison there stays for good and `tradeflow verify` rightly
    /// reports it, so they are only poisoned on request. Replicated state topics are read whole by
    /// every instance on every start and skip what they cannot read (logged, not dead-lettered).
    var targets: [(topic: String, partitions: Int, records: PoisonRecords)] {
        func target<F>(_ topic: Topic<F>) -> (String, Int, PoisonRecords) {
            (topic.name, topic.partitions, PoisonRecords(topic: topic.name, knownType: F.messageTypes.first ?? "reply", run: run))
        }
        var list = [target(Topics.catalogCommands), target(Topics.orderCommands), target(Topics.shipmentInbound),
                    target(Topics.inventoryCommands), target(Topics.inventoryInbound), target(Topics.paymentCommands),
                    target(Topics.notificationCommands), target(Topics.gatewayReplies)]
        if includeEventTopics { list += [target(Topics.orderEvents), target(Topics.paymentEvents), target(Topics.inventoryEvents)] }
        return list.map { (topic: $0.0, partitions: $0.1, records: $0.2) }
    }

    func run(console: Console) async -> [CheckResult] {
        let settings = KafkaSettings(bootstrapServers: bootstrap, profile: .mock, clientId: "tradeflow-reliability")
        let logger = Logger(label: "reliability", level: .warning)
        var results: [CheckResult] = []
        do {
            let producer = try KafkaProducer(settings: settings, logger: logger)
            for target in targets {
                for record in target.records.records {
                    try await producer.send(topic: target.topic, key: record.key, value: record.value)
                }
            }
            console.say("  poison: \(targets.count * 3) records written to \(targets.count) topics; waiting for their dead letters")
            let found = await deadLetters(settings: settings, logger: logger, within: .seconds(45))
            for target in targets {
                let got = found[target.topic] ?? [:]
                let missing = target.records.records.map(\.name).filter { got[$0] == nil }
                let noReason = got.filter { $0.value.isEmpty }.map(\.key)
                results.append(CheckResult("poison: \(target.topic) -> .dlq", passed: missing.isEmpty && noReason.isEmpty,
                                           missing.isEmpty && noReason.isEmpty
                                               ? "3 of 3 dead-lettered, e.g. \"\((got["broken-payload"] ?? "").prefix(70))\""
                                               : "missing \(missing), without reason \(noReason)"))
            }
            results.append(await stillProcessing(producer: producer))
            await producer.close()
        } catch {
            results.append(CheckResult("poison: write and read Kafka", passed: false, "\(error)"))
        }
        return results
    }

    /// Reads each `.dlq` partition the run's key maps to until every record is found or time is up.
    /// Returns topic -> record name -> reason header.
    private func deadLetters(settings: KafkaSettings, logger: Logger, within limit: Duration) async -> [String: [String: String]] {
        let found = Locked<[String: [String: String]]>([:])
        let deadline = ContinuousClock.now + limit
        repeat {
            await withTaskGroup(of: Void.self) { group in
                for target in targets where (found.value[target.topic]?.count ?? 0) < 3 {
                    let dlq = DeadLetter.topic(for: target.topic)
                    let partition = Murmur2Partitioner.partition(for: target.records.key,
                                                                 partitions: DeadLetterTopic.partitions(forSource: target.partitions))
                    group.addTask {
                        _ = try? await KafkaPartitionReader.readToEnd(settings: settings, topic: dlq, partition: partition, logger: logger,
                                                                      timeout: .seconds(10)) { message in
                            guard let name = target.records.match(message.value) else { return }
                            let reason = message.header(DeadLetter.Header.reason) ?? ""
                            found.withLock { $0[target.topic, default: [:]][name] = reason }
                        }
                    }
                }
            }
            if targets.allSatisfy({ (found.value[$0.topic]?.count ?? 0) == 3 }) { break }
            try? await Task.sleep(for: .milliseconds(500))
        } while ContinuousClock.now < deadline
        return found.value
    }

    /// After the poison: a stock receipt sent like a WMS would shows up, and an order confirms.
    private func stillProcessing(producer: KafkaProducer) async -> CheckResult {
        let sku = "P0003-1"
        do {
            let buyer = try await platform.login("metro.buyer")
            let before = try await platform.call("GET", "/v1/products/\(sku)", token: buyer).object["available"] as? Int ?? -1
            let receipt = #"{"causationId":null,"correlationId":"reliability-\#(run)","id":"reliability-\#(run)-receipt","key":"\#(sku)","occurredAt":"2026-01-01T00:00:00.000Z","payload":{"quantity":20,"reference":"RELIABILITY-\#(run)","sku":"\#(sku)","warehouse":"WH-HZ-01"},"tenant":"tradeflow","type":"inventory.receive-stock","version":1}"#
            try await producer.send(topic: Topics.inventoryInbound.name, key: sku, value: Array(receipt.utf8))
            var after = before
            let deadline = ContinuousClock.now + .seconds(20)
            while after != before + 20 && ContinuousClock.now < deadline {
                try await Task.sleep(for: .milliseconds(200))
                after = try await platform.call("GET", "/v1/products/\(sku)", token: buyer).object["available"] as? Int ?? -1
            }
            // The order takes back the 20 units just received, so repeated runs leave stock as it was.
            let status = try await platform.placeAndAwaitConfirmation(token: buyer, sku: sku, quantity: 20, within: .seconds(30))
            let passed = after == before + 20 && status == "confirmed"
            return CheckResult("poison: processing goes on", passed: passed,
                               "stock receipt on inventory.inbound.v1: \(sku) available \(before) -> \(after); a new order: \(status)")
        } catch {
            return CheckResult("poison: processing goes on", passed: false, "\(error)")
        }
    }
}
