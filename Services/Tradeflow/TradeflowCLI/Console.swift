import Runtime

/// Human-readable output of the command-line tool (services log JSON; people read this).
struct Console: Sendable {
    func say(_ text: String) { StandardOutput.write(text + "\n") }
    /// Problems go to stderr, marked so they stand out among normal output.
    func alert(_ text: String) { StandardError.write("tradeflow: !! \(text)") }
}
