/// `shuzhi review`: a batch as a table on the terminal, CSV for a spreadsheet, JSON for scripts, and a single
/// self-contained HTML page (no scripts, fonts or images fetched: it is opened on machines without a network).
public enum ReviewRenderer {
    typealias Part = ReportStructure.Part

    /// Finding families in the order the rule registry lists them.
    static var families: [String] {
        var out: [String] = []
        for r in RuleRegistry.descriptions where !out.contains(r.family) { out.append(r.family) }
        return out
    }

    static func percent(_ x: Double) -> String { ComparisonRenderer.percent(x) }

    // MARK: Text

    public static func text(_ review: BatchReview) -> String {
        let s = review.similarity
        var out = "审阅 \(review.reports.count) 份报告" + (review.failures.isEmpty ? "" : "（另有 \(review.failures.count) 份无法读取）") + "\n\n"
        // Against the store (review --corpus) each report's copy ratio there and its largest source.
        let store = review.checkedAgainstStore
        out +=
            "编号  错误 警告 提示  缺少部分        成绩  实质  批内复制比  最相似          "
            + (store ? "语料库复制比  最大来源              " : "") + "文件\n"
        for (i, r) in review.reports.enumerated() {
            let missing = r.missingCoreParts.map(\.rawValue).joined(separator: "、")
            let partner =
                review.largestPartner(of: i).map { "#\($0.report + 1) \(percent($0.share))" + ($0.relation.map { " \($0)" } ?? "") } ?? "-"
            out +=
                pad("#\(i + 1)", 6) + pad("\(r.check.errorCount)", 5) + pad("\(r.check.warningCount)", 5) + pad("\(r.check.infoCount)", 6)
            out += pad(missing.isEmpty ? "-" : missing, 16) + pad("\(r.results)", 6) + pad(percent(r.substance), 6)
            out += pad(percent(s.copiedShare[i]), 12) + pad(partner, 16)
            if store {
                let sim = r.check.similarity
                out +=
                    pad(sim.map { percent($0.copiedShare) } ?? "-", 14)
                    + pad(sim?.largestSource.map(\.cell) ?? "-", 22)
            }
            out += r.check.document.name + "\n"
        }
        if s.clusters.isEmpty {
            out += "\n未发现相互复制的报告。\n"
        } else {
            out += "\n相互复制的报告（\(s.clusters.count) 组）：\n"
            for (n, cluster) in s.clusters.enumerated() {
                out +=
                    "  第\(n + 1)组：" + cluster.map { "#\($0 + 1) \(review.reports[$0].check.document.name)" }.joined(separator: "，") + "\n"
            }
        }
        for f in review.failures { out += "无法读取 \(f.file)：\(f.message)\n" }
        return out
    }

    /// East Asian characters take two columns.
    static func pad(_ s: String, _ width: Int) -> String {
        let w = s.unicodeScalars.reduce(0) { $0 + ($1.value >= 0x1100 ? 2 : 1) }
        return s + String(repeating: " ", count: max(1, width - w))
    }

    // MARK: CSV

    /// One row per report; its last columns are the report's row of the similarity matrix (复制比 with each other).
    public static func csv(_ review: BatchReview) -> String {
        let s = review.similarity
        let store = review.checkedAgainstStore
        var header = ["编号", "文件", "标题", "字数", "年度", "错误", "警告", "提示"] + families.map { "问题:\(RuleFamily.chineseName($0))" }
        header += Part.allCases.map { "有\($0.rawValue)" } + ["缺少部分", "成绩数", "实质比例", "批内复制比", "最相似报告", "与之复制比", "聚类", "公文通用表述"]
        if store { header += ["语料库复制比", "去除本人复制比", "语料库最大来源"] }
        header += review.reports.indices.map { "与#\($0 + 1)" }
        var out = "\u{FEFF}" + header.map(CSV.field).joined(separator: ",") + "\r\n"
        for (i, r) in review.reports.enumerated() {
            let counts = Dictionary(r.check.familyCounts, uniquingKeysWith: +)
            var row = [
                "\(i + 1)", r.check.document.name, r.title, "\(r.check.document.scalars.count)",
                r.check.reportYear?.year.map(String.init) ?? "",
                "\(r.check.errorCount)", "\(r.check.warningCount)", "\(r.check.infoCount)",
            ]
            row += families.map { "\(counts[$0] ?? 0)" }
            row += Part.allCases.map { r.present.contains($0) ? "是" : "否" }
            row += [
                r.missingCoreParts.map(\.rawValue).joined(separator: "、"), "\(r.results)", decimal(r.substance), decimal(s.copiedShare[i]),
            ]
            let partner = review.largestPartner(of: i)
            row += [
                partner.map { "#\($0.report + 1)" + ($0.relation.map { "（\($0)）" } ?? "") } ?? "", partner.map { decimal($0.share) } ?? "",
                s.cluster(of: i).map { "\($0 + 1)" } ?? "",
                decimal(s.sharedWordingShare[i]),
            ]
            if store {
                let sim = r.check.similarity
                row += [
                    sim.map { decimal($0.copiedShare) } ?? "", sim.map { decimal($0.copiedShareExcludingOwn) } ?? "",
                    sim?.largestSource.map { "#\($0.id) \($0.title) \(percent($0.share))" + ($0.relation.name.map { "（\($0)）" } ?? "") }
                        ?? "",
                ]
            }
            row += review.reports.indices.map { $0 == i ? "" : decimal(s.copied[i][$0]) }
            out += row.map(CSV.field).joined(separator: ",") + "\r\n"
        }
        return out
    }

