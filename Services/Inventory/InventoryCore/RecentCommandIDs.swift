import Contracts

/// The ids of the last `limit` commands handled for one SKU (or, for warehouse-level commands, for
/// one partition), oldest forgotten first.
///
/// Why a bound: ids accumulate forever otherwise (every SKU, every command, for years). Why this is
/// safe: a command is repeated by crash replay (input after the last committed offset: seconds of
/// traffic), by the inbound relay re-sending, or by a client retry through the gateway (seconds to
/// minutes). A repeat is recognised as long as fewer than `limit` other commands for the same SKU
/// were handled in between. State is a pure fold of events, so the window is identical on every
/// instance that restores it.
public typealias RecentCommandIDs = RecentKeys<MessageID>
