import Synchronization
@testable import HTTP

/// Records `onProtocolRejection` calls.
final class RejectionLog: Sendable {
    private let statuses = Mutex<[Int]>([])

    func record(_ status: HTTPStatus) {
        statuses.withLock { $0.append(status.code) }
    }

    var codes: [Int] { statuses.withLock { $0 } }
}
