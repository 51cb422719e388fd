/// Sentence and clause bounds in scalar text, for rules that look at a formula's neighbourhood.
enum Clause {
    /// 。！？；… and line breaks (and their half-width forms) end a sentence.
    @inline(__always) static func endsSentence(_ v: UInt32) -> Bool {
        v == 0x3002 || v == 0xFF01 || v == 0xFF1F || v == 0xFF1B || v == 0x0A || v == 0x0D || v == 0x21 || v == 0x3F || v == 0x3B
            || v == 0x2026
    }

    /// A sentence end, or ，：, ends a clause.
    @inline(__always) static func endsClause(_ v: UInt32) -> Bool {
        endsSentence(v) || v == 0xFF0C || v == 0xFF1A || v == 0x2C || v == 0x3A
    }

    /// The sentence holding `span`, within `range`.
    static func sentence(around span: Range<Int>, in s: [Unicode.Scalar], within range: Range<Int>) -> Range<Int> {
        var a = span.lowerBound, b = span.upperBound
        while a > range.lowerBound && !endsSentence(s[a - 1].value) { a -= 1 }
        while b < range.upperBound && !endsSentence(s[b].value) { b += 1 }
        return a..<b
    }

    /// Whether `word` occurs in `s[range]`.
    static func contains(_ word: [Unicode.Scalar], in s: [Unicode.Scalar], _ range: Range<Int>) -> Bool {
        guard let first = word.first, range.count >= word.count else { return false }
        for i in range.lowerBound...(range.upperBound - word.count) where s[i] == first && s.matches(word, at: i) { return true }
        return false
    }

    /// Where `word` starts in `s[range]`, left to right.
    static func occurrences(_ word: [Unicode.Scalar], _ s: [Unicode.Scalar], _ range: Range<Int>) -> [Int] {
        guard let first = word.first, range.count >= word.count else { return [] }
        return (range.lowerBound...(range.upperBound - word.count)).filter { s[$0] == first && s.matches(word, at: $0) }
    }
}
