/// Whether a server could listen on a port right now, asked the way the servers bind
/// (`ListeningSocket`, with `SO_REUSEADDR`): a port is taken only by a live listener, not by
/// connections of a stopped one still in TIME_WAIT.
public enum PortProbe {
    public static func isFree(port: Int, host: String) -> Bool {
        guard let (fd, _) = try? ListeningSocket.open(host: host, port: port, backlog: 1) else { return false }
        closeDescriptor(fd)
        return true
    }
}
