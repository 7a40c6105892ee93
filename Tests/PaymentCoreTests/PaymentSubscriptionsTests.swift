import Contracts
import PaymentCore
import Testing

@Test func payment_subscribesOnlyToRegisteredNonDeadLetterTopics() {
    #expect(!PaymentSubscriptions.topics.isEmpty)
    for topic in PaymentSubscriptions.topics {
        #expect(Topics.named(topic.name) == topic)
        #expect(!topic.isDeadLetter)
    }
}
