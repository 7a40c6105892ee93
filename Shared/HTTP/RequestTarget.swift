/// Splitting and decoding of a request-target (RFC 9112 §3.2) into path, segments and query.
enum RequestTarget {
    /// The path part: everything before `?` (and before `#`, which clients should not send).
    /// Absolute-form targets (`http://host/path`) are reduced to their path.
    static func rawPath(of target: String) -> Substring {
        var path = target[...]
        if let end = path.utf8.firstIndex(where: { $0 == ASCII.question || $0 == 0x23 }) {
            path = path[..<end]
        }
        if path.utf8.first != ASCII.slash, let scheme = path.range(of: "://") {
            let afterAuthority = path[scheme.upperBound...]
            path = afterAuthority.firstIndex(of: "/").map { afterAuthority[$0...] } ?? "/"
        }
        return path
    }

    /// Raw (still percent-encoded) path segments, skipping empty ones so `/a//b/` matches `/a/b`.
    static func segments(of target: String) -> [Substring] {
        rawPath(of: target).split(separator: "/", omittingEmptySubsequences: true)
    }

    static func queryItems(of target: String) -> [(name: String, value: String)] {
        guard let mark = target.utf8.firstIndex(of: ASCII.question) else { return [] }
        var query = target[target.index(after: mark)...]
        if let fragment = query.firstIndex(of: "#") {
            query = query[..<fragment]
        }
        var items: [(name: String, value: String)] = []
        for pair in query.split(separator: "&", omittingEmptySubsequences: true) {
            let name: Substring, value: Substring
            if let equals = pair.firstIndex(of: "=") {
                name = pair[..<equals]
                value = pair[pair.index(after: equals)...]
            } else {
                name = pair
                value = ""
            }
            items.append((PercentDecoding.decode(name, plusAsSpace: true),
                          PercentDecoding.decode(value, plusAsSpace: true)))
        }
        return items
    }
}
