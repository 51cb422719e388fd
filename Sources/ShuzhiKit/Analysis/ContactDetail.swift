/// Contact details a report has no reason to contain: URLs, e-mail addresses, QQ and WeChat ids, phone numbers.
public struct ContactDetail: Sendable, Equatable {
    public enum Kind: String, Sendable {
        case url, email, qq, wechat, phone

        public var chinese: String {
            switch self {
            case .url: return "网址"
            case .email: return "电子邮箱"
            case .qq: return "QQ 号"
            case .wechat: return "微信号"
            case .phone: return "电话号码"
            }
        }
    }

    public let kind: Kind
    public let range: Range<Int>

    static let topLevelDomains: Set<String> = [
        "com", "cn", "net", "org", "cc", "top", "vip", "xyz", "info", "me", "io", "co", "tv", "wang", "site", "club",
        "edu", "gov", "biz", "pub", "ltd", "shop", "online", "work", "ink", "hk", "tw", "mo",
    ]

    /// Units after which an 11-digit number is an amount, not a mobile number.
    static let units: Set<UInt32> = Set("元万亿个人次吨千米亩户家项件平方公里斤台辆份册套笔".unicodeScalars.map(\.value))

    /// All contact details in `range`, in order, not overlapping.
    public static func scan(_ s: [Unicode.Scalar], _ range: Range<Int>) -> [ContactDetail] {
        var out: [ContactDetail] = []
        var i = range.lowerBound
        let end = range.upperBound
        while i < end {
            let v = s[i].value
            // Cheap gate: every pattern starts with an ASCII letter or digit, '(' or one of 扣 企 微.
            guard v < 0x80 || v == 0x6263 || v == 0x4F01 || v == 0x5FAE || v == 0xFF08 else { i += 1; continue }
            // Each pattern is tried only where its first character can start it.
            let isDigit = ScalarClass.isASCIIDigit(v)
            let alphanumeric = isDigit || ScalarClass.isASCIILetter(v)
            // Addresses start where a run of letters and digits starts: inside a run there is nothing new to find.
            let runStart = i == range.lowerBound || !isAlnum(s[i - 1].value)
            var found: ContactDetail?
            if runStart && (alphanumeric && !isDigit || (isDigit && i + 4 < end && hasDotOrAt(s, i, end))) {
                found = url(s, i, end) ?? email(s, i, end)
            }
            if found == nil && !isDigit && alphanumeric { found = qq(s, i, end) ?? wechat(s, i, end) }
            if found == nil && (v == 0x6263 || v == 0x4F01 || v == 0x5FAE) { found = qq(s, i, end) ?? wechat(s, i, end) }
            if found == nil && (isDigit || v == 0xFF08 || v == 0x28) && (i == range.lowerBound || !ScalarClass.isASCIIDigit(s[i - 1].value))
            {
                found = phone(s, i, end)
            }
            if let d = found {
                out.append(d)
                i = d.range.upperBound
            } else {
                i += 1
            }
        }
        return out
    }

    /// Whether a run of digits is followed by a '.' and a letter or by '@': only then can it start a domain or address.
    private static func hasDotOrAt(_ s: [Unicode.Scalar], _ i: Int, _ end: Int) -> Bool {
        var k = i
        while k < end && (ScalarClass.isASCIIDigit(s[k].value) || ScalarClass.isASCIILetter(s[k].value) || s[k] == "-") { k += 1 }
        guard k + 1 < end else { return false }
        return s[k] == "@" || (s[k] == "." && ScalarClass.isASCIILetter(s[k + 1].value))
    }

    @inline(__always) private static func isAlnum(_ v: UInt32) -> Bool { ScalarClass.isASCIILetter(v) || ScalarClass.isASCIIDigit(v) }
    @inline(__always) private static func isDomainChar(_ v: UInt32) -> Bool { isAlnum(v) || v == 0x2D }
    @inline(__always) private static func isURLChar(_ v: UInt32) -> Bool {
        isAlnum(v) || "-._~:/?#[]@!$&'*+,;=%".unicodeScalars.contains { $0.value == v }
    }

    private static func lowerASCII(_ s: [Unicode.Scalar], _ i: Int, _ word: String) -> Bool {
        var k = i
        for c in word.unicodeScalars {
            guard k < s.count, s[k].value | (s[k].value < 0x80 ? 0x20 : 0) == c.value else { return false }
            k += 1
        }
        return true
    }

    private static func url(_ s: [Unicode.Scalar], _ i: Int, _ end: Int) -> ContactDetail? {
        guard ScalarClass.isASCIILetter(s[i].value) || ScalarClass.isASCIIDigit(s[i].value) else { return nil }
        if i > 0 && (isDomainChar(s[i - 1].value) || s[i - 1] == "." || s[i - 1] == "@") { return nil }
        if lowerASCII(s, i, "http://") || lowerASCII(s, i, "https://") || lowerASCII(s, i, "www.") {
            var e = i
            while e < end && isURLChar(s[e].value) { e += 1 }
            while e > i && ".,;:!?)'".unicodeScalars.contains(s[e - 1]) { e -= 1 }
            return e - i > 7 ? ContactDetail(kind: .url, range: i..<e) : nil
        }
        // A bare domain: labels joined by dots, ending in a known top-level domain.
        var e = i
        var labels = 0
        var lastLabelStart = i
        while e < end {
            let start = e
            while e < end && isDomainChar(s[e].value) { e += 1 }
            guard e > start else { break }
            labels += 1
            lastLabelStart = start
            guard e + 1 < end, s[e] == ".", isDomainChar(s[e + 1].value) else { break }
            e += 1
        }
        guard labels >= 2, ScalarClass.isASCIILetter(s[lastLabelStart].value) else { return nil }
        let tld = String(String.UnicodeScalarView(s[lastLabelStart..<e])).lowercased()
        guard topLevelDomains.contains(tld), !(e < end && (s[e] == "@" || isDomainChar(s[e].value))) else { return nil }
        // A path may follow.
        if e < end && s[e] == "/" { while e < end && isURLChar(s[e].value) { e += 1 } }
        return ContactDetail(kind: .url, range: i..<e)
    }

