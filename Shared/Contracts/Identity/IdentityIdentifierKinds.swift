/// Identifier kinds of identity and access (companies and users use the existing `CompanyID` and
/// `UserID`).
extension IdentifierKinds {
    public enum APIKey: IdentifierTag { public static var kindName: String { "API key id" } }
    public enum Department: IdentifierTag { public static var kindName: String { "department id" } }
}

/// Names one API key of a company. Never contains "_", because the presented key is
/// `tfk_<id>_<secret>` and the id ends at the first "_" after the prefix.
public typealias APIKeyID = Identifier<IdentifierKinds.APIKey>
/// Names a department (sub-account) inside one company.
public typealias DepartmentID = Identifier<IdentifierKinds.Department>
