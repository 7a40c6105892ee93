import Contracts

extension AuditInput {
    /// One Kafka record as read (value bytes as produced). Decodes it with its topic's family;
    /// a record that fails to decode is counted with its reason (the check `events-decoded`).
    /// Records of topics outside `AuditInput.topics` are counted as ignored.
    public mutating func observeRecord(topic: String, partition: Int32, offset: Int64, value: [UInt8]) {
        let position = RecordPosition(topic: topic, partition: partition, offset: offset)
        do throws(WireFormatError) {
            switch topic {
            case Topics.orderEvents.name:
                observe(try WireFormat.decode(value, as: OrderEvent.self), at: position)
            case Topics.inventoryEvents.name:
                observe(try WireFormat.decode(value, as: InventoryEvent.self), at: position)
            case Topics.paymentEvents.name:
                observe(try WireFormat.decode(value, as: PaymentEvent.self), at: position)
            default:
                ignoredRecords += 1
            }
        } catch {
            recordUndecodable(at: position, reason: error.reason)
        }
    }
}
