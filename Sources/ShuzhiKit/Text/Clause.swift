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
        var found = false
        scan(word, s, range) { _ in
            found = true
            return false
        }
        return found
    }

    /// Where `word` starts in `s[range]`, left to right.
    static func occurrences(_ word: [Unicode.Scalar], _ s: [Unicode.Scalar], _ range: Range<Int>) -> [Int] {
        var out: [Int] = []
        scan(word, s, range) { i in
            out.append(i)
            return true
        }
        return out
    }

    /// Calls `body` with each start of `word` in `s[range]`, left to right, while it returns true. Many rules ask
    /// this of the whole text for each of their words, so the scan reads the buffer directly: a few instructions a
    /// character, where an indexed, bounds-checked filter took a dozen.
    @inline(__always) private static func scan(
        _ word: [Unicode.Scalar], _ s: [Unicode.Scalar], _ range: Range<Int>, _ body: (Int) -> Bool
    ) {
        guard let first = word.first, range.count >= word.count else { return }
        precondition(range.lowerBound >= 0, "range outside the text")
        // A word cannot start where it would run past the text.
        let last = min(range.upperBound, s.count) - word.count
        s.withUnsafeBufferPointer { b in
            word.withUnsafeBufferPointer { w in
                var i = range.lowerBound
                outer: while i <= last {
                    defer { i += 1 }
                    guard b[i] == first else { continue }
                    for k in 1..<w.count where b[i + k] != w[k] { continue outer }
                    if !body(i) { return }
                }
            }
        }
    }
}
