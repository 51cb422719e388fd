import CShuzhiData

/// Traditional characters that simplified Chinese never writes, and their simplified forms (績 → 绩, 薦 → 荐), from
/// OpenCC's tables (Scripts/traditional.py). Template sites mirror their pages through a conversion to traditional
/// script, so what they leave in a copied report is often traditional: WebResidue reads text through this table.
public enum TraditionalCharacters {
    /// Scalar value → simplified scalar value; read once from the embedded table.
    private static let table: [UInt32: UInt32] = {
        var count = 0
        let base = shuzhi_traditional_bytes(&count)!
        let text = String(decoding: UnsafeBufferPointer(start: base, count: count), as: UTF8.self)
        var out: [UInt32: UInt32] = [:]
        out.reserveCapacity(4_200)
        for line in text.split(separator: "\n") {
            let scalars = Array(line.unicodeScalars)
            if scalars.count == 3 && scalars[1] == "\t" { out[scalars[0].value] = scalars[2].value }
        }
        return out
    }()

    /// One bit per scalar of the common ideograph blocks (U+3400–U+9FFF): whether it is in the table, so that the
    /// scan of a simplified text costs a bit test per character, not a hash lookup.
    private static let marks: [UInt64] = {
        var bits = [UInt64](repeating: 0, count: (0xA000 - 0x3400) / 64)
        for v in table.keys where v >= 0x3400 && v < 0xA000 { bits[Int(v - 0x3400) >> 6] |= 1 << UInt64((v - 0x3400) & 63) }
        return bits
    }()

    /// The simplified form of a traditional-only character, or nil.
    public static func simplified(_ v: UInt32) -> UInt32? {
        guard v >= 0x3400 else { return nil }
        if v < 0xA000 {
            let k = Int(v - 0x3400)
            guard marks[k >> 6] & (1 << UInt64(k & 63)) != 0 else { return nil }
        }
        return table[v]
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
