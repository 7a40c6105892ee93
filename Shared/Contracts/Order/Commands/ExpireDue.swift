import Foundation

/// Command (order's own timer → order): expire the buyer's orders whose approval or payment
/// deadline is at or before `now`. Deadlines are order state, so the timer survives restarts; the
/// decision uses `now` from the payload, so handling the command again decides the same.
public struct ExpireDue: MessagePayload {
    public static let messageType = "order.expire-due"
    public static let messageVersion = 1

    public let buyer: CompanyID
    public let now: Date

    public init(buyer: CompanyID, now: Date) {
        self.buyer = buyer
        self.now = WireTimestamp.roundedToMilliseconds(now)
    }

    private enum CodingKeys: String, CodingKey {
        case buyer = "buyer", now = "now"
    }
}
