/// A `.rels` part read just enough to find a relationship and a free id.
enum Relationships {
    /// The target of the first relationship whose type ends with `typeSuffix`, as written (relative or absolute).
    static func target(in rels: [UInt8], typeSuffix: String) throws(XMLScanner.Failure) -> String? {
        var scanner = XMLScanner(rels)
        while let event = try scanner.next() {
            guard case .start(let tag) = event, tag.localName == "Relationship",
                (try scanner.attribute("Type", of: tag) ?? "").hasSuffix(typeSuffix),
                let target = try scanner.attribute("Target", of: tag)
            else { continue }
            return target
        }
        return nil
    }

    static func freeID(in rels: [UInt8]) -> String {
        let text = String(decoding: rels, as: UTF8.self)
        var n = 1
        while text.contains("Id=\"rIdShuzhi\(n)\"") { n += 1 }
        return "rIdShuzhi\(n)"
    }
}
