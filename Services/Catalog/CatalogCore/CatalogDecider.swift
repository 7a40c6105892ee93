import Contracts
import Foundation

/// Decides catalog commands against the current records. Pure: no clock (`now` is passed in), no
/// I/O, no globals; the same command, records and `now` always give the same decision.
///
/// Rules common to every command:
/// - a command whose id a touched record remembers (`recentCommandIds`) was already handled: it is
///   accepted again with no events, so a replay after a crash changes nothing;
/// - the actor needs the `catalog-manager` or `company-admin` role (or `platform-operator`), and
///   must belong to the company that owns the data: the product's supplier, the price list's owner
///   or the shop's distributor. Platform operators may act for any company. So supplier A cannot
///   edit supplier B's products, a distributor cannot edit products it does not supply, and a buyer
///   (no catalog role) can change nothing;
/// - a change that leaves a record as it was publishes nothing and answers with the current revision;
/// - a record that would exceed a limit (`CatalogLimits`, including its encoded size) is refused.
///
/// Schedules (定时上架/下架) that are due at `now` are applied to a product before any command on it,
/// and by `dueScheduleChanges(_:now:)` for the service's timer.
public struct CatalogDecider: Sendable {
    public let limits: CatalogLimits

    public init(limits: CatalogLimits = .standard) {
        self.limits = limits
    }

    public func decide(_ command: Envelope<CatalogCommand>, current: CatalogRecords, now: Date) -> CatalogDecision {
        let id = command.id
        do throws(Refusal) {
            switch command.payload {
            case let .upsertProduct(payload): return try upsertProduct(payload, id: id, current: current, now: now)
            case let .setProductStatus(payload): return try setProductStatus(payload, id: id, current: current, now: now)
            case let .importProducts(payload): return try importProducts(payload, id: id, current: current, now: now)
            case let .upsertPriceList(payload): return try upsertPriceList(payload, id: id, current: current, now: now)
            case let .listInShop(payload): return try listInShop(payload, id: id, current: current, now: now)
            case let .unlistFromShop(payload): return try unlistFromShop(payload, id: id, current: current, now: now)
            }
        } catch {
            return CatalogDecision(error)
        }
    }

    // MARK: shared rules

    /// The actor may change data owned by `owner`.
    func authorize(_ actor: CatalogActor, toChange what: String, ownedBy owner: CompanyID,
                   ownerField: String) throws(Refusal) {
        guard actor.mayEditCatalog else {
            throw Refusal(.forbidden, field: "actor.roles",
                          "changing \(what) needs the role \(CatalogActor.catalogManagerRole) or \(CatalogActor.companyAdminRole)")
        }
        guard actor.isPlatformOperator || actor.company == owner else {
            throw Refusal(.forbidden, field: ownerField,
                          "company \(actor.company) may not change \(what) of company \(owner)")
        }
    }

    func checkExpectedRevision(_ expected: Int?, current: Int?) throws(Refusal) {
        guard let expected, expected != (current ?? 0) else { return }
        throw Refusal(.revisionConflict, field: "expectedRevision",
                      "expected revision \(expected) but the record is at revision \(current ?? 0); reload and retry")
    }

    /// `ids` with `id` appended, keeping the newest `limits.rememberedCommandIds`.
    func remembering(_ id: MessageID, in ids: [MessageID]) -> [MessageID] {
        Array((ids + [id]).suffix(limits.rememberedCommandIds))
    }

    /// Refuses a record whose encoded form would not fit in one Kafka message.
    func checkEncodedSize<Record: Encodable>(_ record: Record, what: String) throws(Refusal) {
        let size: Int
        do {
            size = try WireFormat.encodeValue(record).count
        } catch {
            throw Refusal(.limitExceeded, field: nil, "\(what) cannot be encoded: \(error)")
        }
        if size > limits.maximumRecordBytes {
            throw Refusal(.limitExceeded, field: nil,
                          "\(what) would be \(size) bytes encoded, over the limit of \(limits.maximumRecordBytes)")
        }
    }
}
