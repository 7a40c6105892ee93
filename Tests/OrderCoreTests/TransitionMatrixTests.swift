import Contracts
import Foundation
import Testing
@testable import OrderCore

/// Every gateway command against an order in every status: allowed transitions are accepted,
/// every other one is an explicit `invalid-order-state` rejection that changes nothing.
@Suite struct TransitionMatrixTests {
    enum Action: String, CaseIterable {
        case approve, rejectApproval, cancel, ship, confirmDelivery

        var command: OrderCommand {
            switch self {
            case .approve: T.approve("O-1", by: T.approver, roles: ["approver"])
            case .rejectApproval:
                .rejectApproval(RejectOrderApproval(order: T.id("O-1"), buyer: T.buyer, approver: T.approver,
                                                    roles: ["approver"], comment: "no"))
            case .cancel: T.cancel("O-1")
            case .ship: T.ship("O-1")
            case .confirmDelivery: T.deliver("O-1")
            }
        }

        /// The statuses in which the action is a valid transition.
        var allowedIn: Set<OrderStatus> {
            switch self {
            case .approve, .rejectApproval: [.pendingApproval]
            case .cancel: [.pendingApproval, .reservingStock, .awaitingPayment, .confirmed]
            case .ship: [.confirmed]
            case .confirmDelivery: []  // needs a shipped sub-order; see FulfilmentTests
            }
        }
    }

    /// A saga whose order "O-1" (one line, SKU A) is in `status`.
    static func order(in status: OrderStatus) -> Saga {
        var saga = Saga()
        if status == .pendingApproval { saga.send(T.rules([ApprovalRule(name: "all", roles: ["approver"])])) }
        saga.send(T.place("O-1", lines: [T.line("A")]))
        switch status {
        case .pendingApproval, .reservingStock:
            break
        case .awaitingPayment:
            saga.send(T.reserved("O-1", line: 1, sku: "A"))
        case .confirmed, .completed:
            saga.send(T.reserved("O-1", line: 1, sku: "A"))
            saga.send(T.payment("O-1", .authorized(method: .credit)))
            if status == .completed {
                saga.send(T.ship("O-1"))
                saga.send(T.deliver("O-1"))
            }
        case .rejected:
            saga.send(T.unavailable("O-1", line: 1, sku: "A"))
        case .cancelled:
            saga.send(T.cancel("O-1"))
        case .expired:
            saga.send(.expireDue(ExpireDue(buyer: T.buyer, now: T.t0.addingTimeInterval(1_000 * T.hour))))
        }
        return saga
    }

    @Test(arguments: OrderStatus.allCases)
    func buildsAnOrderInEachStatus(_ status: OrderStatus) {
        #expect(Self.order(in: status).status("O-1") == status)
    }

    @Test(arguments: OrderStatus.allCases, Action.allCases)
    func action_isAcceptedOnlyWhereAllowed_andOtherwiseRejectedWithAReason(_ status: OrderStatus, _ action: Action) {
        var saga = Self.order(in: status)
        let before = saga.summary("O-1")
        let handled = saga.send(action.command)
        if action.allowedIn.contains(status) {
            #expect(handled.rejection == nil, "\(action) in \(status): \(String(describing: handled.rejection))")
            #expect(!handled.events.isEmpty)
        } else {
            #expect(handled.rejection?.code == .invalidOrderState, "\(action) in \(status): \(handled.decision)")
            #expect(handled.rejection?.message.contains("O-1") == true)
            #expect(handled.eventTypes == ["order.command-rejected"])
            #expect(handled.outbox.isEmpty)
            #expect(saga.summary("O-1") == before)
        }
    }

    @Test(arguments: [OrderStatus.rejected, .cancelled, .expired])
    func cancellingAnEndedOrder_namesHowItEnded(_ status: OrderStatus) {
        var saga = Self.order(in: status)
        #expect(saga.send(T.cancel("O-1")).rejection?.message == "order O-1 is already \(status.rawValue)")
    }
}
