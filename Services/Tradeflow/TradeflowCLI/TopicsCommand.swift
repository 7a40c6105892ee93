import Contracts
import Runtime

/// `tradeflow topics`: the topic registry as a table.
enum TopicsCommand {
    static func run(_ arguments: ArraySlice<String>) -> Int32 {
        guard arguments.isEmpty else {
            StandardError.write("tradeflow topics takes no options")
            return 64
        }
        let width = Topics.all.map(\.name.count).max() ?? 20
        var out = "\("TOPIC".padding(toLength: width, withPad: " ", startingAt: 0))  PARTS  CLEANUP  KEY\n"
        for topic in Topics.all {
            out += "\(topic.name.padding(toLength: width, withPad: " ", startingAt: 0))  \(String(topic.partitions).padding(toLength: 5, withPad: " ", startingAt: 0))  \(topic.cleanup.rawValue.padding(toLength: 7, withPad: " ", startingAt: 0))  \(topic.keyedBy.rawValue)\n"
        }
        StandardOutput.write(out)
        return 0
    }
}
