import Foundation
import Runtime

/// A closed-loop load of catalog reads through the gateway: each of `connections` threads keeps
/// one keep-alive connection busy for `duration`, mixing price quotes and searches.
/// Closed-loop is right for reads (a browsing dealer waits for each page); the order benchmark
/// uses an open loop instead.
struct BrowseLoad {
    let host: String
    let port: Int
    let tokens: [String]
    let skus: [(sku: String, moq: Int64)]
    let keywords: [String]
    let connections: Int
    let duration: Duration
    /// Share of requests that are price quotes (the rest are searches), 0...100.
    let quotePercent: Int

    struct Result {
        var quotes = LatencyRecorder()
        var searches = LatencyRecorder()
        var seconds: Double = 0
    }

    func run() async -> Result {
        let results = Locked(Result())
        let start = ContinuousClock.now
        let deadline = start + duration
        await withTaskGroup(of: Void.self) { group in
            for worker in 0..<connections {
                group.addTask {
                    let local = await onDedicatedThread(name: "bench-\(worker)") { runWorker(worker, deadline: deadline) }
                    results.withLock {
                        $0.quotes.merge(local.quotes)
                        $0.searches.merge(local.searches)
                    }
                }
            }
        }
        var result = results.withLock { $0 }
        result.seconds = (ContinuousClock.now - start).seconds
        return result
    }

    private func runWorker(_ worker: Int, deadline: ContinuousClock.Instant) -> Result {
        let connection = KeepAliveConnection(host: host, port: port)
        var result = Result()
        var random = SystemRandomNumberGenerator()
        var counter = worker
        while ContinuousClock.now < deadline {
            counter += 1
            let token = tokens[counter % tokens.count]
            let isQuote = Int.random(in: 0..<100, using: &random) < quotePercent
            let path: String
            if isQuote {
                let item = skus[Int.random(in: 0..<skus.count, using: &random)]
                path = "/v1/products/\(item.sku)/price?quantity=\(item.moq * Int64.random(in: 1...30, using: &random))"
            } else {
                let keyword = keywords[Int.random(in: 0..<keywords.count, using: &random)]
                let encoded = keyword.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? keyword
                path = "/v1/products?q=\(encoded)&page=1&pageSize=20&inStock=true"
            }
            let request = Array("GET \(path) HTTP/1.1\r\nHost: \(host)\r\nAuthorization: Bearer \(token)\r\n\r\n".utf8)
            let began = ContinuousClock.now
            do {
                let response = try connection.send(request)
                let seconds = (ContinuousClock.now - began).seconds
                if isQuote { result.quotes.record(seconds: seconds, status: response.status) } else { result.searches.record(seconds: seconds, status: response.status) }
            } catch {
                if isQuote { result.quotes.recordError("\(error)") } else { result.searches.recordError("\(error)") }
            }
        }
        return result
    }
}
