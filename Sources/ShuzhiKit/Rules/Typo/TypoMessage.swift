extension TypoFinding {
    /// “宿短”疑为“缩短”之误（音近）: the word as written, the word meant, and why the two are confusable.
    func message(_ scalars: [Unicode.Scalar], what: String) -> String {
        let written = String(String.UnicodeScalarView(scalars[word]))
        var meant = Array(scalars[word])
        meant[position - word.lowerBound] = replacement
        let reason =
            kind.contains(.sameSoundSameTone)
            ? "同音"
            : kind.contains(.sameSoundOtherTone)
                ? "音同调异"
                : kind.contains(.similarShape) ? "形近" : "音近"
        return "\(what)：“\(written)”疑为“\(String(String.UnicodeScalarView(meant)))”之误（\(reason)）"
    }

    /// The finding as a diagnostic of `description`'s rule: the one character replaced, an unsafe fix, its confidence.
    func diagnostic(_ description: RuleDescription, _ scalars: [Unicode.Scalar], what: String) -> Diagnostic {
        var d = description.diagnostic(
            position..<position + 1, message(scalars, what: what), replacements: [String(replacement)],
            fix: .unsafe, confidence: confidence)
        d.subject = word
        return d
    }
}

extension Slip {
    /// The shown word or phrase as it reads with `replacement` put in place of `range` (which it contains).
    static func meant<R: Collection>(
        _ scalars: [Unicode.Scalar], shown: Range<Int>, range: Range<Int>,
        replacement: R
    ) -> [Unicode.Scalar] where R.Element == Unicode.Scalar {
        var meant = Array(scalars[shown])
        meant.replaceSubrange(range.lowerBound - shown.lowerBound..<range.upperBound - shown.lowerBound, with: replacement)
        return meant
    }

    func meant(_ scalars: [Unicode.Scalar]) -> [Unicode.Scalar] {
        Self.meant(scalars, shown: shown, range: range, replacement: replacement)
    }

    /// The written word or phrase, and how it reads with the edit made.
    func shownTexts(_ scalars: [Unicode.Scalar]) -> (written: String, meant: String) {
        (scalars.string(shown), String(String.UnicodeScalarView(meant(scalars))))
    }

    /// The slip as a diagnostic of `description`'s rule with an unsafe fix. A dropped character is marked on the
    /// character of the shown word before it (or after it, at the word's start), which the fix writes again with the
    /// dropped one.
    func diagnostic(_ description: RuleDescription, _ scalars: [Unicode.Scalar], _ message: String) -> Diagnostic {
        var marked = range, text = replacement
        if range.isEmpty {
            if range.lowerBound > shown.lowerBound {
                marked = range.lowerBound - 1..<range.lowerBound
                text = [scalars[range.lowerBound - 1]] + replacement
            } else {
                marked = range.lowerBound..<range.lowerBound + 1
                text = replacement + [scalars[range.lowerBound]]
            }
        }
        var d = description.diagnostic(
            marked, message, replacements: [String(String.UnicodeScalarView(text))],
            fix: .unsafe, confidence: confidence)
        d.subject = shown
        return d
    }
}
