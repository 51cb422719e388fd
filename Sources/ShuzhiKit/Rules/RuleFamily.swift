/// The families findings are grouped in — the first part of every rule id (`typo.char` is a `typo`) — with the names a
/// reader sees. The terminal summary, the review's CSV columns, the JSON (`familyName`) and, through it, the web page all
/// take the names from here.
public enum RuleFamily: String, CaseIterable, Sendable {
    case residue, punct, numbering, `repeat`, typo, formula, outdated, number, structure, similarity

    /// The family of a rule id (`typo.char` → `.typo`); nil for an id of no known family.
    public init?(id: String) { self.init(rawValue: String(id.prefix { $0 != "." })) }

    public var chinese: String {
        switch self {
        case .residue: "模板残留"
        case .punct: "标点"
        case .numbering: "序号"
        case .repeat: "重复"
        case .typo: "错别字"
        case .formula: "固定提法"
        case .outdated: "过时提法"
        case .number: "数字"
        case .structure: "结构"
        case .similarity: "相似"
        }
    }

    public var english: String {
        switch self {
        case .residue: "template residue"
        case .punct: "punctuation"
        case .numbering: "numbering"
        case .repeat: "repetition"
        case .typo: "typos"
        case .formula: "political formulas"
        case .outdated: "outdated references"
        case .number: "numbers"
        case .structure: "structure"
        case .similarity: "similarity"
        }
    }

    /// The Chinese name of a family id, or the id itself for one this build does not know.
    public static func chineseName(_ id: String) -> String { RuleFamily(rawValue: id)?.chinese ?? id }
}
