/// A request's query parameters looked up by name (`request.query["page"]`); when a name repeats,
/// the first value wins. A scan of the parsed items rather than a dictionary: requests carry a
/// handful of parameters, and building a dictionary for each lookup cost more than the scan.
public struct QueryParameters: Sendable {
    let items: [(name: String, value: String)]

    public subscript(name: String) -> String? {
        items.first { $0.name == name }?.value
    }
}