    static func decimal(_ x: Double) -> String {
        let v = ComparisonRenderer.rounded(x)
        return v == 0 ? "0" : String(v)
    }

    // MARK: JSON

    public static func json(_ review: BatchReview) -> JSONValue {
        let s = review.similarity
        let reports: [JSONValue] = review.reports.enumerated().map { i, r in
            var fields: [(String, JSONValue)] = [
                ("number", .int(i + 1)), ("file", .string(r.check.document.name)), ("title", .string(r.title)),
                ("characters", .int(r.check.document.scalars.count)), ("year", r.check.reportYear?.year.map { .int($0) } ?? .null),
                (
                    "findings",
                    .object([
                        ("errors", .int(r.check.errorCount)), ("warnings", .int(r.check.warningCount)), ("infos", .int(r.check.infoCount)),
                        ("byFamily", .object(r.check.familyCounts.map { ($0.0, .int($0.1)) })),
                    ])
                ),
                (
                    "structure",
                    .object([
                        ("genre", .string(r.genre.kind.rawValue)), ("reason", .string(r.genre.reason)),
                        ("promised", .array(r.promised.map { .string($0.rawValue) })),
                        ("owed", .array(r.genre.owed.map { .string($0.rawValue) })),
                        ("present", .array(Part.allCases.filter { r.present.contains($0) }.map { .string($0.rawValue) })),
                        ("missing", .array(r.missingCoreParts.map { .string($0.rawValue) })),
                    ])
                ),
                ("results", .int(r.results)), ("substance", .double(ComparisonRenderer.rounded(r.substance))),
                ("batchCopiedShare", .double(ComparisonRenderer.rounded(s.copiedShare[i]))),
                ("sharedWordingShare", .double(ComparisonRenderer.rounded(s.sharedWordingShare[i]))),
                ("cluster", s.cluster(of: i).map { .int($0 + 1) } ?? .null),
                ("signer", r.signer.map { .string($0) } ?? .null),
                (
                    "largestPartner",
                    review.largestPartner(of: i).map { p in
                        .object([
                            ("report", .int(p.report + 1)), ("share", .double(ComparisonRenderer.rounded(p.share))),
                            ("relation", p.relation.map { .string($0) } ?? .null),
                        ])
                    } ?? .null
                ),
            ]
            if let sim = r.check.similarity { fields.append(("corpus", sim.json)) }
            return .object(fields)
        }
        let pairs: [JSONValue] = s.pairs.map { p in
            let a = review.reports[p.first].check.document, b = review.reports[p.second].check.document
            return .object([
                ("a", .int(p.first + 1)), ("b", .int(p.second + 1)),
                ("relation", review.relation(p.first, p.second).map { .string($0) } ?? .null),
                ("aCopiedShare", .double(ComparisonRenderer.rounded(p.firstCopied))),
                ("bCopiedShare", .double(ComparisonRenderer.rounded(p.secondCopied))),
                (
                    "passages",
                    .array(
                        p.passages.map { x in
                            .object([
                                ("verdict", .string(x.verdict.rawValue)), ("length", .int(x.length)), ("matched", .int(x.matched)),
                                ("boilerplate", .double(ComparisonRenderer.rounded(x.boilerplate))),
                                (
                                    "a",
                                    .object([
                                        ("start", .int(x.query.lowerBound)), ("end", .int(x.query.upperBound)),
                                        ("text", .string(a.string(x.query))),
                                    ])
                                ),
                                (
                                    "b",
                                    .object([
                                        ("start", .int(x.source.lowerBound)), ("end", .int(x.source.upperBound)),
                                        ("text", .string(b.string(x.source))),
                                    ])
                                ),
                            ])
                        })
                ),
            ])
        }
        return .object([
            ("reports", .array(reports)),
            ("matrix", .array(s.copied.map { row in .array(row.map { .double(ComparisonRenderer.rounded($0)) }) })),
            ("clusters", .array(s.clusters.map { .array($0.map { .int($0 + 1) }) })),
            ("pairs", .array(pairs)),
            ("failures", .array(review.failures.map { .object([("file", .string($0.file)), ("message", .string($0.message))]) })),
        ])
    }
}
