import Contracts

/// Builds the OpenAPI 3.1 document served at `/v1/openapi.json` from the route table.
public enum OpenAPIDocument {
    public static func build(title: String, version: String, routes: [RouteDescriptor],
                             schemas: [String: Schema]) -> JSONValue {
        var paths: [String: [String: JSONValue]] = [:]
        for route in routes {
            paths[route.path, default: [:]][route.method.lowercased()] = operation(route)
        }
        var allSchemas = schemas.mapValues(\.json)
        allSchemas["Error"] = errorSchema.json
        return .object([
            "openapi": .string("3.1.0"),
            "info": .object(["title": .string(title), "version": .string(version),
                             "description": .string("Tradeflow's public HTTP API. Errors are {\"error\": {\"code\", \"message\", \"field\"}}.")]),
            "paths": .object(paths.mapValues { .object($0) }),
            "components": .object([
                "schemas": .object(allSchemas),
                "securitySchemes": .object(["bearer": .object(["type": .string("http"), "scheme": .string("bearer"),
                                                               "bearerFormat": .string("JWT (HS256)")])]),
            ]),
        ])
    }

    static let errorSchema = Schema.object([
        .init("error", .object([.init("code", .string), .init("message", .string), .init("field", .string, required: false)])),
    ])

    private static func operation(_ route: RouteDescriptor) -> JSONValue {
        var members: [String: JSONValue] = [
            "operationId": .string(route.operationId),
            "summary": .string(route.summary),
            "tags": .array([.string(route.tag)]),
        ]
        if case .bearer = route.access {
            members["security"] = .array([.object(["bearer": .array([])])])
        }
        if !route.parameters.isEmpty {
            members["parameters"] = .array(route.parameters.map { parameter in
                .object(["name": .string(parameter.name), "in": .string(parameter.location.rawValue),
                         "required": .bool(parameter.required), "schema": parameter.schema.json,
                         "description": .string(parameter.description)])
            })
        }
        if let body = route.requestBody {
            members["requestBody"] = .object(["required": .bool(route.requestBodyRequired),
                                              "content": .object([route.requestContentType: .object(["schema": body.json])])])
        }
        var responses: [String: JSONValue] = [:]
        var contents: [Int: [String: JSONValue]] = [:]
        for response in route.responses {
            // One status may come in several media types (JSON or CSV): their contents are merged,
            // the first description stays.
            if let schema = response.schema {
                contents[response.status, default: [:]][response.contentType] = .object(["schema": schema.json])
            }
            guard responses[String(response.status)] == nil else { continue }
            responses[String(response.status)] = .object(["description": .string(response.description)])
        }
        for (status, content) in contents {
            guard case var .object(entry)? = responses[String(status)] else { continue }
            entry["content"] = .object(content)
            responses[String(status)] = .object(entry)
        }
        // Every operation can fail with the standard error body.
        responses["default"] = .object(["description": .string("error"),
                                        "content": .object(["application/json": .object(["schema": Schema.ref("Error").json])])])
        members["responses"] = .object(responses)
        return .object(members)
    }
}
