// A worker process for the Kafka tests: joins a consumer group through the real consume loop,
// applies an idempotent handler whose state is a file, and can crash on purpose.
import Runtime

await KafkaProbe.main(CommandLine.arguments)
