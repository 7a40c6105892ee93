/// One endpoint of the public API, declared once: the router serves it and the OpenAPI document
/// describes it from the same value, so the two cannot drift apart.
public struct RouteDescriptor: Sendable {
    public enum Access: Sendable {
        case anonymous
        /// A bearer token is required; the handler checks role and ownership.
        case bearer
    }

    public struct Parameter: Sendable {
        public enum Location: String, Sendable { case path, query, header }
        public let name: String
        public let location: Location
        public let schema: Schema
        public let required: Bool
        public let description: String

        public init(_ name: String, in location: Location, _ schema: Schema = .string, required: Bool = false,
                    _ description: String = "") {
            self.name = name
            self.location = location
            self.schema = schema
            self.required = location == .path ? true : required
            self.description = description
        }
    }

    public struct Response: Sendable {
        public let status: Int
        public let description: String
        public let schema: Schema?
        public let contentType: String

        public init(_ status: Int, _ description: String, _ schema: Schema? = nil, contentType: String = "application/json") {
            self.status = status
            self.description = description
            self.schema = schema
            self.contentType = contentType
        }
    }

    public let method: String
    public let path: String
    public let operationId: String
    public let summary: String
    public let tag: String
    public let access: Access
    public let parameters: [Parameter]
    public let requestBody: Schema?
    public let requestContentType: String
    /// False where an empty body means the defaults (an approval without a comment).
    public let requestBodyRequired: Bool
    public let responses: [Response]

    public init(_ method: String, _ path: String, operationId: String, summary: String, tag: String,
                access: Access = .bearer, parameters: [Parameter] = [], requestBody: Schema? = nil,
                requestContentType: String = "application/json", requestBodyRequired: Bool = true, responses: [Response]) {
        self.method = method
        self.path = path
        self.operationId = operationId
        self.summary = summary
        self.tag = tag
        self.access = access
        self.parameters = parameters
        self.requestBody = requestBody
        self.requestContentType = requestContentType
        self.requestBodyRequired = requestBodyRequired
        self.responses = responses
    }
}
