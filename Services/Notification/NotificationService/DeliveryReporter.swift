import Contracts
import Foundation
import Kafka
import NotificationCore
import Runtime
import ServiceKit

/// Reports a delivery's outcome as `notification.record-delivery` on the company's partition,
/// and puts a delivery that failed for good on `notification.commands.v1.dlq` with the reason,
/// where operators find (and can re-drive) it.
struct DeliveryReporter: Sendable {
    let context: ServiceContext

    /// Producing only fails while Kafka is unreachable; the report is retried meanwhile, since a
    /// lost report would leave the delivery pending until the next restart.
    static let maximumTries = 30

    func report(_ job: DeliveryJob, _ result: DeliveryWorkers.Result) async {
        let now = Date()
        // The cause named is the id the notification's own `deliver` command has (derived from the
        // notification), also when it arrived in a `deliver-batch`: a report traces to its notification.
        let cause = MessageID.derived(from: job.notification.rawValue, DeliverNotification.messageType)
        let envelope = Envelope(id: MessageID.derived(from: job.delivery.rawValue, RecordDelivery.messageType),
                                occurredAt: now, causationId: cause, correlationId: CorrelationID(cause),
                                tenant: context.settings.tenant, key: job.company.rawValue,
                                payload: job.outcome(result.outcome, attempts: result.attempts, lastError: result.lastError, at: now))
        context.metrics.counter("tradeflow_notification_deliveries_total", help: "Deliveries settled, by channel and outcome",
                                labels: ["channel": job.queue == "email" ? "email" : "webhook",
                                         "outcome": result.outcome.rawValue]).increment()
        if result.outcome == .failed {
            context.logger.warning("delivery failed; dead-lettered", ["delivery": job.delivery.rawValue, "queue": job.queue,
                                                                        "attempts": "\(result.attempts)", "reason": result.lastError ?? ""])
        }
        for attempt in 1...Self.maximumTries {
            do {
                var records: [OutgoingRecord] = []
                if result.outcome == .failed { records.append(try deadLetter(envelope, job: job, result: result)) }
                records.append(try context.record(envelope, to: Topics.notificationCommands))
                try await context.producer.sendAll(records)
                return
            } catch {
                context.logger.warning("delivery outcome not recorded; retrying", ["delivery": job.delivery.rawValue,
                                                                                   "try": "\(attempt)", "reason": "\(error)"])
                try? await Task.sleep(for: .seconds(1))
            }
        }
    }

    /// The failed outcome as a dead letter: the record-delivery command, with the reason and the
    /// delivery's target in headers.
    private func deadLetter(_ envelope: Envelope<NotificationCommand>, job: DeliveryJob,
                            result: DeliveryWorkers.Result) throws -> OutgoingRecord {
        var headers = [
            KafkaHeader(name: RecordHeaders.type, text: envelope.type),
            KafkaHeader(name: DeadLetter.Header.reason,
                        text: "delivery failed after \(result.attempts) attempt(s): \(result.lastError ?? "unknown")"),
            KafkaHeader(name: DeadLetter.Header.sourceTopic, text: Topics.notificationCommands.name),
            KafkaHeader(name: DeadLetter.Header.attempts, text: "\(result.attempts)"),
            KafkaHeader(name: "tradeflow.notification.queue", text: job.queue),
        ]
        if case let .webhook(request) = job.target { headers.append(KafkaHeader(name: "tradeflow.notification.url", text: request.url)) }
        return OutgoingRecord(topic: Topics.notificationCommands.dlqName, key: envelope.key,
                              value: try WireFormat.encode(envelope), headers: headers)
    }
}
