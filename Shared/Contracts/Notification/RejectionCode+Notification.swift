/// Rejection codes of notification commands. Validation failures use `invalidField`; a user or
/// company the directory says may not act uses `accessDenied`.
extension RejectionCode {
    public static let webhookNotFound = RejectionCode(rawValue: "webhook-not-found")
    /// A webhook id already registered with a different URL, filter or secret.
    public static let webhookExists = RejectionCode(rawValue: "webhook-exists")
    /// The company already has the maximum number of webhooks.
    public static let webhookLimitReached = RejectionCode(rawValue: "webhook-limit-reached")
    /// An event type filter or preference names a type no notification has.
    public static let unknownEventType = RejectionCode(rawValue: "unknown-event-type")
    public static let notificationNotFound = RejectionCode(rawValue: "notification-not-found")
    public static let deliveryNotFound = RejectionCode(rawValue: "delivery-not-found")
}
