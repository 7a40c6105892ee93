import Contracts
import NotificationCore
import Testing

@Test func notification_subscribesOnlyToRegisteredNonDeadLetterTopics() {
    #expect(!NotificationSubscriptions.topics.isEmpty)
    for topic in NotificationSubscriptions.topics {
        #expect(Topics.named(topic.name) == topic)
        #expect(!topic.isDeadLetter)
    }
}
