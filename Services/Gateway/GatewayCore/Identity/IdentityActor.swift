/// Who asks for an identity change.
public enum IdentityActor: Sendable, Hashable {
    /// Nobody signed in: may only apply for onboarding.
    case anonymous
    /// The gateway itself (bootstrap from configuration, demo seeding): trusted, never from HTTP.
    case system
    /// A signed-in user or API key, checked by the `AccessPolicy` (`manage-users` for a company's
    /// own users, departments and keys; `approve-companies` for onboarding decisions, tier, region).
    case principal(Principal)
}
