/// A department (sub-account) of a company, e.g. "East China purchasing" under "Purchasing".
public struct Department: Codable, Sendable, Hashable {
    public let id: DepartmentID
    public let name: String
    /// The enclosing department; `nil` at the top level.
    public let parent: DepartmentID?

    public init(id: DepartmentID, name: String, parent: DepartmentID?) {
        self.id = id
        self.name = name
        self.parent = parent
    }

    private enum CodingKeys: String, CodingKey {
        case id = "id", name = "name", parent = "parent"
    }
}
