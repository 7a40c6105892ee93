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

    public static func envelopes(for items: [Item], tenant: String, occurredAt: Date) -> [Envelope<NotificationCommand>] {
        var companies: [CompanyID] = []
        var groups: [CompanyID: [Item]] = [:]
        for item in items {
            if groups[item.draft.recipient] == nil { companies.append(item.draft.recipient) }
            groups[item.draft.recipient, default: []].append(item)
        }
        var envelopes: [Envelope<NotificationCommand>] = []
        for company in companies {
            let group = groups[company] ?? []
            for start in stride(from: 0, to: group.count, by: DeliverNotifications.maximumCount) {
                let chunk = group[start..<min(start + DeliverNotifications.maximumCount, group.count)]
                if chunk.count == 1, let only = chunk.first {
                    envelopes.append(only.draft.envelope(causedBy: only.source, tenant: tenant, occurredAt: occurredAt))
                } else {
                    envelopes.append(batch(chunk, to: company, tenant: tenant, occurredAt: occurredAt))
                }
            }
        }
        return envelopes
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
