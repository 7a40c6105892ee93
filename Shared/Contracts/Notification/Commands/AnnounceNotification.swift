/// Command (gateway → notification, keyed by the announcing company): a promotion announcement by
/// the platform operator or a supplier to buyer companies. The notification service fans it out as
/// one `deliver` per recipient (ids derived from this command's id and the recipient).
///
/// `companies` lists the recipients; `allBuyers` (operator only) sends to every approved buyer
/// company instead.
public struct AnnounceNotification: MessagePayload {
    public static let messageType = "notification.announce"
    public static let messageVersion = 1

    /// The announcing company (the partition key).
    public let company: CompanyID
    public let by: UserID
    public let allBuyers: Bool
    public let companies: [CompanyID]
    /// 1...200 characters.
    public let title: String
    /// 1...4,000 characters.
    public let body: String
    public let link: String?
    public let replyTo: ReplyAddress?

    public init(company: CompanyID, by: UserID, allBuyers: Bool, companies: [CompanyID], title: String, body: String,
                link: String? = nil, replyTo: ReplyAddress? = nil) {
        self.company = company
        self.by = by
        self.allBuyers = allBuyers
        self.companies = companies
        self.title = title
        self.body = body
        self.link = link
        self.replyTo = replyTo
    }

    private enum CodingKeys: String, CodingKey {
        case company = "company", by = "by", allBuyers = "allBuyers", companies = "companies", title = "title"
        case body = "body", link = "link", replyTo = "replyTo"
    }
}
