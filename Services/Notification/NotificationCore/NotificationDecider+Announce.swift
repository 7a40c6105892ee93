import Contracts

extension NotificationDecider.Context {
    /// A promotion announcement: the platform operator may address every approved buyer or a list;
    /// a supplier only a list. A list names approved buyer companies only. Fanned out as one `deliver` per recipient company; the ids derive
    /// from this command's id, so a repeat is recognised by each recipient's partition.
    func announce(_ announce: AnnounceNotification) throws(Refusal) -> NotificationDecision {
        guard let announcer = directory.entry(company) else {
            throw Refusal(.accessDenied, field: "company", "company \(company) is not known to the platform yet")
        }
        let isOperator = announcer.types.contains(.operator)
        guard isOperator || announcer.types.contains(.supplier), announcer.status == .approved else {
            throw Refusal(.accessDenied, field: "company", "only the platform operator and approved suppliers may announce")
        }
        try requireMember(announce.by, field: "by")
        try requireText(announce.title, field: "title", maximum: settings.maximumTitleLength)
        try requireText(announce.body, field: "body", maximum: settings.maximumBodyLength)
        try requireLink(announce.link, field: "link")
        let recipients: [CompanyID]
        if announce.allBuyers {
            guard isOperator else {
                throw Refusal(.accessDenied, field: "allBuyers", "only the platform operator may announce to every buyer")
            }
            guard announce.companies.isEmpty else {
                throw .invalid("companies", "leave companies empty when allBuyers is true")
            }
            recipients = directory.approvedBuyers
        } else {
            guard (1...settings.maximumAnnouncementRecipients).contains(announce.companies.count) else {
                throw .invalid("companies", "name 1...\(settings.maximumAnnouncementRecipients) companies, or set allBuyers")
            }
            // Promotions are for buyers: a supplier cannot reach another supplier's (or an unknown
            // company's) inbox by naming it.
            for (index, recipient) in announce.companies.enumerated() {
                guard let entry = directory.entry(recipient), entry.status == .approved, entry.types.contains(.buyer) else {
                    throw .invalid("companies[\(index)]", "\(recipient) is not an approved buyer company on the platform")
                }
            }
            recipients = Array(Set(announce.companies)).sorted()
        }
        let parameters = ["title": announce.title, "body": announce.body, "announcer": announcer.name]
        let type = NotificationEventTypes.promotionAnnounced
        let fanOut = recipients.map { recipient in
            DeliverNotification(
                notification: .derived(source: command.id.rawValue, recipient: recipient, eventType: type),
                company: recipient, audience: .everyone, eventType: type, parameters: parameters, link: announce.link,
                source: command.id, occurredAt: now)
        }
        return NotificationDecision(fanOut: fanOut, reply: reply(.done(affected: fanOut.count)))
    }
}
