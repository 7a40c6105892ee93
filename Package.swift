// swift-tools-version:6.0
// Tradeflow: B2B / S2B2B / S2B2C ordering platform. No package dependencies by design:
// only the toolchain and Debian C libraries (librdkafka) through system-library targets.
import PackageDescription

/// One service = a pure `<Name>Core` library + a thin `<Name>Service` executable.
struct ServiceSpec {
    let name: String        // "Order"
    let executable: String  // "order"
    var coreDependencies: [Target.Dependency] = ["Contracts"]
    var coreExcludes: [String] = []
    var coreTestDependencies: [Target.Dependency] = []
}

let services: [ServiceSpec] = [
    ServiceSpec(name: "Catalog", executable: "catalog", coreExcludes: ["README.md"]),
    ServiceSpec(name: "Order", executable: "order", coreDependencies: ["Contracts", "Packing"]),
    ServiceSpec(name: "Inventory", executable: "inventory", coreDependencies: ["Contracts", "Packing"],
                coreTestDependencies: ["Runtime"]),
    ServiceSpec(name: "Payment", executable: "payment", coreDependencies: ["Contracts", "Packing"],
                coreTestDependencies: ["Runtime"]),
    ServiceSpec(name: "Notification", executable: "notification", coreDependencies: ["Contracts", "Crypto", "Packing"],
                coreTestDependencies: ["TestSupport"]),
    ServiceSpec(name: "Analytics", executable: "analytics", coreDependencies: ["Contracts", "Packing"],
                coreTestDependencies: ["TestSupport", "Runtime"]),
    ServiceSpec(name: "Gateway", executable: "gateway", coreDependencies: ["Contracts", "Crypto", "CatalogCore", "AnalyticsCore"],
                coreExcludes: ["Identity/README.md"]),
]

