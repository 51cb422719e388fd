import CShuzhiData

/// Traditional characters that simplified Chinese never writes, and their simplified forms (績 → 绩, 薦 → 荐), from
/// OpenCC's tables (Scripts/traditional.py). Template sites mirror their pages through a conversion to traditional
/// script, so what they leave in a copied report is often traditional: WebResidue reads text through this table.
public enum TraditionalCharacters {
    /// The common ideograph blocks (U+3400–U+9FFF), where nearly every pair lies: simplified scalar value by
    /// `value − 0x3400`, 0 for a character that is not traditional-only. A dense array, so that the scan of a
    /// simplified text costs one load per character, and reading the embedded table costs a pass over its bytes.
    private static let block = 0x3400..<0xA000
    private static let tables: (dense: [UInt32], rest: [UInt32: UInt32]) = {
        var count = 0
        let base = shuzhi_traditional_bytes(&count)!
        var dense = [UInt32](repeating: 0, count: block.count)
        var rest: [UInt32: UInt32] = [:]
        // `traditional<TAB>simplified<LF>`, one scalar each, decoded straight from the UTF-8 bytes.
        UTF8Lines(UnsafeBufferPointer(start: base, count: count)).forEachPair { from, to in
            if block.contains(Int(from)) { dense[Int(from) - block.lowerBound] = to } else { rest[from] = to }
        }
        return (dense, rest)
    }()

    /// The simplified form of a traditional-only character, or nil.
    public static func simplified(_ v: UInt32) -> UInt32? {
        guard v >= 0x3400 else { return nil }
        if block.contains(Int(v)) {
            let to = tables.dense[Int(v) - block.lowerBound]
            return to == 0 ? nil : to
        }
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

/// Lines of `a<TAB>b` where a and b are one scalar each, read from UTF-8 bytes without building strings.
private struct UTF8Lines {
    let bytes: UnsafeBufferPointer<UInt8>
    init(_ bytes: UnsafeBufferPointer<UInt8>) { self.bytes = bytes }

    func forEachPair(_ body: (UInt32, UInt32) -> Void) {
        var i = 0
        while i < bytes.count {
            let lineEnd = bytes[i...].firstIndex(of: 0x0A) ?? bytes.count
            var j = i
            if let a = scalar(&j, lineEnd), j < lineEnd, bytes[j] == 0x09 {
                j += 1
                if let b = scalar(&j, lineEnd), j == lineEnd { body(a, b) }
            }
            i = lineEnd + 1
        }
    }

    /// Decodes one UTF-8 scalar at `i` (advancing past it), or nil on a malformed one.
    private func scalar(_ i: inout Int, _ end: Int) -> UInt32? {
        guard i < end else { return nil }
        let lead = bytes[i]
        let length = lead < 0x80 ? 1 : lead >> 5 == 0b110 ? 2 : lead >> 4 == 0b1110 ? 3 : lead >> 3 == 0b11110 ? 4 : 0
        guard length > 0, i + length <= end else { return nil }
        var v = length == 1 ? UInt32(lead) : UInt32(lead) & (0x7F >> UInt32(length))
        for k in 1..<length { v = v << 6 | UInt32(bytes[i + k] & 0x3F) }
        i += length
        return v
    }
}
