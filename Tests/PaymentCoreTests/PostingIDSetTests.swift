import Testing
@testable import PaymentCore

@Suite struct PostingIDSetTests {
    private let hex = "3a780f54f3990ec3a8c9dd90b04fddf2#0"
    private let uuid = "ba3134c4-a3ac-4a96-becf-df91b48a59df#0"

    @Test func commandIdsInBothForms_areKeptAs128Bits() {
        #expect(HexID(postingId: hex) != nil)
        #expect(HexID(postingId: uuid) != nil)
    }

    @Test func idsOfAnyOtherShape_areKeptAsText() {
        for id in ["3A780F54F3990EC3A8C9DD90B04FDDF2#0", "3a780f54f3990ec3a8c9dd90b04fddf2#1", "3a780f54f3990ec3a8c9dd90b04fddf2",
                   "ba3134c4a-3ac-4a96-becf-df91b48a59df#0", "ba3134c4-a3ac-4a96-becf-df91b48a59dg#0", "manual-adjustment-7", ""] {
            #expect(HexID(postingId: id) == nil, "\(id)")
        }
    }

    @Test func eachIdIsRemembered_andOnlyItself() {
        var set = PostingIDSet()
        let ids = [hex, uuid, "manual-adjustment-7", "3A780F54F3990EC3A8C9DD90B04FDDF2#0",
                   "3a780f54f3990ec3a8c9dd90b04fddf3#0", "3a780f54-f399-0ec3-a8c9-dd90b04fddf2#0"]
        for id in ids {
            #expect(!set.contains(id), "\(id) before it was inserted")
            let inserted = set.insert(id)
            #expect(inserted, "\(id) is new")
            #expect(set.contains(id))
        }
        // The same 128 bits with and without dashes, or upper and lower case, are different ids.
        #expect(set.count == ids.count)
        for id in ids {
            let inserted = set.insert(id)
            #expect(!inserted, "\(id) inserted twice")
        }
        #expect(!set.contains("ba3134c4-a3ac-4a96-becf-df91b48a59de#0"))
    }
}
