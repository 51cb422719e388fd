/// `shuzhi metrics` output: the stated results as a table, CSV (RFC 4180, UTF-8 with BOM so Excel/WPS read it) or
/// JSON, and the substance score.
public enum MetricsRenderer {
    static let header = ["指标", "数值", "单位", "变化", "时期", "部分", "行", "句子"]

    static func row(_ r: StatedResult, _ doc: Document) -> [String] {
        let line = doc.lines.location(of: r.range.lowerBound).line
        return [
            r.indicator, r.isMissing ? "（缺）" + r.valueText : r.valueText, r.unit, r.change ?? "", r.period ?? "", r.section ?? "",
            String(line), doc.string(r.sentence),
        ]
    }

    public static func table(_ results: [StatedResult], _ substance: Substance, _ doc: Document) -> String {
        var out = ""
        for r in results {
            let cells = row(r, doc)
            out +=
                "第\(cells[6])行  \(cells[0])：\(cells[1])\(cells[2])" + (r.change.map { "（\($0)）" } ?? "")
                + (r.period.map { "  [\($0)]" } ?? "") + "\n"
        }
        let missing = results.filter(\.isMissing).count
        out += "共 \(results.count) 项结果" + (missing > 0 ? "，其中 \(missing) 项数值是占位符（缺）" : "") + "\n"
        out += summary(substance, doc)
        return out
    }

    static func summary(_ substance: Substance, _ doc: Document) -> String {
        var out = "实质内容：\(substance.factual)/\(substance.sentences) 句写了具体事实（\(Int((substance.score * 100).rounded()))%）\n"
        if !substance.mostFormulaic.isEmpty {
            out += "最空泛的段落：\n"
            for p in substance.mostFormulaic {
                let line = doc.lines.location(of: p.range.lowerBound).line
                let text = doc.string(p.range)
                out += "  第\(line)行（\(p.factual)/\(p.sentences) 句有事实）\(text.count > 40 ? String(text.prefix(40)) + "…" : text)\n"
            }
        }
        return out
    }

    public static func csv(_ results: [StatedResult], _ doc: Document) -> String {
        var out = "\u{FEFF}" + (["文件"] + header).map(CSV.field).joined(separator: ",") + "\r\n"
        for r in results { out += ([doc.name] + row(r, doc)).map(CSV.field).joined(separator: ",") + "\r\n" }
        return out
    }

    public static func json(_ results: [StatedResult], _ substance: Substance, _ doc: Document) -> JSONValue {
        .object([
            ("file", .string(doc.name)),
            (
                "results",
                .array(
                    results.map { r in
                        let (line, column) = doc.lines.location(of: r.range.lowerBound)
                        return .object([
                            ("indicator", .string(r.indicator)), ("value", r.value.map { .double($0) } ?? .null),
                            ("valueText", .string(r.valueText)),
                            ("missing", .bool(r.isMissing)), ("unit", .string(r.unit)), ("change", r.change.map { .string($0) } ?? .null),
                            ("period", r.period.map { .string($0) } ?? .null), ("section", r.section.map { .string($0) } ?? .null),
                            ("start", .int(r.range.lowerBound)), ("end", .int(r.range.upperBound)), ("line", .int(line)),
                            ("column", .int(column)),
                            ("sentence", .string(doc.string(r.sentence))),
                        ])
                    })
            ),
            (
                "substance",
                .object([
                    ("sentences", .int(substance.sentences)), ("factual", .int(substance.factual)),
                    ("score", .double((substance.score * 1000).rounded() / 1000)),
                    (
                        "mostFormulaic",
                        .array(
                            substance.mostFormulaic.map { p in
                                .object([
                                    ("line", .int(doc.lines.location(of: p.range.lowerBound).line)), ("sentences", .int(p.sentences)),
                                    ("factual", .int(p.factual)), ("text", .string(doc.string(p.range))),
                                ])
                            })
                    ),
                ])
            ),
        ])
    }
}
