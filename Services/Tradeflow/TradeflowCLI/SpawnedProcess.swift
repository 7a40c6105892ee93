import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A child started with `posix_spawn` in a process group of its own, so a Ctrl-C in the terminal
/// reaches only the supervisor, which then stops children in order instead of racing them.
/// Output goes to a log file (appended across restarts).
struct SpawnedProcess: Sendable {
    let pid: pid_t

    enum SpawnError: Error, CustomStringConvertible {
        case failed(String, Int32)
        var description: String {
            switch self {
            case .failed(let path, let code): "cannot start \(path): \(String(cString: strerror(code)))"
            }
        }
    }

    static func spawn(executable: String, arguments: [String] = [], environment: [String: String],
                      logFile: String) throws -> SpawnedProcess {
        var fileActions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&fileActions)
        defer { posix_spawn_file_actions_destroy(&fileActions) }
        posix_spawn_file_actions_addopen(&fileActions, 1, logFile, O_WRONLY | O_CREAT | O_APPEND, 0o644)
        posix_spawn_file_actions_adddup2(&fileActions, 1, 2)
        posix_spawn_file_actions_addopen(&fileActions, 0, "/dev/null", O_RDONLY, 0)

        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        posix_spawnattr_setpgroup(&attributes, 0)
        // Reset signal dispositions the supervisor changed (it ignores SIGINT/SIGTERM to handle them).
        var defaults = sigset_t()
        sigemptyset(&defaults)
        sigaddset(&defaults, SIGINT)
        sigaddset(&defaults, SIGTERM)
        sigaddset(&defaults, SIGPIPE)
        posix_spawnattr_setsigdefault(&attributes, &defaults)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETPGROUP | POSIX_SPAWN_SETSIGDEF))

        let argv = ([executable] + arguments).map { strdup($0) } + [nil]
        let envp = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer {
            argv.forEach { free($0) }
            envp.forEach { free($0) }
        }
        var pid: pid_t = 0
        let result = posix_spawn(&pid, executable, &fileActions, &attributes, argv, envp)
        guard result == 0 else { throw SpawnError.failed(executable, result) }
        return SpawnedProcess(pid: pid)
    }

    func signal(_ number: Int32) { kill(pid, number) }

    /// Blocks (call on a dedicated thread) until the child exits; returns a readable reason.
    func waitForExit() -> ExitStatus {
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 {
            if errno != EINTR { return ExitStatus(code: nil, signal: nil) }
        }
        let signalNumber = status & 0x7f
        return signalNumber == 0 ? ExitStatus(code: (status >> 8) & 0xff, signal: nil) : ExitStatus(code: nil, signal: signalNumber)
    }

    struct ExitStatus: Sendable, CustomStringConvertible {
        let code: Int32?
        let signal: Int32?
        var description: String {
            if let signal { return "killed by signal \(signal) (\(String(cString: strsignal(signal))))" }
            return "exited with code \(code.map(String.init) ?? "?")"
        }
    }
}