var targets: [Target] = [
    .systemLibrary(name: "CRdKafka", path: "Shared/CRdKafka", pkgConfig: "rdkafka",
                   providers: [.apt(["librdkafka-dev"])]),
    .systemLibrary(name: "CLinux", path: "Shared/CLinux"),
    .systemLibrary(name: "CCrypto", path: "Shared/CCrypto", pkgConfig: "libcrypto", providers: [.apt(["libssl-dev"])]),
    // libssl for HTTPS webhooks; only Shared/HTTP/TLS touches it.
    .systemLibrary(name: "CSSL", path: "Shared/CSSL", pkgConfig: "libssl", providers: [.apt(["libssl-dev"])]),
    // zlib for `Packing`: quiet state (orders waiting for shipment, finished orders) kept deflated in memory.
    .systemLibrary(name: "CZlib", path: "Shared/CZlib", pkgConfig: "zlib", providers: [.apt(["zlib1g-dev"])]),
    .target(name: "Crypto", dependencies: ["CCrypto"], path: "Shared/Crypto"),
    .target(name: "Packing", dependencies: ["CZlib", "Contracts"], path: "Shared/Packing"),
    .target(name: "Runtime", path: "Shared/Runtime"),
    // Every message is encoded by `StreamingJSONEncoder`, a class whose byte buffer is touched
    // per token: run-time exclusivity checks on it were ~14% of the order service's CPU under load
    // (measured with perf). Contracts is otherwise value types, checked at compile time.
    .target(name: "Contracts", path: "Shared/Contracts", exclude: ["README.md", "asyncapi.json"],
            swiftSettings: [.unsafeFlags(["-enforce-exclusivity=unchecked"])]),
    .target(name: "Kafka", dependencies: ["CRdKafka", "Runtime"], path: "Shared/Kafka"),
    .target(name: "HTTP", dependencies: ["CLinux", "CSSL"], path: "Shared/HTTP"),
    .target(name: "ServiceKit", dependencies: ["Runtime", "Kafka", "HTTP", "Contracts", "CLinux"], path: "Shared/ServiceKit"),
    .target(name: "TestSupport", dependencies: ["Runtime", "Kafka", "Contracts"], path: "Shared/TestSupport"),
    // The invariants `tradeflow verify` checks, as a pure fold of the event topics.
    .target(name: "PlatformAudit", dependencies: ["Contracts"], path: "Services/Tradeflow/PlatformAudit"),
    // The pure parts of `tradeflow reliability`: fuzz cases, poison records, verdicts.
    .target(name: "ReliabilityKit", dependencies: ["Contracts", "Runtime"], path: "Services/Tradeflow/ReliabilityKit"),
    .executableTarget(name: "TradeflowCLI",
                      dependencies: ["ServiceKit", "Kafka", "Contracts", "Runtime", "HTTP", "GatewayCore", "CatalogCore",
                                     "PlatformAudit", "ReliabilityKit"],
                      path: "Services/Tradeflow/TradeflowCLI"),
    // A tiny worker process that the Kafka tests start, kill and restart.
    .executableTarget(name: "KafkaProbe", dependencies: ["Kafka", "Runtime"], path: "Tests/KafkaProbe"),

    .testTarget(name: "ContractsTests", dependencies: ["Contracts", "Runtime", "Crypto"], path: "Tests/ContractsTests",
                resources: [.copy("Fixtures")]),
    .testTarget(name: "PlatformAuditTests", dependencies: ["PlatformAudit", "Contracts"], path: "Tests/PlatformAuditTests"),
    .testTarget(name: "ReliabilityKitTests", dependencies: ["ReliabilityKit", "Contracts", "Runtime"], path: "Tests/ReliabilityKitTests"),
    .testTarget(name: "RuntimeTests", dependencies: ["Runtime"], path: "Tests/RuntimeTests"),
    .testTarget(name: "CryptoTests", dependencies: ["Crypto"], path: "Tests/CryptoTests"),
    .testTarget(name: "PackingTests", dependencies: ["Packing", "Contracts"], path: "Tests/PackingTests"),
    .testTarget(name: "HTTPTests", dependencies: ["HTTP", "TestSupport", "Runtime"], path: "Tests/HTTPTests"),
    .testTarget(name: "KafkaTests", dependencies: ["Kafka", "Runtime", "TestSupport", "KafkaProbe"],
                path: "Tests/KafkaTests"),
    .testTarget(name: "ServiceKitTests", dependencies: ["ServiceKit", "Kafka", "Runtime", "Contracts", "TestSupport"],
                path: "Tests/ServiceKitTests"),
    .testTarget(name: "EndToEndTests",
                dependencies: ["TestSupport", "Contracts", "Kafka", "Runtime", "ServiceKit", "TradeflowCLI"]
                    + services.map { .target(name: "\($0.name)Service") },
                path: "Tests/EndToEndTests"),
]

for service in services {
    targets.append(.target(name: "\(service.name)Core", dependencies: service.coreDependencies,
                           path: "Services/\(service.name)/\(service.name)Core", exclude: service.coreExcludes))
    targets.append(.executableTarget(name: "\(service.name)Service",
                                     dependencies: [.target(name: "\(service.name)Core"), "ServiceKit", "Contracts", "Kafka", "Runtime", "HTTP"],
                                     path: "Services/\(service.name)/\(service.name)Service"))
    targets.append(.testTarget(name: "\(service.name)CoreTests", dependencies: [.target(name: "\(service.name)Core")] + service.coreDependencies
                                   + service.coreTestDependencies,
                               path: "Tests/\(service.name)CoreTests"))
}

let package = Package(
    name: "Tradeflow",
    platforms: [.macOS(.v15)],
    products: services.map { .executable(name: $0.executable, targets: ["\($0.name)Service"]) } + [
        .executable(name: "tradeflow", targets: ["TradeflowCLI"]),
        .executable(name: "kafka-probe", targets: ["KafkaProbe"]),
    ],
    targets: targets,
    swiftLanguageModes: [.v6]
)

// Release builds make the shared libraries' function bodies available to the modules that import
// them, so generic helpers called per message (locks, envelopes, the encoder) are specialised at
// the call site instead of looking up type metadata at run time.
for target in package.targets where target.type == .regular {
    target.swiftSettings = (target.swiftSettings ?? []) + [.unsafeFlags(["-cross-module-optimization"], .when(configuration: .release))]
}
