/// A check. A rule is a small value: it reads the shared `Analysis` and returns diagnostics, nothing else. Its
/// description carries examples that the test suite runs and `docs/rules.md` shows.
public protocol Rule: Sendable {
    var description: RuleDescription { get }
    func check(_ analysis: Analysis) -> [Diagnostic]
}

public struct RuleDescription: Sendable {
    /// `family.name`, e.g. `punct.unpaired-quote`.
    public let id: String
    public let severity: Severity
    /// One line in Chinese: what the rule finds.
    public let summary: String
    /// Why, and the norm it follows (GB/T clause or convention), in Chinese.
    public let rationale: String
    /// The kind of fix the rule offers, if any.
    public let fix: FixApplicability?
    /// A rule whose fixes are safe may declare that some of them are not (which of two doubled marks to keep is
    /// sometimes the writer's call); a finding's fix is never less safe than its rule declares.
    public let fixSometimesUnsafe: Bool
    /// Texts that must trigger the rule, with each expected span marked «like this».
    public let triggering: [RuleExample]
    /// Texts that must not trigger it.
    public let nonTriggering: [String]
    /// Opt-in rules (a norm that authoritative texts themselves do not always follow) run only when enabled or selected.
    public let isEnabledByDefault: Bool

    public init(
        id: String, severity: Severity, summary: String, rationale: String, fix: FixApplicability? = nil,
        fixSometimesUnsafe: Bool = false, enabledByDefault: Bool = true, triggering: [RuleExample], nonTriggering: [String]
    ) {
        self.isEnabledByDefault = enabledByDefault
        self.fixSometimesUnsafe = fixSometimesUnsafe
        self.id = id
        self.severity = severity
        self.summary = summary
        self.rationale = rationale
        self.fix = fix
        self.triggering = triggering
        self.nonTriggering = nonTriggering
    }

    public var family: String { String(id.prefix { $0 != "." }) }

    /// A diagnostic of this rule with its default severity; a statistical rule passes its confidence (kept to two
    /// decimals, as reports show it).
    public func diagnostic(
        _ range: Range<Int>, _ message: String, replacements: [String] = [],
        fix: FixApplicability? = nil, severity: Severity? = nil, confidence: Double? = nil
    ) -> Diagnostic {
        let edits = fix.map { Fix($0, [TextEdit(range, replacements.first ?? "")]) }
        return Diagnostic(
            rule: id, severity: severity ?? self.severity, range: range, message: message,
            replacements: replacements, fix: edits, confidence: confidence.map { ($0 * 100).rounded() / 100 })
    }

    public func diagnostic(
        _ range: Range<Int>, _ message: String, replacements: [String], edits: Fix,
        severity: Severity? = nil
    ) -> Diagnostic {
        Diagnostic(
            rule: id, severity: severity ?? self.severity, range: range, message: message,
            replacements: replacements, fix: edits)
    }
}

/// A triggering example: the text with the flagged spans marked «…», and optionally the text after the rule's fixes.
public struct RuleExample: Sendable, ExpressibleByStringLiteral {
    public let marked: String
    public let fixed: String?

    public init(_ marked: String, fixed: String? = nil) {
        self.marked = marked
        self.fixed = fixed
    }

    public init(stringLiteral value: String) { self.init(value) }

    /// The example text without markers, and the marked spans as scalar ranges in it.
    public var parsed: (text: String, spans: [Range<Int>]) {
        var scalars: [Unicode.Scalar] = []
        var spans: [Range<Int>] = []
        var open: Int?
        for s in marked.unicodeScalars {
            if s == "«" {
                open = scalars.count
            } else if s == "»", let o = open {
                spans.append(o..<scalars.count); open = nil
            } else {
                scalars.append(s)
            }
        }
        return (String(String.UnicodeScalarView(scalars)), spans)
    }
}
