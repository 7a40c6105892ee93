import Contracts
import GatewayCore
import Testing

/// The id a command gets from its `Idempotency-Key`: the same for a retry, another for anything
/// that is not the same action.
@Suite struct CommandIdempotencyTests {
    let supplier = try! CompanyID("C-TEA")
    let wms = try! UserID("apikey-K-WMS")

    func id(_ key: String = "wms-4711", company: CompanyID? = nil, user: UserID? = nil, _ action: String = "ship",
            target: [String] = ["O-1", "O-1-S1"]) -> MessageID {
        CommandIdempotency.commandID(key: key, company: company ?? supplier, user: user ?? wms, action: action, target: target)
    }

    @Test func aRetryWithTheSameKey_isTheSameCommand() {
        #expect(id() == id(), "the service sees the retry as the command it handled")
    }

    @Test func theKeyReusedForAnotherActionTargetOrSender_isAnotherCommand() {
        let ids = [id(), id("wms-4712"), id(company: try! CompanyID("C-SUNRISE")), id(user: try! UserID("U-LI")),
                   id("wms-4711", "confirm-delivery"), id(target: ["O-2", "O-1-S1"]), id(target: ["O-1", "O-1-S2"]),
                   id(target: ["O-1"]), id(target: ["O-1", ""]), id(target: ["O-1O-1-S1"])]
        #expect(Set(ids).count == ids.count, "\(ids)")
    }

    @Test func keysAreBoundedLikeThoseOfPlacedOrders() {
        #expect(CommandIdempotency.problem(with: "k") == nil)
        #expect(CommandIdempotency.problem(with: String(repeating: "k", count: 128)) == nil)
        #expect(CommandIdempotency.problem(with: "") == "must be 1...128 characters")
        #expect(CommandIdempotency.problem(with: String(repeating: "键", count: 43)) != nil, "129 bytes of UTF-8")
    }
}
