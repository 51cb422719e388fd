import CShuzhiData

/// Traditional characters that simplified Chinese never writes, and their simplified forms (績 → 绩, 薦 → 荐), from
/// OpenCC's tables (Scripts/traditional.py). Template sites mirror their pages through a conversion to traditional
/// script, so what they leave in a copied report is often traditional: WebResidue reads text through this table.
public enum TraditionalCharacters {
    /// The common ideograph blocks (U+3400–U+9FFF), where nearly every pair lies: simplified scalar value by
    /// `value − 0x3400`, 0 for a character that is not traditional-only. A dense array, so that the scan of a
    /// simplified text costs one load per character, and reading the embedded table costs a pass over its bytes.
    private static let block = 0x3400..<0xA000
    /// `dense` maps the block's characters; `rest` the few others, and `restPages` marks the 256-scalar pages that
    /// hold any of them, so that the commonest characters outside the block — full-width punctuation, read once per
    /// character of every check — are answered without hashing.
    private static let tables: (dense: [UInt32], rest: [UInt32: UInt32], restPages: [Bool]) = {
        var count = 0
        let base = shuzhi_traditional_bytes(&count)!
        var dense = [UInt32](repeating: 0, count: block.count)
        var rest: [UInt32: UInt32] = [:]
        // `traditional<TAB>simplified<LF>`, one scalar each, decoded straight from the UTF-8 bytes (a String and an
        // array of its scalars cost four times as much: a million instructions of every check's start-up).
        let bytes = UnsafeBufferPointer(start: base, count: count)
        func scalar(at i: inout Int) -> UInt32 {
            let lead = UInt32(bytes[i])
            let length = lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4
            var v = length == 1 ? lead : lead & (0x7F >> UInt32(length))
            for k in 1..<max(length, 1) where i + k < bytes.count { v = v << 6 | UInt32(bytes[i + k] & 0x3F) }
            i += length
            return v
        }
        var start = 0
        while start < bytes.count {
            var end = start
            while end < bytes.count, bytes[end] != 0x0A { end += 1 }
            var i = start
            if i < end {
                let from = scalar(at: &i)
                if i < end, bytes[i] == 0x09 {
                    i += 1
                    if i < end {
                        let to = scalar(at: &i)
                        if i == end {
                            if block.contains(Int(from)) { dense[Int(from) - block.lowerBound] = to } else { rest[from] = to }
                        }
                    }
                }
            }
            start = end + 1
        }
        var pages = [Bool](repeating: false, count: 0x110000 >> 8)
        for key in rest.keys { pages[Int(key >> 8)] = true }
        return (dense, rest, pages)
    }()

    /// The simplified form of a traditional-only character, or nil.
    public static func simplified(_ v: UInt32) -> UInt32? {
        guard v >= 0x3400 else { return nil }
        if block.contains(Int(v)) {
            let to = tables.dense[Int(v) - block.lowerBound]
            return to == 0 ? nil : to
        }
        guard v < 0x110000, tables.restPages[Int(v >> 8)] else { return nil }
        return tables.rest[v]
    }

    /// The text with every traditional-only character simplified (one scalar for one, so ranges stay valid), and how
    /// many were changed.
    public static func simplify(_ s: [Unicode.Scalar]) -> (text: [Unicode.Scalar], changed: Int) {
        var out = s, changed = 0
        for i in out.indices {
            if let v = simplified(out[i].value), let scalar = Unicode.Scalar(v) { out[i] = scalar; changed += 1 }
        }
        return (out, changed)
    }
}
