/// A minimal, strict pull scanner for the XML inside OOXML parts. It keeps byte offsets for every tag and text run, so
/// a paragraph or run can be found again and edited in place later; it resolves namespace prefixes so `w:p` is
/// recognised whatever the prefix. It never expands DTD entities (no entity-expansion attacks).
struct XMLScanner {
    struct Tag {
        /// Namespace URI of the element, nil when unbound.
        let namespace: String?
        let localName: String
        /// Byte range of the whole tag, `<` to `>`.
        let range: Range<Int>
        let isSelfClosing: Bool
        fileprivate let attributeRange: Range<Int>
    }

    enum Event {
        case start(Tag)
        case end(namespace: String?, localName: String, range: Range<Int>)
        /// Character data with entity references still encoded.
        case text(Range<Int>)
        /// The content of a CDATA section.
        case cdata(Range<Int>)
    }

    struct Failure: Error {
        let offset: Int
        let reason: String
    }

    let bytes: [UInt8]
    private(set) var position = 0
    private var open: [(name: Range<Int>, declaredPrefixes: Int)] = []
    private var bindings: [(prefix: String, uri: String)] = [("xml", "http://www.w3.org/XML/1998/namespace")]
    private var pendingEnd: (namespace: String?, localName: String, range: Range<Int>)?

    init(_ bytes: [UInt8]) {
        self.bytes = bytes
        // A UTF-8 byte order mark may precede the declaration.
        if bytes.count >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF { position = 3 }
    }

    var depth: Int { open.count }

    mutating func next() throws(Failure) -> Event? {
        if let end = pendingEnd {
            pendingEnd = nil
            popScope()
            return .end(namespace: end.namespace, localName: end.localName, range: end.range)
        }
        let n = bytes.count
        while position < n {
            if bytes[position] != 0x3C {  // text up to the next '<'
                let start = position
                while position < n && bytes[position] != 0x3C { position += 1 }
                if open.isEmpty {
                    // Only whitespace may stand outside the root element.
                    for b in bytes[start..<position] where !(b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0D) {
                        throw Failure(offset: start, reason: "text outside the root element")
                    }
                    continue
                }
                return .text(start..<position)
            }
            let start = position
            guard position + 1 < n else { throw Failure(offset: start, reason: "truncated tag") }
            switch bytes[position + 1] {
            case 0x3F:  // <? ... ?>
                try skip(past: [0x3F, 0x3E], from: start, what: "processing instruction")
            case 0x21:  // <!-- -->, <![CDATA[ ]]>, <!DOCTYPE>
                if matches("<!--", at: start) {
                    try skip(past: Array("-->".utf8), from: start, what: "comment")
                } else if matches("<![CDATA[", at: start) {
                    let contentStart = start + 9
                    try skip(past: Array("]]>".utf8), from: start, what: "CDATA section")
                    return .cdata(contentStart..<(position - 3))
                } else {
                    try skipDeclaration(from: start)
                }
            case 0x2F:  // end tag
                var p = position + 2
                let nameStart = p
                while p < n && !isNameEnd(bytes[p]) { p += 1 }
                let name = nameStart..<p
                while p < n && isSpace(bytes[p]) { p += 1 }
                guard p < n, bytes[p] == 0x3E else { throw Failure(offset: start, reason: "malformed end tag") }
                position = p + 1
                guard let top = open.last, bytes[top.name] == bytes[name] else {
                    throw Failure(offset: start, reason: "end tag does not match its start tag")
                }
                let (ns, local) = resolve(name, isAttribute: false)
                popScope()
                return .end(namespace: ns, localName: local, range: start..<position)
            default:
                return .start(try startTag(at: start))
            }
        }
        if !open.isEmpty { throw Failure(offset: n, reason: "the document ends inside an element (truncated)") }
        return nil
    }

    /// The attributes of a start tag as (namespace, local name, raw value range) triples.
    func attributes(of tag: Tag) -> [(namespace: String?, localName: String, value: Range<Int>)] {
        var result: [(String?, String, Range<Int>)] = []
        forEachAttribute(in: tag.attributeRange) { name, value in
            let qualified = bytes[name]
            if qualified.starts(with: Array("xmlns".utf8)) { return }
            let (ns, local) = resolve(name, isAttribute: true)
            result.append((ns, local, value))
        }
        return result
    }

    /// The decoded value of the attribute with this local name (any namespace), or nil.
    func attribute(_ localName: String, of tag: Tag) throws(Failure) -> String? {
        for a in attributes(of: tag) where a.localName == localName {
            return String(String.UnicodeScalarView(try Self.decode(bytes, a.value)))
        }
        return nil
    }

