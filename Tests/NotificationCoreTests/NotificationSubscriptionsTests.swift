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

/// The router's memory (open orders, from order events) is rebuilt after a restart only from the
/// topics listed as remembered; invoices are payment's to remember.
@Test func relay_remembersFromTheOrderTopicOnly() {
    let remembered = Set(NotificationSubscriptions.relayRememberedTopics.map(\.name))
    #expect(remembered == [Topics.orderEvents.name])
    #expect(remembered.isSubset(of: NotificationSubscriptions.relayTopics.map(\.name)))
}
