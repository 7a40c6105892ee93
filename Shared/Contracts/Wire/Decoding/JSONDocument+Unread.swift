/// What a strict decode reports: the members of the document the decoder never asked for.
extension JSONDocument {
    /// The first member, in document order, whose value the decoder did not read, with the object
    /// holding it. Members inside an unread one are not looked at: the outer name is the mistake.
    /// Nil when every member was read or reads were not tracked.
    func firstUnreadMember() -> (value: Int32, object: Int32)? {
        guard let membersRead else { return nil }
        return firstUnread(in: 0, membersRead)
    }

    private func firstUnread(in node: Int32, _ read: [Bool]) -> (value: Int32, object: Int32)? {
        let count = nodes[Int(node)].count
        switch kind(node) {
        case .object:
            var key = node + 1
            for _ in 0..<count {
                let value = key + 1
                guard read[Int(value)] else { return (value, node) }
                if let found = firstUnread(in: value, read) { return found }
                key = nodes[Int(value)].next
            }
        case .array:
            var element = node + 1
            for _ in 0..<count {
                if let found = firstUnread(in: element, read) { return found }
                element = nodes[Int(element)].next
            }
        default:
            break
        }
        return nil
    }
}
