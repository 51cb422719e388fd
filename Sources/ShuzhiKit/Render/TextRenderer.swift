/// Compiler-style text for a terminal: `file:line:col: severity[rule] message`, the line with the span underlined
/// (East Asian wide characters take two columns), a suggestion, then a summary by family. Colour only when asked.
public struct TextRenderer {
    public var color: Bool
    /// Characters of context shown on each side of the span in a long line.
    public var context = 24
    /// Columns the terminal gives East Asian ambiguous punctuation (“”‘’—…·): 1 by default, as terminals draw them;
    /// 2 for a terminal set to draw them wide (`SHUZHI_AMBIGUOUS_WIDTH=2`), so that carets stay under the span.
    public var ambiguousWidth = 1

    public init(color: Bool) { self.color = color }

    /// The findings in reading order (`ReadingOrder`), led by its one-line summary; a paragraph's unfilled
    /// placeholders are one block with a caret under each.
    public func render(_ report: CheckReport) -> String {
        let order = ReadingOrder(report)
        var out = order.headline.isEmpty ? "" : bold(order.headline) + "\n"
        for entry in order.entries {
            guard entry.isPlaceholderList, entry.indices.count > 1 else {
                for i in entry.indices { out += render(report.diagnostics[i], in: report.document) }
                continue
            }
            let items = entry.indices.map { report.diagnostics[$0] }
            let list = Diagnostic(
                rule: ReadingOrder.placeholderRule, severity: items.map(\.severity).max() ?? .error,
                range: items[0].range.lowerBound..<items[items.count - 1].range.upperBound,
                message: ReadingOrder.placeholderListMessage(entry.indices, report))
            out += render(list, in: report.document, marks: items.map(\.range))
        }
        // The year the outdated rules judged by, when one of them found something.
        if let year = report.reportYear, report.diagnostics.contains(where: { $0.family == "outdated" }) { out += dim(year.line) + "\n" }
        out += summary(report)
        return out
    }

    /// `marks`: the spans to underline, when not the finding's own range (a placeholder list marks each one).
    public func render(_ d: Diagnostic, in document: Document, marks: [Range<Int>]? = nil) -> String {
        let s = document.scalars
        let (line, column) = document.lines.location(of: d.range.lowerBound)
        let severity = paint(d.severity.rawValue, code: code(d.severity), bold: true)
        var out = "\(bold(document.name + ":\(line):\(column):")) \(severity)\(dim("[\(d.rule)]")) \(d.message)\n"

        // The line holding the span, windowed around it.
        let lineRange = document.lines.contentRange(ofLine: line - 1)
        let spanEnd = min(d.range.upperBound, lineRange.upperBound)
        var from = max(lineRange.lowerBound, d.range.lowerBound - context)
        var to = min(lineRange.upperBound, max(spanEnd, d.range.lowerBound + 1) + context)
        while from > lineRange.lowerBound && from < d.range.lowerBound && ScalarClass.isInlineSpace(s[from].value) { from += 1 }
        if to < from { to = from }
        // ASCII dots: U+2026 is drawn one or two columns wide depending on the terminal.
        let prefix = from > lineRange.lowerBound ? "..." : ""
        let suffix = to < lineRange.upperBound ? "..." : ""
        let gutter = String(line)
        let pad = String(repeating: " ", count: gutter.count)
        out += " \(dim(gutter + " |")) \(prefix)\(visible(s, from..<to))\(suffix)\n"
        // Each mark inside the window: a caret under its first character, tildes under the rest.
        var underline = "", drawn = 0
        for mark in marks ?? [d.range] where mark.lowerBound >= from && (mark.lowerBound < to || mark == d.range) {
            let lead = width(prefix) + width(s, from..<max(from, mark.lowerBound))
            guard lead >= drawn else { continue }
            let spanWidth = max(1, width(s, mark.lowerBound..<max(mark.lowerBound, min(mark.upperBound, lineRange.upperBound))))
            underline += String(repeating: " ", count: lead - drawn)
            underline += paint("^" + String(repeating: "~", count: spanWidth - 1), code: code(d.severity), bold: true)
            drawn = lead + spanWidth
        }
        out += " \(dim(pad + " |")) \(underline)\n"
        if let help = suggestion(d, in: s) { out += " \(dim(pad + " ="))\(help)\n" }
        return out
    }

    func suggestion(_ d: Diagnostic, in scalars: [Unicode.Scalar]) -> String? {
        var text: String
        if d.replacements.isEmpty {
            text = ""
        } else if d.replacements == [""] {
            text = " 建议：删除"
        } else {
            let options = d.replacements.map { $0.isEmpty ? "删除" : quoted($0) }
            text = " 建议：改为" + options.joined(separator: "或")
            if let phrase = CorrectedPhrase(d, in: scalars) { text += "（\(phrase.sentence)）" }
        }
        switch d.fix?.applicability {
        case .safe?: text += (text.isEmpty ? " " : "；") + "可自动修复（shuzhi fix）"
        case .unsafe?: text += (text.isEmpty ? " " : "；") + "需确认后修复（shuzhi fix --unsafe）"
        case nil: break
        }
        if let confidence = d.confidence {
            text += (text.isEmpty ? " " : "；") + "置信度 \(Int((confidence * 100).rounded()))%"
        }
        return text.isEmpty ? nil : text
    }

    public func summary(_ report: CheckReport) -> String {
        guard !report.diagnostics.isEmpty else {
            return "\(report.document.name)：未发现问题 / no problems found\n" + (report.similarity?.text ?? "")
        }
        var line = "\(bold(report.document.name))：共 \(report.diagnostics.count) 处 —— "
        line += [(report.errorCount, "错误", Severity.error), (report.warningCount, "警告", .warning), (report.infoCount, "提示", .info)]
            .filter { $0.0 > 0 }.map { paint("\($0.1) \($0.0)", code: code($0.2), bold: false) }.joined(separator: " · ")
        if report.safeFixCount > 0 { line += "；其中 \(report.safeFixCount) 处可自动修复（shuzhi fix）" }
        line += "\n  按类别：" + report.familyCounts.map { "\(RuleFamily.chineseName($0.0)) \($0.1)" }.joined(separator: "  ") + "\n"
        return line + (report.similarity?.text ?? "")
    }

    /// Tabs and other controls would break the underline; show them as spaces.
    private func visible(_ s: [Unicode.Scalar], _ r: Range<Int>) -> String {
        var v = String.UnicodeScalarView()
        for i in r { v.append(s[i].value < 0x20 ? " " : s[i]) }
        return String(v)
    }

    private func width(_ s: [Unicode.Scalar], _ r: Range<Int>) -> Int {
        r.reduce(0) { $0 + max(1, ScalarClass.displayWidth(s[$1].value, ambiguous: ambiguousWidth)) }
    }
    private func width(_ s: String) -> Int {
        s.unicodeScalars.reduce(0) { $0 + ScalarClass.displayWidth($1.value, ambiguous: ambiguousWidth) }
    }

    private func code(_ s: Severity) -> String { s == .error ? "31" : (s == .warning ? "33" : "36") }
    private func paint(_ t: String, code: String, bold: Bool) -> String { color ? "\u{1B}[\(bold ? "1;" : "")\(code)m\(t)\u{1B}[0m" : t }
    private func bold(_ t: String) -> String { color ? "\u{1B}[1m\(t)\u{1B}[0m" : t }
    private func dim(_ t: String) -> String { color ? "\u{1B}[2m\(t)\u{1B}[0m" : t }
}
