/// Chinese numerals as they appear in ordinals: 一 … 九十九, 一百零二; 〇/零 and 两 accepted.
public enum ChineseNumeral {
    @inline(__always)
    public static func digit(_ v: UInt32) -> Int? {
        switch v {
        case 0x3007, 0x96F6: return 0  // 〇 零
        case 0x4E00: return 1  // 一
        case 0x4E8C, 0x4E24: return 2  // 二 两
        case 0x4E09: return 3
        case 0x56DB: return 4
        case 0x4E94: return 5
        case 0x516D: return 6
        case 0x4E03: return 7
        case 0x516B: return 8
        case 0x4E5D: return 9
        default: return nil
        }
    }

    @inline(__always)
    public static func isNumeralCharacter(_ v: UInt32) -> Bool { digit(v) != nil || v == 0x5341 || v == 0x767E }  // 十 百

    /// The value of `scalars[range]`, or nil if it is not a well-formed numeral below 1000.
    public static func value(_ scalars: [Unicode.Scalar], _ range: Range<Int>) -> Int? {
        guard !range.isEmpty, range.count <= 6 else { return nil }
        var total = 0, current = -1
        var lastUnit = Int.max
        for i in range {
            let v = scalars[i].value
            if let d = digit(v) {
                guard current < 0 else { return nil }  // two digits in a row: 一二 is not an ordinal
                current = d
            } else if v == 0x5341 || v == 0x767E {  // 十 百
                let unit = v == 0x5341 ? 10 : 100
                guard unit < lastUnit else { return nil }
                total += (current < 0 ? 1 : current) * unit
                current = -1
                lastUnit = unit
            } else {
                return nil
            }
        }
        if current > 0 { total += current }
        return total > 0 ? total : nil
    }

    /// The Chinese numeral for 1…99, as ordinals are written (十一, 二十).
    public static func string(_ n: Int) -> String {
        let digits = ["", "一", "二", "三", "四", "五", "六", "七", "八", "九"]
        guard n > 0 && n < 100 else { return String(n) }
        if n < 10 { return digits[n] }
        let tens = n / 10, ones = n % 10
        return (tens == 1 ? "" : digits[tens]) + "十" + digits[ones]
    }
}
