import Testing

/// Every test that starts a whole platform (`tradeflow dev`: a mock cluster and seven processes)
/// runs inside this suite, one at a time: several at once would starve a 2-core machine and turn
/// timing bounds into flakes.
@Suite(.serialized) enum PlatformTests {}
