import Contracts
import AnalyticsCore
import Testing

@Test func analytics_subscribesOnlyToRegisteredNonDeadLetterTopics() {
    #expect(!AnalyticsSubscriptions.topics.isEmpty)
    for topic in AnalyticsSubscriptions.topics {
        #expect(Topics.named(topic.name) == topic)
        #expect(!topic.isDeadLetter)
    }
}
