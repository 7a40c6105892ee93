import Runtime
import Testing

@Test func reportsEveryBadVariableByName_atOnce() {
    let env = EnvironmentReader(["PORT": "99999", "LEVEL": "loud", "FLAG": "maybe", "COUNT": "ten"])
    _ = env.address("ADDR", default: SocketAddress(host: "0.0.0.0", port: 1))
    _ = env.int("COUNT", default: 1, range: 1...10)
    _ = env.oneOf("LEVEL", default: LogLevel.info)
    _ = env.bool("FLAG", default: false)
    _ = env.requiredString("BOOTSTRAP", hint: "the Kafka servers")
    #expect {
        try env.validate()
    } throws: { error in
        let text = "\(error)"
        return ["COUNT=ten", "LEVEL=loud", "FLAG=maybe", "BOOTSTRAP is required"].allSatisfy(text.contains)
    }
}

@Test func usesDefaults_whenVariablesAreAbsentOrBlank() throws {
    let env = EnvironmentReader(["BLANK": "  "])
    #expect(env.string("BLANK", default: "d") == "d")
    #expect(env.int("MISSING", default: 7, range: 1...10) == 7)
    #expect(env.address("ADDR", default: SocketAddress(host: "127.0.0.1", port: 8080)).port == 8080)
    try env.validate()
    #expect(env.keysRead == ["BLANK", "MISSING", "ADDR"])
}

@Test func parsesAddresses_includingIPv6AndRejectsBadPorts() {
    #expect(SocketAddress(parsing: "0.0.0.0:9090") == SocketAddress(host: "0.0.0.0", port: 9090))
    #expect(SocketAddress(parsing: "[::1]:80") == SocketAddress(host: "::1", port: 80))
    #expect(SocketAddress(parsing: "host:70000") == nil)
    #expect(SocketAddress(parsing: "nohost") == nil)
}
