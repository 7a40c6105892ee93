import Foundation

/// A throwaway certificate authority and a server certificate it signed, made with the `openssl`
/// command-line tool (independent of our TLS code) for HTTPS tests. Short-lived P-256 keys: cheap
/// to make, so every test gets its own. Also an unrelated second CA, to play the untrusted one.
public struct TestCertificates: Sendable {
    public let caFile: String
    public let otherCAFile: String
    public let certificateFile: String
    public let keyFile: String

    public struct OpenSSLFailure: Error, CustomStringConvertible {
        public let description: String
    }

    /// Files in `directory`; the server certificate names `subjectAltNames` ("DNS:localhost").
    public init(in directory: URL, subjectAltNames: [String] = ["DNS:localhost"]) throws {
        func path(_ name: String) -> String { directory.appendingPathComponent(name).path }
        caFile = path("ca.pem")
        otherCAFile = path("other-ca.pem")
        certificateFile = path("server.pem")
        keyFile = path("server.key")
        let key = ["-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes"]
        for (name, subject) in [("ca", "Tradeflow Test CA"), ("other-ca", "Somebody Else's CA")] {
            try Self.openssl(["req", "-x509"] + key + ["-keyout", path("\(name).key"), "-out", path("\(name).pem"),
                              "-days", "2", "-subj", "/CN=\(subject)",
                              "-addext", "basicConstraints=critical,CA:TRUE",
                              "-addext", "keyUsage=critical,keyCertSign,cRLSign"])
        }
        try Self.openssl(["req"] + key + ["-keyout", keyFile, "-out", path("server.csr"), "-subj", "/CN=tradeflow test server"])
        let extensions = "subjectAltName=\(subjectAltNames.joined(separator: ","))\nbasicConstraints=CA:FALSE\n"
            + "extendedKeyUsage=serverAuth\n"
        try extensions.write(toFile: path("server.ext"), atomically: true, encoding: .utf8)
        try Self.openssl(["x509", "-req", "-in", path("server.csr"), "-CA", caFile, "-CAkey", path("ca.key"),
                          "-CAcreateserial", "-out", certificateFile, "-days", "2", "-extfile", path("server.ext")])
    }

    private static func openssl(_ arguments: [String]) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["openssl"] + arguments
        let errors = Pipe()
        process.standardError = errors
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        let output = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw OpenSSLFailure(description: "openssl \(arguments.first ?? "") failed: \(String(decoding: output, as: UTF8.self))")
        }
    }
}
