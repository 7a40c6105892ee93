import Foundation

extension WireFormat {
    /// `date` as the wire writes it, e.g. "2026-11-22T04:00:00.000Z", for reasons people read
    /// ("not paid by ..."). Dates outside years 0000...9999 fall back to seconds since 1970.
    /// (Lives in Order/ because it was added with the order contracts; it belongs in Wire/.)
    public static func timestampText(_ date: Date) -> String {
        WireTimestamp.format(date) ?? "\(date.timeIntervalSince1970)s"
    }
}
