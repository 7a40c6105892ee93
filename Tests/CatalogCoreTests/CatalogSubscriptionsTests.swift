import Contracts
import CatalogCore
import Testing

@Test func catalog_subscribesOnlyToRegisteredNonDeadLetterTopics() {
    #expect(!CatalogSubscriptions.topics.isEmpty)
    for topic in CatalogSubscriptions.topics {
        #expect(Topics.named(topic.name) == topic)
        #expect(!topic.isDeadLetter)
    }
}
