public enum Severity: String, Sendable, Comparable, CaseIterable {
    case error, warning, info

    public static func < (a: Severity, b: Severity) -> Bool { a.rank < b.rank }
    private var rank: Int { self == .info ? 0 : (self == .warning ? 1 : 2) }

    public var chinese: String {
        switch self {
        case .error: return "错误"
        case .warning: return "警告"
        case .info: return "提示"
        }
    }
}

/// Whether a fix can be applied without a person looking at it (ruff's terms): a safe fix keeps the meaning, an
/// unsafe one may not (it guesses which of two readings was meant, or deletes words).
public enum FixApplicability: String, Sendable {
    case safe, unsafe
}

public struct TextEdit: Sendable, Equatable {
    /// Scalar offsets in the document text.
    public let range: Range<Int>
    public let replacement: String

    public init(_ range: Range<Int>, _ replacement: String) {
        self.range = range
        self.replacement = replacement
    }
}

public struct Fix: Sendable {
    public let applicability: FixApplicability
    public let edits: [TextEdit]

    public init(_ applicability: FixApplicability, _ edits: [TextEdit]) {
        self.applicability = applicability
        self.edits = edits
    }
}

/// One finding: a rule, a span of the decoded text, a Chinese message, suggested replacements and maybe a fix.
public struct Diagnostic: Sendable {
    public let rule: String
    public var severity: Severity
    /// Scalar offsets into `Document.scalars`, end exclusive.
    public let range: Range<Int>
    public let message: String
    /// Text that could replace the flagged span, best first ("" means delete it).
    public let replacements: [String]
    public var fix: Fix?
    /// How sure a statistical rule (the typo family) is, 0…1; nil for rules that are certain by construction.
    public var confidence: Double?
    /// For a similarity finding: the stored document and place the passage matches.
    public var source: PassageSource?
    /// The written word or phrase the finding is about, when it is more than `range` (布署 for a finding on 布): what a
    /// writer adds to the word list to say it is right as written.
    public var subject: Range<Int>?

    public init(
        rule: String, severity: Severity, range: Range<Int>, message: String, replacements: [String] = [], fix: Fix? = nil,
        confidence: Double? = nil, source: PassageSource? = nil
    ) {
        self.confidence = confidence
        self.source = source
        self.rule = rule
        self.severity = severity
        self.range = range
        self.message = message
        self.replacements = replacements
        self.fix = fix
    }

    public var family: String { String(rule.prefix { $0 != "." }) }
}
