import Contracts

/// What the order saga asks of payment: exactly the payment command messages (the order core
/// decides them; the service sends each as its `PaymentCommand` case).
public typealias AuthorizePaymentRequest = AuthorizePayment
public typealias CapturePaymentRequest = CapturePayment
public typealias VoidAuthorizationRequest = VoidAuthorization
public typealias RefundPaymentRequest = RefundPayment
public typealias ReleaseCreditRequest = ReleaseCredit

public enum PaymentRequest: Sendable, Equatable {
    case authorize(AuthorizePaymentRequest)
    case capture(CapturePaymentRequest)
    case void(VoidAuthorizationRequest)
    case refund(RefundPaymentRequest)
    case releaseCredit(ReleaseCreditRequest)

    public var payer: CompanyID {
        switch self {
        case let .authorize(request): request.payer
        case let .capture(request): request.payer
        case let .void(request): request.payer
        case let .refund(request): request.payer
        case let .releaseCredit(request): request.payer
        }
    }

    /// The wire type of the `PaymentCommand` case this maps to.
    public var messageType: String {
        switch self {
        case .authorize: AuthorizePaymentRequest.messageType
        case .capture: CapturePaymentRequest.messageType
        case .void: VoidAuthorizationRequest.messageType
        case .refund: RefundPaymentRequest.messageType
        case .releaseCredit: ReleaseCreditRequest.messageType
        }
    }
}
