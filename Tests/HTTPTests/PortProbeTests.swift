import Glibc
import Testing
@testable import HTTP

@Suite struct PortProbeTests {
    @Test func aPortWithALiveListener_isTaken_andFreeOnceItCloses() throws {
        let (listener, port) = try ListeningSocket.open(host: "127.0.0.1", port: 0, backlog: 4)
        #expect(!PortProbe.isFree(port: port, host: "127.0.0.1"))
        closeDescriptor(listener)
        #expect(PortProbe.isFree(port: port, host: "127.0.0.1"))
    }

    /// A restarted `tradeflow dev` was refused for a minute after a scrape of the old platform: the
    /// probe bound without `SO_REUSEADDR`, which the servers themselves use.
    @Test func aPortWhoseServerClosedAConnectionFirst_isFreeDespiteTimeWait() throws {
        let (listener, port) = try ListeningSocket.open(host: "127.0.0.1", port: 0, backlog: 4)
        let client = try connectLoopback(port: port)
        var accepted: Int32 = -1
        for _ in 0..<200 where accepted < 0 {
            accepted = (try ListeningSocket.accept(from: listener))?.fd ?? -1
            if accepted < 0 { usleep(5_000) }
        }
        #expect(accepted >= 0)
        // The server's side closes first, so the server's port holds a TIME_WAIT connection.
        closeDescriptor(accepted)
        usleep(20_000)
        closeDescriptor(client)
        closeDescriptor(listener)
        #expect(PortProbe.isFree(port: port, host: "127.0.0.1"))
    }

    private func connectLoopback(port: Int) throws -> Int32 {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        #expect(fd >= 0)
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let result = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        #expect(result == 0)
        return fd
    }
}
