/// Applies fixes to a document's text. Each fix is all-or-nothing: when any of its edits overlaps an edit already
/// taken, the whole fix waits for the next round. Rounds repeat (check → apply) until nothing changes, so that
/// fixing a fixed file changes nothing.
public enum Fixer {
    public struct Result: Sendable {
        public let document: Document
        /// Fixes applied over all rounds.
        public let applied: Int
        public let rounds: Int
        /// Diagnostics of the final text.
        public let remaining: [Diagnostic]
    }

    /// The largest number of rounds; real documents settle in two or three.
    public static let maximumRounds = 10

    public static func fixAll(_ document: Document, checker: Checker, includeUnsafe: Bool) -> Result {
        var current = document
        var diagnostics = checker.check(current)
        var applied = 0
        var rounds = 0
        while rounds < maximumRounds {
            let (scalars, count) = apply(diagnostics, to: current.scalars, includeUnsafe: includeUnsafe)
            if count == 0 || scalars == current.scalars { break }
            applied += count
            rounds += 1
            current = Document(
                name: current.name, format: current.format == .docx ? .text(.utf8, byteOrderMark: false) : current.format,
                scalars: scalars)
            diagnostics = checker.check(current)
        }
        return Result(document: current, applied: applied, rounds: rounds, remaining: diagnostics)
    }

    /// One round: the non-overlapping fixes of `diagnostics`, earliest first.
    public static func apply(_ diagnostics: [Diagnostic], to scalars: [Unicode.Scalar], includeUnsafe: Bool) -> ([Unicode.Scalar], Int) {
        let chosen = select(diagnostics, length: scalars.count, includeUnsafe: includeUnsafe)
        guard !chosen.isEmpty else { return (scalars, 0) }
        let taken = chosen.flatMap { $0.fix?.edits ?? [] }.sorted { $0.range.lowerBound < $1.range.lowerBound }
        var out: [Unicode.Scalar] = []
        out.reserveCapacity(scalars.count)
        var cursor = 0
        for e in taken {
            out.append(contentsOf: scalars[cursor..<e.range.lowerBound])
            out.append(contentsOf: e.replacement.unicodeScalars)
            cursor = e.range.upperBound
        }
        out.append(contentsOf: scalars[cursor...])
        return (out, chosen.count)
    }

    /// The diagnostics whose fixes one round makes: safe ones (and unsafe ones when asked), none overlapping another,
    /// earliest first; a text of `length` scalars.
    public static func select(_ diagnostics: [Diagnostic], length: Int, includeUnsafe: Bool) -> [Diagnostic] {
        let fixable = diagnostics.filter { d in
            guard let f = d.fix, !f.edits.isEmpty else { return false }
            return f.applicability == .safe || includeUnsafe
        }.sorted { ($0.fix!.edits.map(\.range.lowerBound).min() ?? 0) < ($1.fix!.edits.map(\.range.lowerBound).min() ?? 0) }
        var taken: [TextEdit] = []
        var chosen: [Diagnostic] = []
        // Fixes come in order of their first edit, so a single-edit fix clashes only with the edit reaching furthest
        // so far (or an insertion at the same place): one comparison. Fixes with several edits (rare) check them all.
        var furthest = Int.min
        var lastInsertion: Int?
        for d in fixable {
            let fix = d.fix!
            guard fix.edits.allSatisfy({ $0.range.upperBound <= length }) else { continue }
            let clashes: Bool
            if fix.edits.count == 1, let e = fix.edits.first {
                clashes =
                    e.range.isEmpty
                    ? (e.range.lowerBound < furthest || lastInsertion == e.range.lowerBound)
                    : e.range.lowerBound < furthest
            } else {
                let all = taken + fix.edits
                clashes = fix.edits.contains { e in all.contains { $0 != e && Self.overlap($0, e) } }
            }
            guard !clashes else { continue }
            for e in fix.edits {
                furthest = max(furthest, e.range.upperBound)
                if e.range.isEmpty { lastInsertion = e.range.lowerBound }
            }
            taken.append(contentsOf: fix.edits)
            chosen.append(d)
        }
        return chosen
    }

    /// Edits overlap when their ranges share a scalar, or both insert at the same place.
    static func overlap(_ a: TextEdit, _ b: TextEdit) -> Bool {
        if a.range.isEmpty && b.range.isEmpty { return a.range.lowerBound == b.range.lowerBound }
        if a.range.isEmpty { return b.range.lowerBound < a.range.lowerBound && a.range.lowerBound < b.range.upperBound }
        if b.range.isEmpty { return a.range.lowerBound < b.range.lowerBound && b.range.lowerBound < a.range.upperBound }
        return a.range.overlaps(b.range)
    }
}
