/// `--name value` flags of a subcommand, with every unknown flag or missing value reported.
struct Arguments {
    private var values: [String: String] = [:]
    private(set) var problems: [String] = []
    private let allowed: Set<String>

    init(_ arguments: ArraySlice<String>, allowed: Set<String>, switches: Set<String> = []) {
        self.allowed = allowed.union(switches)
        var iterator = arguments.makeIterator()
        while let argument = iterator.next() {
            guard argument.hasPrefix("--"), self.allowed.contains(argument) else {
                problems.append("unknown option \(argument)")
                continue
            }
            if switches.contains(argument) {
                values[argument] = "true"
            } else if let value = iterator.next() {
                values[argument] = value
            } else {
                problems.append("\(argument) needs a value")
            }
        }
    }

    subscript(_ name: String) -> String? { values[name] }

    func flag(_ name: String) -> Bool { values[name] == "true" }

    mutating func int(_ name: String, default fallback: Int, range: ClosedRange<Int>) -> Int {
        guard let text = values[name] else { return fallback }
        guard let value = Int(text), range.contains(value) else {
            problems.append("\(name) must be an integer in \(range.lowerBound)...\(range.upperBound), got \(text)")
            return fallback
        }
        return value
    }
}
