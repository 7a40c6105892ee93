import Testing
import Contracts

@Suite struct TopicRegistryTests {
    @Test func everyTopicName_followsDomainKindVersion() throws {
        let pattern = try Regex(#"^[a-z]+\.[a-z-]+\.v[0-9]+(\.dlq)?$"#)
        for topic in Topics.all {
            #expect(topic.name.wholeMatch(of: pattern) != nil, "\(topic.name)")
        }
    }

    @Test func topicNames_areUnique() {
        let names = Topics.all.map(\.name)
        #expect(Set(names).count == names.count)
    }

    @Test func everyTopic_hasADeadLetterCompanion() {
        let byName = Dictionary(uniqueKeysWithValues: Topics.all.map { ($0.name, $0) })
        for topic in Topics.all where !topic.isDeadLetter {
            let dlq = byName[topic.name + ".dlq"]
            #expect(dlq != nil, "\(topic.name) has no .dlq")
            #expect(dlq?.isDeadLetter == true)
            #expect(dlq?.cleanup == .delete)
            #expect((1...3).contains(dlq?.partitions ?? 0))
            #expect(dlq?.keyedBy == topic.keyedBy)
        }
        #expect(Topics.all.filter(\.isDeadLetter).count * 2 == Topics.all.count)
    }

    @Test func everyTopic_hasPartitionsAndASummary() {
        for topic in Topics.all {
            #expect(topic.partitions > 0, "\(topic.name)")
            #expect(!topic.summary.isEmpty, "\(topic.name)")
        }
    }

    /// Compaction keeps only the latest message per key, so only a topic that holds state (not a
    /// stream of changes) may be compacted, and it must never expire.
    @Test func compactedTopics_areStateTopicsKeptForever() {
        for topic in Topics.all where topic.cleanup == .compact {
            #expect(topic.retention == .forever, "\(topic.name)")
            #expect(topic.name.contains(".events.") || topic.name.contains(".snapshots."), "\(topic.name)")
        }
    }

    @Test func eventTopics_areKeptForever_becauseStateIsFoldedFromThem() {
        for topic in Topics.all where topic.name.contains(".events.") && !topic.isDeadLetter {
            #expect(topic.retention == .forever, "\(topic.name)")
        }
    }

    @Test func typedTopics_agreeWithTheRegistry() {
        #expect(Topics.inventoryCommands.dlqName == "inventory.commands.v1.dlq")
        #expect(Topics.named("inventory.commands.v1.dlq") == Topics.inventoryCommands.dlq)
        #expect(Topics.named("inventory.events.v1") == Topics.inventoryEvents.erased)
        #expect(Topics.named("inventory.inbound.v1")?.keyedBy == .sku)
        #expect(Topics.named("nope.events.v1") == nil)
    }

    @Test func providesKafkaTopicConfigs() {
        #expect(Topics.catalogEvents.erased.configs == ["cleanup.policy": "compact", "retention.ms": "-1"])
        #expect(Topics.inventoryCommands.erased.configs == ["cleanup.policy": "delete", "retention.ms": "604800000"])
    }
}
