import Contracts
import OrderCore
import Testing

@Test func order_subscribesOnlyToRegisteredNonDeadLetterTopics() {
    #expect(!OrderSubscriptions.topics.isEmpty)
    for topic in OrderSubscriptions.topics {
        #expect(Topics.named(topic.name) == topic)
        #expect(!topic.isDeadLetter)
    }
}
