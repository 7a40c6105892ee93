import Glibc

/// Why `HTTPServer.start()` failed.
public enum HTTPServerError: Error, Equatable, CustomStringConvertible {
    case alreadyStarted
    case invalidConfiguration(String)
    /// A system call failed; `errno` is the raw value (e.g. `EADDRINUSE` when the port is taken).
    case systemCall(name: String, errno: Int32)

    public var isAddressInUse: Bool {
        if case .systemCall(_, let code) = self { return code == EADDRINUSE }
        return false
    }

    public var description: String {
        switch self {
        case .alreadyStarted: "the server was already started"
        case .invalidConfiguration(let reason): "invalid configuration: \(reason)"
        case .systemCall(let name, let code): SystemCallError(call: name, errno: code).description
        }
    }

    init(_ error: SystemCallError) {
        self = .systemCall(name: error.call, errno: error.errno)
    }
}
