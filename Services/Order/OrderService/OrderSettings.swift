import OrderCore
import Runtime

/// Order-only settings: how long orders may wait for approval and for payment.
struct OrderSettings: Sendable {
    var policy: OrderPolicy

    enum Key {
        static let approvalTimeout = "TRADEFLOW_ORDER_APPROVAL_TIMEOUT_SECONDS"
        static let paymentTimeout = "TRADEFLOW_ORDER_PAYMENT_TIMEOUT_SECONDS"
    }

    static func read(_ env: EnvironmentReader) -> OrderSettings {
        let approval = env.int(Key.approvalTimeout, default: 72 * 3_600, range: 1...(90 * 86_400))
        let payment = env.int(Key.paymentTimeout, default: 48 * 3_600, range: 1...(90 * 86_400))
        // Stock leaves on-hand when a sub-order ships, not at confirmation: until then a buyer may
        // cancel and the reserved units go straight back to available.
        return OrderSettings(policy: OrderPolicy(approvalTimeout: Double(approval), paymentTimeout: Double(payment),
                                                 commitStockAt: .shipment))
    }
}
