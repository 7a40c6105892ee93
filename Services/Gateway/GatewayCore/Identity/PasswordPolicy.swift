/// What a password must be: 10...128 characters (grapheme clusters, so an emoji or a CJK
/// character counts once) and not the username. Length is what resists guessing; composition
/// rules ("one digit, one symbol") mostly produce predictable passwords, so there are none.
public struct PasswordPolicy: Sendable, Hashable {
    public let minimumLength: Int
    public let maximumLength: Int

    public init(minimumLength: Int = 10, maximumLength: Int = 128) {
        self.minimumLength = minimumLength
        self.maximumLength = maximumLength
    }

    /// Why `password` is refused for `username`, or `nil` when it is acceptable.
    public func problem(with password: String, username: String) -> String? {
        let length = password.count
        if length < minimumLength { return "password must be at least \(minimumLength) characters, got \(length)" }
        if length > maximumLength { return "password must be at most \(maximumLength) characters, got \(length)" }
        if password.lowercased() == username.lowercased() { return "password must not be the username" }
        return nil
    }
}
