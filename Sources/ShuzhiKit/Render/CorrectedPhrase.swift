/// A short change shown as the whole phrase before and after it (营商环境的布署 → 营商环境的部署): a one-character
/// correction whose two characters look alike in the font (布/部, 历/厉) is unreadable on its own. The terminal's
/// suggestion and the Word comments both say it this way.
public struct CorrectedPhrase: Sendable, Equatable {
    public let written: String
    public let corrected: String

    /// Han characters taken on each side of the change.
    static let reach = 4

    /// The phrase around a finding that changes at most two Chinese characters into its first replacement, or nil (a
    /// longer span already reads as a phrase; a deletion, or a change of punctuation or digits, says enough in its
    /// message).
    public init?(_ d: Diagnostic, in scalars: [Unicode.Scalar]) {
        guard let replacement = d.replacements.first, !replacement.isEmpty, d.range.count <= 2,
            d.range.upperBound <= scalars.count, d.range.allSatisfy({ ScalarClass.isHan(scalars[$0].value) })
        else { return nil }
        var from = d.range.lowerBound, to = d.range.upperBound
        while from > 0 && d.range.lowerBound - from < Self.reach && ScalarClass.isHan(scalars[from - 1].value) { from -= 1 }
        while to < scalars.count && to - d.range.upperBound < Self.reach && ScalarClass.isHan(scalars[to].value) { to += 1 }
        guard from < d.range.lowerBound || to > d.range.upperBound else { return nil }
        let before = scalars.string(from..<d.range.lowerBound), after = scalars.string(d.range.upperBound..<to)
        written = before + scalars.string(d.range) + after
        corrected = before + replacement + after
    }

    /// “营商环境的布署”应为“营商环境的部署”
    public var sentence: String { "“\(written)”应为“\(corrected)”" }
}
