/// A step of a coding path that is not one of a type's own keys: an array index ("Index 2", as
/// Foundation names it), an object key read from the document, or `super`. Used by the wire's
/// streaming encoder and indexed decoder.
struct WireCodingKey: CodingKey {
    let stringValue: String
    let intValue: Int?

    init(stringValue: String) {
        self.stringValue = stringValue
        intValue = nil
    }

    init(intValue: Int) {
        stringValue = "Index \(intValue)"
        self.intValue = intValue
    }

    static let superKey = WireCodingKey(stringValue: "super")
}