    /// Decodes character data: UTF-8 plus the five predefined entities and character references.
    /// The byte in `range` (character data) where its scalar number `k` starts, counting as `decode` does: an entity
    /// reference or a UTF-8 sequence is one scalar.
    static func byteOffset(ofScalar k: Int, in bytes: [UInt8], _ range: Range<Int>) -> Int {
        var i = range.lowerBound, n = 0
        while i < range.upperBound && n < k {
            let b = bytes[i]
            if b == 0x26 {
                while i < range.upperBound && bytes[i] != 0x3B { i += 1 }
                i += 1
            } else {
                i += b < 0x80 ? 1 : b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : 2
            }
            n += 1
        }
        return min(i, range.upperBound)
    }

    static func decode(_ bytes: [UInt8], _ range: Range<Int>) throws(Failure) -> [Unicode.Scalar] {
        var out: [Unicode.Scalar] = []
        out.reserveCapacity(range.count)
        var i = range.lowerBound
        while i < range.upperBound {
            let b = bytes[i]
            if b == 0x26 {  // &
                var j = i + 1
                while j < range.upperBound && bytes[j] != 0x3B && j - i < 12 { j += 1 }
                guard j < range.upperBound, bytes[j] == 0x3B else { throw Failure(offset: i, reason: "bad entity reference") }
                let name = String(decoding: bytes[(i + 1)..<j], as: UTF8.self)
                let scalar: Unicode.Scalar?
                switch name {
                case "amp": scalar = "&"
                case "lt": scalar = "<"
                case "gt": scalar = ">"
                case "quot": scalar = "\""
                case "apos": scalar = "'"
                default:
                    if name.hasPrefix("#x") || name.hasPrefix("#X") {
                        scalar = UInt32(name.dropFirst(2), radix: 16).flatMap(Unicode.Scalar.init)
                    } else if name.hasPrefix("#") {
                        scalar = UInt32(name.dropFirst(1)).flatMap(Unicode.Scalar.init)
                    } else {
                        scalar = nil
                    }
                }
                guard let scalar else { throw Failure(offset: i, reason: "unknown entity &\(name);") }
                out.append(scalar)
                i = j + 1
                continue
            }
            if b < 0x80 {
                out.append(Unicode.Scalar(b))
                i += 1
                continue
            }
            var need = 0, v: UInt32 = 0
            if b & 0xE0 == 0xC0 {
                need = 1; v = UInt32(b & 0x1F)
            } else if b & 0xF0 == 0xE0 {
                need = 2; v = UInt32(b & 0x0F)
            } else if b & 0xF8 == 0xF0 {
                need = 3; v = UInt32(b & 0x07)
            } else {
                throw Failure(offset: i, reason: "invalid UTF-8")
            }
            guard i + need < range.upperBound else { throw Failure(offset: i, reason: "invalid UTF-8") }
            for k in 1...need {
                let c = bytes[i + k]
                guard c & 0xC0 == 0x80 else { throw Failure(offset: i, reason: "invalid UTF-8") }
                v = v << 6 | UInt32(c & 0x3F)
            }
            guard let s = Unicode.Scalar(v) else { throw Failure(offset: i, reason: "invalid UTF-8") }
            out.append(s)
            i += need + 1
        }
        return out
    }

    // MARK: - Internals

    private mutating func startTag(at start: Int) throws(Failure) -> Tag {
        let n = bytes.count
        var p = start + 1
        let nameStart = p
        while p < n && !isNameEnd(bytes[p]) { p += 1 }
        let name = nameStart..<p
        guard !name.isEmpty else { throw Failure(offset: start, reason: "malformed start tag") }
        let attributeStart = p
        var quote: UInt8 = 0
        while p < n {
            let b = bytes[p]
            if quote != 0 {
                if b == quote { quote = 0 }
            } else if b == 0x22 || b == 0x27 {
                quote = b
            } else if b == 0x3E || b == 0x3C {
                break
            }
            p += 1
        }
        guard p < n, bytes[p] == 0x3E else { throw Failure(offset: start, reason: "unterminated start tag") }
        let selfClosing = bytes[p - 1] == 0x2F && p - 1 >= attributeStart
        let attributeRange = attributeStart..<(selfClosing ? p - 1 : p)
        position = p + 1
        // Namespace declarations on this element are in scope for its name and its content.
        var declarations: [(prefix: String, uri: String)] = []
        var malformed = false
        Self.forEachAttribute(bytes, in: attributeRange, malformed: &malformed) { aName, value in
            let q = bytes[aName]
            guard q.starts(with: Array("xmlns".utf8)) else { return }
            let uri = String(decoding: bytes[value], as: UTF8.self)
            if q.count == 5 {
                declarations.append(("", uri))
            } else if q.count > 6, q[q.startIndex + 5] == 0x3A {
                declarations.append((String(decoding: q.dropFirst(6), as: UTF8.self), uri))
            }
        }
        if malformed { throw Failure(offset: start, reason: "malformed attribute") }
        bindings.append(contentsOf: declarations)
        open.append((name, declarations.count))
        let (ns, local) = resolve(name, isAttribute: false)
        if selfClosing { pendingEnd = (ns, local, position..<position) }
        return Tag(
            namespace: ns, localName: local, range: start..<position, isSelfClosing: selfClosing,
            attributeRange: attributeRange)
    }

