/// Pairs the quotation marks of each paragraph: “ ” and a straight " or ＂ typed in Chinese text. When the marks
/// pair up, they alternate opener/closer and every mark of the wrong shape is a mismatch with a certain fix. When one
/// is left over, marks pair innermost first and the orphan is the one left.
/// A quotation that runs over several paragraphs (each opens with “, only the last closes) is not an error.
struct QuotePairing: Sendable {
    struct Mark {
        let index: Int
        let shape: Shape
    }

    enum Shape { case open, close, neutral }

    /// Unpaired marks.
    var unpaired: [Int] = []
    /// Marks in the wrong shape, with the mark they should be, and whether the reading is certain (all paired).
    var mismatched: [(index: Int, replacement: String, certain: Bool)] = []

    init(_ document: Document, double: Bool) {
        let s = document.scalars
        let paragraphs = document.paragraphs
        let (openMark, closeMark): (Unicode.Scalar, Unicode.Scalar) = double ? ("“", "”") : ("‘", "’")
        for (pi, p) in paragraphs.enumerated() where !p.isBlank {
            var marks: [Mark] = []
            for i in p.content {
                let v = s[i]
                if v == openMark {
                    marks.append(Mark(index: i, shape: .open))
                } else if v == closeMark {
                    marks.append(Mark(index: i, shape: .close))
                } else if double ? (v == "\"" || v == "＂") : (v == "'" || v == "＇") {
                    // A straight quote counts only where it touches Chinese text, not in English or code.
                    let before = i > p.content.lowerBound && ScalarClass.isChineseContext(s[i - 1].value)
                    let after = i + 1 < p.content.upperBound && ScalarClass.isChineseContext(s[i + 1].value)
                    if before || after { marks.append(Mark(index: i, shape: .neutral)) }
                }
            }
            guard !marks.isEmpty else { continue }
            if marks.count % 2 == 0 {
                // Everything pairs: the n-th mark opens when n is even and closes when n is odd.
                for (k, m) in marks.enumerated() {
                    let wanted: Shape = k % 2 == 0 ? .open : .close
                    if m.shape != wanted { mismatched.append((m.index, String(wanted == .open ? openMark : closeMark), true)) }
                }
                continue
            }
            // One is left over: pair innermost first; a straight quote closes when something is open.
            var stack: [Mark] = []
            var orphans: [Mark] = []
            for m in marks {
                switch m.shape {
                case .open: stack.append(m)
                case .close: if stack.popLast() == nil { orphans.append(m) }
                case .neutral:
                    if stack.popLast() != nil {
                        mismatched.append((m.index, String(closeMark), true))
                    } else {
                        stack.append(m); mismatched.append((m.index, String(openMark), false))
                    }
                }
            }
            orphans.append(contentsOf: stack)
            for odd in orphans {
                // A quotation continued in the next paragraph ends this one open; the next starts with an opener.
                let continues =
                    odd.shape != .close && odd.index == stack.last?.index
                    && Self.nextParagraphOpens(s, paragraphs, after: pi, openMark)
                let continued =
                    odd.shape == .open && p.content.lowerBound == odd.index
                    && Self.previousParagraphOpen(s, paragraphs, before: pi, openMark, closeMark)
                if !continues && !continued { unpaired.append(odd.index) }
            }
        }
        unpaired.sort()
    }

    private static func nextParagraphOpens(_ s: [Unicode.Scalar], _ ps: [Paragraph], after i: Int, _ open: Unicode.Scalar) -> Bool {
        guard let next = ps[(i + 1)...].first(where: { !$0.isBlank }) else { return false }
        return s[next.content.lowerBound] == open
    }

    private static func previousParagraphOpen(
        _ s: [Unicode.Scalar], _ ps: [Paragraph], before i: Int,
        _ open: Unicode.Scalar, _ close: Unicode.Scalar
    ) -> Bool {
        guard let previous = ps[..<i].last(where: { !$0.isBlank }) else { return false }
        var balance = 0
        for k in previous.content { if s[k] == open { balance += 1 } else if s[k] == close { balance -= 1 } }
        return balance > 0
    }
}
