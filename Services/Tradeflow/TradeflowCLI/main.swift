// `tradeflow`: the platform's command-line tool (dev platform, provisioning, topic listing).
await TradeflowCommand.main(Array(CommandLine.arguments.dropFirst()))