    private mutating func popScope() {
        guard let top = open.popLast() else { return }
        if top.declaredPrefixes > 0 { bindings.removeLast(top.declaredPrefixes) }
    }

    private func resolve(_ name: Range<Int>, isAttribute: Bool) -> (String?, String) {
        var colon = -1
        for i in name where bytes[i] == 0x3A { colon = i; break }
        if colon < 0 {
            let local = String(decoding: bytes[name], as: UTF8.self)
            if isAttribute { return (nil, local) }
            return (bindings.last(where: { $0.prefix.isEmpty })?.uri, local)
        }
        let prefix = String(decoding: bytes[name.lowerBound..<colon], as: UTF8.self)
        let local = String(decoding: bytes[(colon + 1)..<name.upperBound], as: UTF8.self)
        return (bindings.last(where: { $0.prefix == prefix })?.uri, local)
    }

    private func forEachAttribute(in range: Range<Int>, _ body: (Range<Int>, Range<Int>) -> Void) {
        var ignored = false
        Self.forEachAttribute(bytes, in: range, malformed: &ignored, body)
    }

    private static func forEachAttribute(
        _ bytes: [UInt8], in range: Range<Int>, malformed: inout Bool,
        _ body: (Range<Int>, Range<Int>) -> Void
    ) {
        var p = range.lowerBound
        let end = range.upperBound
        while p < end {
            while p < end && isXMLSpace(bytes[p]) { p += 1 }
            if p >= end { break }
            let nameStart = p
            while p < end && bytes[p] != 0x3D && !isXMLSpace(bytes[p]) { p += 1 }
            let name = nameStart..<p
            while p < end && isXMLSpace(bytes[p]) { p += 1 }
            guard p < end, bytes[p] == 0x3D else { malformed = true; return }
            p += 1
            while p < end && isXMLSpace(bytes[p]) { p += 1 }
            guard p < end, bytes[p] == 0x22 || bytes[p] == 0x27 else { malformed = true; return }
            let quote = bytes[p]
            let valueStart = p + 1
            p += 1
            while p < end && bytes[p] != quote { p += 1 }
            guard p < end else { malformed = true; return }
            body(name, valueStart..<p)
            p += 1
        }
    }

    private mutating func skip(past terminator: [UInt8], from start: Int, what: String) throws(Failure) {
        var p = position + 2
        let n = bytes.count
        while p + terminator.count <= n {
            if bytes[p] == terminator[0] && bytes[p..<(p + terminator.count)].elementsEqual(terminator) {
                position = p + terminator.count
                return
            }
            p += 1
        }
        throw Failure(offset: start, reason: "unterminated \(what)")
    }

    /// Skips `<!DOCTYPE …>` including an internal subset in brackets, without interpreting it.
    private mutating func skipDeclaration(from start: Int) throws(Failure) {
        var p = position + 2
        var bracket = 0
        var quote: UInt8 = 0
        while p < bytes.count {
            let b = bytes[p]
            if quote != 0 {
                if b == quote { quote = 0 }
            } else if b == 0x22 || b == 0x27 {
                quote = b
            } else if b == 0x5B {
                bracket += 1
            } else if b == 0x5D {
                bracket -= 1
            } else if b == 0x3E && bracket <= 0 {
                position = p + 1; return
            }
            p += 1
        }
        throw Failure(offset: start, reason: "unterminated declaration")
    }

    private func matches(_ s: String, at p: Int) -> Bool {
        let u = Array(s.utf8)
        return p + u.count <= bytes.count && bytes[p..<(p + u.count)].elementsEqual(u)
    }

    @inline(__always) private func isSpace(_ b: UInt8) -> Bool { isXMLSpace(b) }
    @inline(__always) private func isNameEnd(_ b: UInt8) -> Bool { isSpace(b) || b == 0x3E || b == 0x2F || b == 0x3C }
}

@inline(__always) private func isXMLSpace(_ b: UInt8) -> Bool { b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0D }
