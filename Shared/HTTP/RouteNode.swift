/// A node of the routing trie: one level per path segment. A value type so `Router` stays a plain
/// `Sendable` struct that can be built up with `mutating` calls and then shared freely.
struct RouteNode: Sendable {
    var literalChildren: [(literal: String, node: RouteNode)] = []
    var captureChildren: [(name: String, node: RouteNode)] = []
    var handlers: [HTTPMethod: Router.Handler] = [:]

    mutating func insert(_ segments: ArraySlice<RouteSegment>, method: HTTPMethod, handler: @escaping Router.Handler) {
        guard let first = segments.first else {
            handlers[method] = handler
            return
        }
        let rest = segments.dropFirst()
        switch first {
        case .literal(let literal):
            if let index = literalChildren.firstIndex(where: { $0.literal == literal }) {
                literalChildren[index].node.insert(rest, method: method, handler: handler)
            } else {
                var node = RouteNode()
                node.insert(rest, method: method, handler: handler)
                literalChildren.append((literal, node))
            }
        case .capture(let name):
            if let index = captureChildren.firstIndex(where: { $0.name == name }) {
                captureChildren[index].node.insert(rest, method: method, handler: handler)
            } else {
                var node = RouteNode()
                node.insert(rest, method: method, handler: handler)
                captureChildren.append((name, node))
            }
        }
    }

    /// Depth-first, literals before captures, so `matches` comes out in priority order.
    func collectMatches(_ segments: ArraySlice<Substring>, captured: inout [(String, Substring)],
                        into matches: inout [RouteMatch]) {
        guard let first = segments.first else {
            if !handlers.isEmpty {
                matches.append(RouteMatch(handlers: handlers, parameters: captured))
            }
            return
        }
        let rest = segments.dropFirst()
        for child in literalChildren where child.literal == first {
            child.node.collectMatches(rest, captured: &captured, into: &matches)
        }
        for child in captureChildren {
            captured.append((child.name, first))
            child.node.collectMatches(rest, captured: &captured, into: &matches)
            captured.removeLast()
        }
    }
}

/// One segment of a route pattern.
enum RouteSegment: Sendable {
    case literal(String)
    case capture(String)

    init(_ text: Substring) {
        if text.hasPrefix("{"), text.hasSuffix("}"), text.count > 2 {
            self = .capture(String(text.dropFirst().dropLast()))
        } else {
            self = .literal(String(text))
        }
    }
}

/// A path that matched some route: its handlers by method and the captured values.
struct RouteMatch {
    let handlers: [HTTPMethod: Router.Handler]
    let parameters: [(String, Substring)]

    func apply(to request: HTTPRequest) -> HTTPRequest {
        var request = request
        for (name, value) in parameters {
            request.pathParameters[name] = String(value)
        }
        return request
    }
}
