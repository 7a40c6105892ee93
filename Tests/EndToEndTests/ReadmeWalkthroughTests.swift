import Foundation
import Testing
import TestSupport

extension PlatformTests {
/// The README's "Using it" commands, run as a new user would paste them (with the test platform's
/// port for 8080), so the walkthrough stays true: sign in, search, quote, order through a shop,
/// and the supplier's warehouse finding the order and shipping it.
@Suite struct ReadmeWalkthroughTests {
    /// The `sh` blocks between "## Using it" and the next section.
    static func walkthroughBlocks() throws -> [String] {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../../README.md")
        let readme = try String(contentsOf: url.standardizedFileURL, encoding: .utf8)
        let start = try #require(readme.range(of: "## Using it"))
        let end = try #require(readme.range(of: "### Public API", range: start.upperBound..<readme.endIndex))
        let section = readme[start.upperBound..<end.lowerBound]
        return section.components(separatedBy: "```sh\n").dropFirst().map { $0.components(separatedBy: "```")[0] }
    }

    @Test func theUsingItCommands_workAsWritten() async throws {
        let blocks = try Self.walkthroughBlocks()
        try #require(blocks.count == 3, "sign-in and search; an order; the warehouse shipping it")
        let platform = try await DevPlatform.start()
        let api = GatewayClient(port: platform.httpPort)
        // Run where `.tradeflow/` is, as the README says: here, the test platform's directory.
        let home = try TemporaryDirectory(prefix: "readme")
        defer { home.remove() }
        try FileManager.default.createSymbolicLink(at: home.url.appendingPathComponent(".tradeflow"),
                                                   withDestinationURL: platform.directory.url)
        func run(_ script: String) async throws -> String {
            let file = home.url.appendingPathComponent("step.sh")
            let pointed = script.replacingOccurrences(of: "G=http://127.0.0.1:8080", with: "G=http://127.0.0.1:\(platform.httpPort)")
            try Data(("set -euo pipefail\ncd '\(home.url.path)'\n" + pointed).utf8).write(to: file)
            let result = try await runTool("/bin/bash", [file.path], timeout: .seconds(60))
            #expect(result.code == 0, "\(pointed)\n\(result.output)")
            return result.output
        }

        // The blocks share one shell in the README: each step here carries the lines before it.
        let searched = try await run(blocks[0])
        #expect(searched.contains(#""items":["#) && searched.contains(#""quote":{"#), "\(searched)")
        let ordered = try await run(blocks[0] + blocks[1] + "echo \"ORDER=$ORDER\"\n")
        let order = try #require(ordered.components(separatedBy: "ORDER=").last?.trimmingCharacters(in: .whitespacesAndNewlines))
        #expect(ordered.contains(#""order":"\#(order)""#), "\(ordered)")

        // "A moment later": the order confirmed, so on the warehouse's desk.
        let buyer = try await api.login("metro.buyer")
        #expect(await SagaFlowTests().status(api, buyer, order, becomes: "confirmed")["status"] as? String == "confirmed")
        let shipped = try await run(blocks[0] + blocks[2])
        #expect(shipped.contains(#""order":"\#(order)""#), "the desk's newest sub-order to ship is the order just placed: \(shipped)")
        // The sub-order as the warehouse reads it, then as its shipment answers.
        #expect(shipped.contains(#""orderStatus":"confirmed""#) && shipped.contains(#""buyer":"#), "\(shipped)")
        #expect(shipped.contains(#""trackingNumber":"SF1234567890""#) && shipped.contains(#""status":"shipped""#), "\(shipped)")
        _ = await platform.interrupt()
    }
}
}
