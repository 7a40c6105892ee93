import Foundation
import ReliabilityKit

/// Sending a request the way a well-behaved client does while the platform restarts or sheds
/// load: repeated after a pause (`ClientRetryPolicy`) while the answer is 429, 503 or 504 or the
/// connection breaks, until the budget counted from `due` runs out. Safe only for requests that
/// carry an `Idempotency-Key` (or change nothing).
enum PatientSend {
    enum Outcome {
        /// The platform answered, with anything but a status worth repeating.
        case answered(KeepAliveConnection.Response)
        /// Still unanswered when the budget ran out: the last status (and error code) or broken connection.
        case gaveUp(last: String)
    }

    /// Sends `request` on `connection` (blocking the calling thread). `firstPause` seconds are
    /// waited before the first try (after an answer the caller already got, as its
    /// `Retry-After` asked).
    static func send(_ request: [UInt8], on connection: KeepAliveConnection, due: ContinuousClock.Instant,
                     firstPause: Double = 0, policy: ClientRetryPolicy = .standard) -> Outcome {
        if firstPause > 0 { Thread.sleep(forTimeInterval: firstPause) }
        var last = ""
        var tries = 0
        while true {
            tries += 1
            var retryAfter: Int?
            do {
                let response = try connection.send(request)
                guard ClientRetryPolicy.isRetryable(status: response.status) else { return .answered(response) }
                last = "\(response.status) \(OrderRequests.errorCode(in: response.body) ?? "")"
                retryAfter = response.retryAfterSeconds
            } catch {
                last = "\(error)" // refused or cut while the gateway restarts
            }
            let pause = policy.pause(afterTries: tries, retryAfterSeconds: retryAfter)
            guard policy.allowsAnotherTry(elapsedSeconds: (ContinuousClock.now - due).seconds, pause: pause) else {
                return .gaveUp(last: last)
            }
            Thread.sleep(forTimeInterval: pause)
        }
    }
}
