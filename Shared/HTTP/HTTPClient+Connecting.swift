import Foundation
#if canImport(Glibc)
import Glibc
#endif

extension HTTPClient {
    /// Every address `host` resolves to (a literal resolves to itself), in resolver order.
    public static func resolve(host: String, port: Int) throws(ClientError) -> [IPAddress] {
        var hints = addrinfo()
        hints.ai_family = AF_UNSPEC
        hints.ai_socktype = Int32(SOCK_STREAM.rawValue)
        var results: UnsafeMutablePointer<addrinfo>?
        let lookup = getaddrinfo(host, String(port), &hints, &results)
        guard lookup == 0, results != nil else {
            throw ClientError(description: "cannot resolve \(host): \(String(cString: gai_strerror(lookup)))")
        }
        defer { freeaddrinfo(results) }
        var addresses: [IPAddress] = []
        var candidate = results
        while let entry = candidate {
            candidate = entry.pointee.ai_next
            guard let raw = entry.pointee.ai_addr.map(UnsafeRawPointer.init) else { continue }
            let address: IPAddress? = switch entry.pointee.ai_family {
            case AF_INET: IPAddress(bytes: withUnsafeBytes(of: raw.load(as: sockaddr_in.self).sin_addr) { Array($0) })
            case AF_INET6: IPAddress(bytes: withUnsafeBytes(of: raw.load(as: sockaddr_in6.self).sin6_addr) { Array($0) })
            default: nil
            }
            if let address, !addresses.contains(address) { addresses.append(address) }
        }
        return addresses
    }

    /// Resolves `host` and connects to the first address that answers.
    static func connect(host: String, port: Int, timeout: Duration) throws(ClientError) -> Int32 {
        try connect(addresses: resolve(host: host, port: port), host: host, port: port, timeout: timeout)
    }

    /// A blocking socket connected to the first of `addresses` that answers, with `timeout` on
    /// connect, every read and every write. `host` only names the target in errors.
    static func connect(addresses: [IPAddress], host: String, port: Int, timeout: Duration) throws(ClientError) -> Int32 {
        var lastError: Int32 = EADDRNOTAVAIL
        for address in addresses {
            let fd = socket(address.isIPv4 ? AF_INET : AF_INET6, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
            guard fd >= 0 else { lastError = errno; continue }
            setTimeouts(fd, timeout)
            if connect(fd, to: address, port: port) == 0 { return fd }
            lastError = errno
            close(fd)
        }
        throw ClientError(description: "cannot connect to \(host):\(port): \(String(cString: strerror(lastError)))")
    }

    private static func connect(_ fd: Int32, to address: IPAddress, port: Int) -> Int32 {
        if address.isIPv4 {
            var v4 = sockaddr_in()
            v4.sin_family = sa_family_t(AF_INET)
            v4.sin_port = UInt16(truncatingIfNeeded: port).bigEndian
            withUnsafeMutableBytes(of: &v4.sin_addr) { $0.copyBytes(from: address.bytes) }
            return withUnsafePointer(to: &v4) {
                $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { Glibc.connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
            }
        }
        var v6 = sockaddr_in6()
        v6.sin6_family = sa_family_t(AF_INET6)
        v6.sin6_port = UInt16(truncatingIfNeeded: port).bigEndian
        withUnsafeMutableBytes(of: &v6.sin6_addr) { $0.copyBytes(from: address.bytes) }
        return withUnsafePointer(to: &v6) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { Glibc.connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in6>.size)) }
        }
    }

    /// SO_RCVTIMEO and SO_SNDTIMEO (on Linux the latter also bounds connect).
    static func setTimeouts(_ fd: Int32, _ timeout: Duration) {
        let microseconds = max(1_000, timeout.components.seconds * 1_000_000 + timeout.components.attoseconds / 1_000_000_000_000)
        var limit = timeval(tv_sec: Int(microseconds / 1_000_000), tv_usec: Int(microseconds % 1_000_000))
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &limit, socklen_t(MemoryLayout<timeval>.size))
        setsockopt(fd, SOL_SOCKET, SO_SNDTIMEO, &limit, socklen_t(MemoryLayout<timeval>.size))
    }

    static func writeAll(_ fd: Int32, _ bytes: [UInt8]) throws(ClientError) {
        var offset = 0
        while offset < bytes.count {
            let written = bytes.withUnsafeBytes { Glibc.send(fd, $0.baseAddress! + offset, $0.count - offset, Int32(MSG_NOSIGNAL)) }
            if written < 0 {
                if errno == EINTR { continue }
                throw ClientError(description: errno == EAGAIN ? "write timed out" : "write failed: \(String(cString: strerror(errno)))")
            }
            offset += written
        }
    }
}
