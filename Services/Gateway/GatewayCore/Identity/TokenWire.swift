import Contracts
import Foundation

/// The JSON of a token's header and payload. Internal: callers see `Claims`.
enum TokenWire {
    static let algorithm = "HS256"

    struct Header: Codable {
        let alg: String?
        let typ: String?
        let kid: String?
        /// RFC 7515 §4.1.11: a receiver must refuse critical extensions it does not understand;
        /// this service understands none.
        let crit: [String]?
    }

    struct Payload: Codable {
        let sub: String
        let subType: String
        let company: String
        let roles: [String]
        let iss: String
        let aud: Audience
        let iat: Int64
        let exp: Int64
        let nbf: Int64?
        let jti: String

        enum CodingKeys: String, CodingKey {
            case sub, subType = "sub_type", company, roles, iss, aud, iat, exp, nbf, jti
        }
    }

    /// `aud` may be one string or an array of strings (RFC 7519 §4.1.3). Issued tokens use a string.
    struct Audience: Codable {
        let values: [String]

        init(_ value: String) { values = [value] }

        init(from decoder: any Decoder) throws {
            let container = try decoder.singleValueContainer()
            if let single = try? container.decode(String.self) {
                values = [single]
            } else {
                values = try container.decode([String].self)
            }
        }

        func encode(to encoder: any Encoder) throws {
            var container = encoder.singleValueContainer()
            if values.count == 1 { try container.encode(values[0]) } else { try container.encode(values) }
        }
    }

    static let userSubject = "user"
    static let apiKeySubject = "api-key"

    static func payload(of claims: Claims) -> Payload {
        let (sub, subType) = switch claims.subject {
        case let .user(id): (id.rawValue, userSubject)
        case let .apiKey(id): (id.rawValue, apiKeySubject)
        }
        return Payload(sub: sub, subType: subType, company: claims.company.rawValue,
                       roles: claims.roles.sorted().map(\.rawValue), iss: claims.issuer, aud: Audience(claims.audience),
                       iat: Int64(claims.issuedAt.timeIntervalSince1970), exp: Int64(claims.expiresAt.timeIntervalSince1970),
                       nbf: nil, jti: claims.tokenID)
    }

    /// The claims of a verified payload, checked for shape (ids, subject type). Unknown role
    /// names are dropped: they grant nothing here (a newer gateway may know more roles).
    static func claims(of payload: Payload, expectedAudience: String) throws(TokenError) -> Claims {
        let subject: Subject
        switch payload.subType {
        case userSubject:
            guard let id = UserID(validating: payload.sub) else { throw .malformed("sub is not a user id") }
            subject = .user(id)
        case apiKeySubject:
            guard let id = APIKeyID(validating: payload.sub) else { throw .malformed("sub is not an API key id") }
            subject = .apiKey(id)
        default:
            throw .malformed("unknown sub_type \"\(payload.subType)\"")
        }
        guard let company = CompanyID(validating: payload.company) else { throw .malformed("company is not a company id") }
        guard !payload.jti.isEmpty else { throw .malformed("jti is empty") }
        // The audience that matched, so that `Claims` holds a single audience.
        let audience = payload.aud.values.contains(expectedAudience) ? expectedAudience : payload.aud.values.first ?? ""
        return Claims(subject: subject, company: company, roles: Set(payload.roles.compactMap(Role.init(rawValue:))),
                      issuer: payload.iss, audience: audience,
                      issuedAt: Date(timeIntervalSince1970: TimeInterval(payload.iat)),
                      expiresAt: Date(timeIntervalSince1970: TimeInterval(payload.exp)), tokenID: payload.jti)
    }

    static func encoder() -> JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return encoder
    }
}
