import Contracts
import Foundation

/// A relay round's drafts as `notification.commands.v1` envelopes: one command per recipient
/// company (in the order companies first appear), `deliver` for a single notification and
/// `deliver-batch` for several (at most `DeliverNotifications.maximumCount` each). A promotion day
/// notifies the same few suppliers many times a second, so a round of events yields a fraction
/// of the commands it would one by one. Same drafts, same envelopes: relaying a round again gives
/// commands the decider recognises (and each notification's id is checked on its own anyway).
public enum DeliverCommands {
    public typealias Item = (draft: NotificationDraft, source: EnvelopeHeader?)

    /// A batch is closed once its notifications' text passes this many bytes. A notification may
    /// carry up to 32 parameters of 2,000 characters, so 100 of them could outgrow a Kafka message
    /// (1 MiB); 128 KiB of text stays below it even if escaping made every byte six.
    public static let maximumBatchTextBytes = 128 * 1_024

    public static func envelopes(for items: [Item], tenant: String, occurredAt: Date) -> [Envelope<NotificationCommand>] {
        var companies: [CompanyID] = []
        var groups: [CompanyID: [Item]] = [:]
        for item in items {
            if groups[item.draft.recipient] == nil { companies.append(item.draft.recipient) }
            groups[item.draft.recipient, default: []].append(item)
        }
        var envelopes: [Envelope<NotificationCommand>] = []
        for company in companies {
            for chunk in chunks(of: groups[company] ?? []) {
                if chunk.count == 1, let only = chunk.first {
                    envelopes.append(only.draft.envelope(causedBy: only.source, tenant: tenant, occurredAt: occurredAt))
                } else {
                    envelopes.append(batch(chunk, to: company, tenant: tenant, occurredAt: occurredAt))
                }
            }
        }
        return envelopes
    }

    /// Consecutive runs of at most `DeliverNotifications.maximumCount` notifications and (unless
    /// one notification alone is larger) at most `maximumBatchTextBytes` of text.
    static func chunks(of group: [Item]) -> [ArraySlice<Item>] {
        var chunks: [ArraySlice<Item>] = []
        var start = 0
        var bytes = 0
        for (index, item) in group.enumerated() {
            let size = textBytes(of: item.draft)
            if index > start, index - start == DeliverNotifications.maximumCount || bytes + size > maximumBatchTextBytes {
                chunks.append(group[start..<index])
                start = index
                bytes = 0
            }
            bytes += size
        }
        if start < group.count { chunks.append(group[start...]) }
        return chunks
    }

    /// The bytes of what a notification's text adds to a command, before JSON escaping, with
    /// room for its fixed fields (ids, type, time, audience roles).
    static func textBytes(of draft: NotificationDraft) -> Int {
        draft.parameters.reduce(512) { $0 + $1.key.utf8.count + $1.value.utf8.count + 6 }
            + (draft.link?.utf8.count ?? 0) + draft.audience.users.reduce(0) { $0 + $1.rawValue.utf8.count + 3 }
    }

    /// The id derives from the notifications' ids in order. A batch caused by one event names it
    /// as its cause and shares its correlation; one gathered from several events has no single
    /// cause (each notification still names its `source`) and is its own correlation.
    static func batch(_ chunk: ArraySlice<Item>, to company: CompanyID, tenant: String,
                      occurredAt: Date) -> Envelope<NotificationCommand> {
        let ids = chunk.map(\.draft.notification.rawValue)
        let id = MessageID.derived(from: DeliverNotifications.messageType, parts: ids)
        let first = chunk.first?.source
        let shared = chunk.allSatisfy { $0.source?.id == first?.id } ? first : nil
        return Envelope(id: id, occurredAt: occurredAt, causationId: shared?.id,
                        correlationId: shared?.correlationId ?? CorrelationID(id), tenant: first?.tenant ?? tenant,
                        key: company.rawValue,
                        payload: .deliverBatch(DeliverNotifications(company: company, notifications: chunk.map(\.draft.command))))
    }
}
