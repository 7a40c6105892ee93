import Contracts

extension AuditInput {
    /// One Kafka record as read (value bytes as produced). Decodes it with its topic's family;
    /// a record that fails to decode is counted with its reason (the check `events-decoded`).
    /// Records of topics outside `AuditInput.topics` are counted as ignored.
    public mutating func observeRecord(topic: String, partition: Int32, offset: Int64, value: [UInt8]) {
        let position = RecordPosition(topic: topic, partition: partition, offset: offset)
        // Before decoding: an undecodable first record still marks where the partition's window starts.
        if Self.topics.contains(where: { $0.name == topic }) { windows.sight(position, at: nil) }
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

    /// Where `topic[partition]`'s retained history starts (its log start offset, the low
    /// watermark), before or after its records. Above 0 the partition is partial: retention
    /// deleted its beginning, and the checks judge only what the retained window can prove. A
    /// partition whose first record read is above offset 0 is partial even without this call.
    public mutating func observePartitionStart(topic: String, partition: Int32, logStart: Int64) {
        guard Self.topics.contains(where: { $0.name == topic }) else { return }
        windows.start(topic: topic, partition: partition, logStart: logStart)
    }
}
