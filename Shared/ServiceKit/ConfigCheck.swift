import Foundation
import Runtime

/// `<service> --check-config`: validates the environment without starting anything and prints,
/// as JSON, whether it is valid, every problem, and every variable the service reads. Operators
/// use it to vet a deployment; the test suite uses it to prove the deploy files set only
/// variables the executables really read.
enum ConfigCheck {
    struct Report: Encodable {
        let service: String
        let valid: Bool
        let problems: [String]
        let variablesRead: [String]
    }

    static func report(service: String, env: EnvironmentReader) -> Never {
        var problems: [String] = []
        do {
            try env.validate()
        } catch {
            problems = error.problems
        }
        let report = Report(service: service, valid: problems.isEmpty, problems: problems,
                            variablesRead: Array(Set(env.keysRead)).sorted())
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        let data = (try? encoder.encode(report)) ?? Data()
        StandardOutput.write(String(decoding: data, as: UTF8.self) + "\n")
        exit(problems.isEmpty ? 0 : ServiceMain.configurationExitCode)
    }
}