    private static func email(_ s: [Unicode.Scalar], _ i: Int, _ end: Int) -> ContactDetail? {
        guard isAlnum(s[i].value), i == 0 || !(isAlnum(s[i - 1].value) || "._%+-".unicodeScalars.contains(s[i - 1])) else { return nil }
        var e = i
        while e < end && (isAlnum(s[e].value) || "._%+-".unicodeScalars.contains(s[e])) { e += 1 }
        guard e < end, s[e] == "@" else { return nil }
        var d = e + 1
        var dots = 0
        while d < end && (isDomainChar(s[d].value) || s[d] == ".") { if s[d] == "." { dots += 1 }; d += 1 }
        while d > e + 1 && s[d - 1] == "." { d -= 1; dots -= 1 }
        guard dots >= 1, d - e > 3 else { return nil }
        return ContactDetail(kind: .email, range: i..<d)
    }

    /// QQ / qq / 扣扣 / 企鹅, optional 号/群/号码 and a colon, then 5–12 digits.
    private static func qq(_ s: [Unicode.Scalar], _ i: Int, _ end: Int) -> ContactDetail? {
        var e: Int
        if lowerASCII(s, i, "qq") {
            e = i + 2
        } else if s.matches(Array("扣扣".unicodeScalars), at: i) || s.matches(Array("企鹅".unicodeScalars), at: i) {
            e = i + 2
        } else {
            return nil
        }
        if i > 0 && ScalarClass.isASCIILetter(s[i - 1].value) { return nil }
        var skipped = 0
        while e < end && skipped < 4 && "号群码：: ".unicodeScalars.contains(s[e]) { e += 1; skipped += 1 }
        let digitsStart = e
        while e < end && ScalarClass.isASCIIDigit(s[e].value) { e += 1 }
        guard e - digitsStart >= 5 && e - digitsStart <= 12 else { return nil }
        return ContactDetail(kind: .qq, range: i..<e)
    }

    /// 微信 / 微信号 / VX / vx / wx followed by a colon and an id.
    private static func wechat(_ s: [Unicode.Scalar], _ i: Int, _ end: Int) -> ContactDetail? {
        var e: Int
        if s.matches(Array("微信".unicodeScalars), at: i) {
            e = i + 2
        } else if lowerASCII(s, i, "vx") || lowerASCII(s, i, "wx") {
            if i > 0 && ScalarClass.isASCIILetter(s[i - 1].value) { return nil }
            e = i + 2
        } else {
            return nil
        }
        if e < end && s[e] == "号" { e += 1 }
        guard e < end, s[e] == "：" || s[e] == ":" else { return nil }
        e += 1
        while e < end && s[e] == " " { e += 1 }
        let idStart = e
        while e < end && (isAlnum(s[e].value) || s[e] == "_" || s[e] == "-") { e += 1 }
        guard e - idStart >= 5 && e - idStart <= 20 else { return nil }
        return ContactDetail(kind: .wechat, range: i..<e)
    }

    private static func phone(_ s: [Unicode.Scalar], _ i: Int, _ end: Int) -> ContactDetail? {
        let v = s[i].value
        guard ScalarClass.isASCIIDigit(v) || v == 0xFF08 || v == 0x28 else { return nil }
        if i > 0 && (ScalarClass.isASCIIDigit(s[i - 1].value) || s[i - 1] == "." || s[i - 1] == "-") { return nil }
        var e = i
        var digits = 0
        var groups: [Int] = []
        var groupLength = 0
        while e < end {
            let c = s[e].value
            if ScalarClass.isASCIIDigit(c) {
                digits += 1; groupLength += 1
            } else if (c == 0x2D || c == 0xFF0D || c == 0x20 || c == 0x29 || c == 0xFF09 || c == 0x28 || c == 0xFF08) && e + 1 < end
                && ScalarClass.isASCIIDigit(s[e + 1].value) && (groupLength > 0 || c == 0x28 || c == 0xFF08)
            {
                if groupLength > 0 { groups.append(groupLength) }
                groupLength = 0
            } else {
                break
            }
            e += 1
            if digits > 13 { return nil }
        }
        if groupLength > 0 { groups.append(groupLength) }
        if e < end && (ScalarClass.isASCIIDigit(s[e].value) || s[e] == "." || s[e] == "%" || units.contains(s[e].value)) { return nil }
        guard let first = groups.first, s[i].value != 0x28 || groups.count > 1 else { return nil }
        let firstDigit = s[i..<e].first { ScalarClass.isASCIIDigit($0.value) }!.value
        let isMobile = groups == [11] && firstDigit == 0x31 && (0x33...0x39).contains(s[i + 1].value)
        let isLandline = firstDigit == 0x30 && groups.count == 2 && (3...4).contains(first) && (7...8).contains(groups[1])
        let isServiceLine = groups.count == 3 && (first == 3) && (s[i] == "4" || s[i] == "8") && groups[1] == 3 && groups[2] == 4
        guard isMobile || isLandline || isServiceLine else { return nil }
        return ContactDetail(kind: .phone, range: i..<e)
    }
}
