extension TypoFinding {
    /// “宿短”疑为“缩短”之误（音近）: the word as written, the word meant, and why the two are confusable.
    func message(_ scalars: [Unicode.Scalar], what: String) -> String {
        let written = String(String.UnicodeScalarView(scalars[word]))
        var meant = Array(scalars[word])
        meant[position - word.lowerBound] = replacement
        let reason = kind.contains(.sameSoundSameTone) ? "同音"
            : kind.contains(.sameSoundOtherTone) ? "音同调异"
            : kind.contains(.similarShape) ? "形近" : "音近"
        return "\(what)：“\(written)”疑为“\(String(String.UnicodeScalarView(meant)))”之误（\(reason)）"
    }

    /// The finding as a diagnostic of `description`'s rule: the one character replaced, an unsafe fix, its confidence.
    func diagnostic(_ description: RuleDescription, _ scalars: [Unicode.Scalar], what: String) -> Diagnostic {
        description.diagnostic(position..<position + 1, message(scalars, what: what), replacements: [String(replacement)],
                               fix: .unsafe, confidence: confidence)
    }
}
