import Contracts
import Foundation

/// Decides payment commands against a partition's state. Pure: no clock (`now` is passed in), no
/// I/O, no globals; the same command, state and `now` always give the same decision.
///
/// Rules common to every command:
/// - a command already handled (remembered for its payer) is a duplicate: its original replies are
///   returned to send again, plus any of its events a crash kept from being published (`resume`);
/// - a refusal is published as an event (`authorization-rejected`, or `command-rejected` for the
///   other commands), so a repeat is recognised, and answered as `rejected` when the order service
///   asked; it names the field at fault and the reason;
/// - a saga command (authorize, capture, void, refund) that is repeated with a new id for an order
///   in the state it asks for is answered with the current outcome and changes nothing.
public struct PaymentDecider: Sendable {
    public let limits: PaymentLimits

    public init(limits: PaymentLimits = .standard) {
        self.limits = limits
    }

    /// `settlementRules` are the platform's current rules when the caller follows them elsewhere
    /// (the service replicates `payment.snapshots.v1`, because the rules are set on one
    /// partition and apply to payers on all of them); nil uses the rules folded into `state`.
    public func decide(_ command: Envelope<PaymentCommand>, state: PaymentState, now: Date,
                       settlementRules: [SettlementRule]? = nil) -> PaymentDecision {
        let payload = command.payload
        if state.hasHandled(command.id, payer: payload.payer) {
            return PaymentDecision(events: resume(command, state: state),
                                   replies: state.replies(of: command.id, payer: payload.payer), isDuplicate: true)
        }
        let context = Context(commandId: command.id, now: now.roundedToWireMilliseconds, state: state,
                              settlementRules: settlementRules ?? state.settlementRules)
        do throws(PaymentRefusal) {
            switch payload {
            case let .authorize(authorize): return try self.authorize(authorize, context)
            case let .capture(capture): return try self.capture(capture, context)
            case let .void(void): return try self.void(void, context)
            case let .releaseCredit(release): return try releaseCredit(release, context)
            case let .refund(refund): return try self.refund(refund, context)
            case let .setCreditLine(set): return try setCreditLine(set, context)
            case let .recordBankTransfer(transfer): return try recordBankTransfer(transfer, context)
            case let .providerCallback(callback): return try providerCallback(callback, context)
            case let .markOverdueDue(mark): return PaymentDecision(events: overdueEvents(mark, context.commandId, state: state))
            case let .remindInvoicesDue(remind):
                return PaymentDecision(events: dueSoonEvents(remind, context.commandId, state: state))
            case let .setSettlementRules(set): return try setSettlementRules(set, context)
            case .getAccount, .getStatement:
                // Queries are answered by `PaymentQueries` and never decided; deciding one changes nothing.
                return PaymentDecision(events: [])
            }
        } catch {
            return refused(error, command)
        }
    }

    /// What one handling works with.
    struct Context {
        let commandId: MessageID
        /// Rounded to whole milliseconds, the precision of the wire, so state folded from the
        /// published events equals state folded from the events in memory.
        let now: Date
        let state: PaymentState
        let settlementRules: [SettlementRule]
    }

    /// The refusal as an event (and, via its reply, an answer to the order service).
    private func refused(_ refusal: PaymentRefusal, _ command: Envelope<PaymentCommand>) -> PaymentDecision {
        let payload = command.payload
        let event: PaymentEvent
        if case let .authorize(authorize) = payload {
            event = .authorizationRejected(AuthorizationRejected(
                commandId: command.id, payer: authorize.payer, order: authorize.order, amount: authorize.amount,
                method: authorize.method, code: refusal.code, field: refusal.field, reason: refusal.reason,
                available: refusal.available, replyKey: Self.replyKey(authorize.replyKey, payer: authorize.payer)))
        } else {
            event = .commandRejected(PaymentCommandRejected(
                commandId: command.id, payer: payload.payer, order: payload.order, command: payload.messageType,
                code: refusal.code, field: refusal.field, reason: refusal.reason,
                replyKey: payload.payer.flatMap { payer in payload.replyKey.map { Self.replyKey($0, payer: payer) } }))
        }
        let rejection = PaymentRejection(code: refusal.code, field: refusal.field, reason: refusal.reason,
                                         available: refusal.available)
        return PaymentDecision(events: [(0, event)], rejection: rejection)
    }

    /// A decision that changes nothing and answers with `outcome` (a saga command repeated with a
    /// new id for an order already in the state it asks for).
    func answer(_ outcome: PaymentResult.Outcome, order: OrderID, replyKey: String, payer: CompanyID) -> PaymentDecision {
        PaymentDecision(events: [], replies: [PaymentReply(key: Self.replyKey(replyKey, payer: payer),
                                                           result: PaymentResult(order: order, outcome: outcome))])
    }

    /// The order service's reply key; a blank or oversized one falls back to the payer, which is the
    /// buyer company the order service keys by (saga spec), so an answer is never lost on key "".
    static func replyKey(_ replyKey: String, payer: CompanyID) -> String {
        let usable = !replyKey.allSatisfy(\.isWhitespace) && replyKey.utf8.count <= 256
        return usable ? replyKey : payer.rawValue
    }
}
