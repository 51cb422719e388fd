/// The reviewer's sheets (组织部 reviewers work on paper): a first page ranking the batch by how much each report
/// needs sending back, with the reasons, then one A4 page per report — title, writer, year; the parts it owes, has
/// and lacks, and why it owes them; its findings by category, the worst first; the results it states; what it
/// shares with other reports of the batch and with the store; how much of it is substance. Plain HTML with print
/// styles: it prints from any browser, and `shuzhi review --sheets x.pdf` prints it to PDF with Chromium or
/// LibreOffice.
public enum ReviewSheet {
    /// Why a report should go back, and how strongly: each reason with its weight.
    public struct Verdict: Sendable, Equatable {
        public let report: Int
        public let score: Int
        public let reasons: [String]
        public var sendBack: Bool { score >= sendBackScore }
    }

    /// A report scoring this or more is one to send back (one missing part, or unfilled placeholders, or copying).
    public static let sendBackScore = 3
    /// A share of a report copied from another of the batch, or from the store, that counts as copying.
    public static let copyingShare = 0.3

    /// Every report's verdict, most in need of sending back first (ties in batch order).
    public static func ranking(_ review: BatchReview) -> [Verdict] {
        review.reports.indices.map { verdict(review, $0) }.sorted { ($0.score, -$0.report) > ($1.score, -$1.report) }
    }

    static func verdict(_ review: BatchReview, _ i: Int) -> Verdict {
        let r = review.reports[i]
        var score = 0, reasons: [String] = []
        func add(_ weight: Int, _ reason: String) {
            score += weight
            reasons.append(reason)
        }
        let missing = r.missingCoreParts
        if !missing.isEmpty { add(3 * missing.count, "缺少" + missing.map(\.rawValue).joined(separator: "、") + "部分") }
        let placeholders = r.check.diagnostics.count { $0.rule == ReadingOrder.placeholderRule }
        if placeholders > 0 { add(3, "模板占位未填写 \(placeholders) 处") }
        let residue = r.check.diagnostics.count { $0.family == "residue" && $0.rule != ReadingOrder.placeholderRule }
        if residue > 0 { add(2, "网站残留 \(residue) 处") }
        if let partner = review.largestPartner(of: i), partner.share >= copyingShare, partner.relation == nil {
            add(3, "与第 \(partner.report + 1) 份雷同 \(ReviewRenderer.percent(partner.share))")
        }
        if let store = r.check.similarity, store.copiedShareExcludingOwn >= copyingShare {
            add(3, "与语料库中的报告雷同 \(ReviewRenderer.percent(store.copiedShareExcludingOwn))")
        }
        for (family, weight) in [("formula", 2), ("outdated", 2), ("typo", 1), ("number", 1)] {
            let n = r.check.diagnostics.count { $0.family == family && $0.severity != .info }
            if n > 0 { add(weight * min(n, 3), "\(RuleFamily.chineseName(family)) \(n) 处") }
        }
        if r.results == 0 { add(1, "没有写明具体成绩") }
        if r.substance < 0.3 { add(1, "实质内容少（\(ReviewRenderer.percent(r.substance))）") }
        return Verdict(report: i, score: score, reasons: reasons)
    }

    public static func html(_ review: BatchReview, generator: String = "Shuzhi") -> String {
        let ranking = ranking(review)
        var out = """
            <!DOCTYPE html>
            <html lang="zh-CN"><head><meta charset="utf-8"><meta name="generator" content="\(escape(generator))">
            <title>述职报告审阅单（\(review.reports.count) 份）</title>
            <style>
            @page{size:A4;margin:16mm 15mm}
            body{font-family:"Noto Serif CJK SC","SimSun","Songti SC",serif;font-size:10pt;line-height:1.4;color:#000;margin:0}
            h1{font-size:16pt;text-align:center;margin:0 0 4mm}h2{font-size:14pt;margin:0 0 2mm}h3{font-size:11pt;margin:3mm 0 1mm}
            table{border-collapse:collapse;width:100%}th,td{border:1px solid #444;padding:1mm 2mm;text-align:left;vertical-align:top}
            th{background:#eee;white-space:nowrap}.num{text-align:right}.back{font-weight:bold;white-space:nowrap}.meta{margin:0 0 2mm}
            .sheet{break-before:page;page-break-before:always}.miss{font-weight:bold;text-decoration:underline}
            ul{margin:0;padding-left:5mm}li{margin:0}.note{font-size:9pt;color:#333}
            @media screen{body{margin:1em auto;max-width:180mm}.sheet{border-top:2px dashed #999;margin-top:2em;padding-top:1em}}
            </style></head><body>
            <h1>述职报告审阅单</h1>

            """
        let back = ranking.filter(\.sendBack)
        out += "<p class=\"meta\">\(review.reports.count) 份报告；建议退回修改 \(back.count) 份。"
        out += "按需要退回的程度排序，理由依次列出。</p>\n"
        out += "<table><thead><tr><th>序</th><th>报告</th><th>建议</th><th>理由</th></tr></thead><tbody>\n"
        for (k, v) in ranking.enumerated() {
            let r = review.reports[v.report]
            out +=
                "<tr><td class=\"num\">\(k + 1)</td><td>第 \(v.report + 1) 份 \(escape(r.title))\(r.signer.map { "（\(escape($0))）" } ?? "")</td>"
            out += "<td class=\"back\">\(v.sendBack ? "退回修改" : "可通过")</td>"
            out += "<td>\(v.reasons.isEmpty ? "—" : escape(v.reasons.joined(separator: "；")))</td></tr>\n"
        }
        out += "</tbody></table>\n"
        for v in ranking.sorted(by: { $0.report < $1.report }) { out += sheet(review, v) }
        if !review.failures.isEmpty {
            out += "<section class=\"sheet\"><h2>无法读取的文件</h2><ul>"
            out += review.failures.map { "<li>\(escape($0.file))：\(escape($0.message))</li>" }.joined()
            out += "</ul></section>\n"
        }
        return out + "</body></html>\n"
    }

    /// One report's page.
    static func sheet(_ review: BatchReview, _ v: Verdict) -> String {
        let r = review.reports[v.report], check = r.check
        var out = "<section class=\"sheet\" id=\"r\(v.report + 1)\">\n<h2>第 \(v.report + 1) 份　\(escape(r.title))</h2>\n"
        out += "<p class=\"meta\">文件：\(escape(check.document.name))　述职人：\(escape(r.signer ?? "（未署名）"))　"
        out += "年度：\(check.reportYear?.year.map(String.init) ?? "（未写明）")　字数：\(check.document.scalars.count)　"
        out += "结论：<span class=\"\(v.sendBack ? "back" : "")\">\(v.sendBack ? "退回修改" : "可通过")</span></p>\n"

        out += "<h3>结构</h3><table><tr>"
        let owed = Set(r.genre.owed)
        for part in ReportStructure.Part.allCases where part != .party {
            let state =
                r.present.contains(part) ? "有" : owed.contains(part) ? "<span class=\"miss\">缺</span>" : "—"
            out += "<th>\(part.rawValue)</th><td>\(state)</td>"
        }
        out += "</tr></table>\n<p class=\"note\">应有的部分：\(escape(r.genre.reason))</p>\n"

        out += "<h3>问题（按轻重排列）</h3>\n"
        let order = ReadingOrder(check)
        if order.entries.isEmpty {
            out += "<p>未发现问题。</p>\n"
        } else {
            out += "<p>\(escape(order.headline))</p><ul>\n"
            for entry in order.entries.prefix(sheetFindings) {
                let first = check.diagnostics[entry.indices[0]]
                let line = check.document.lines.location(of: first.range.lowerBound).line
                let message =
                    entry.isPlaceholderList && entry.indices.count > 1
                    ? ReadingOrder.placeholderListMessage(entry.indices, check) : first.message
                // One line each, so that the page holds them: the full text is in the review and the Word comments.
                let short = message.count > sheetMessage ? String(message.prefix(sheetMessage)) + "…" : message
                out += "<li>第 \(line) 行　\(escape(RuleFamily.chineseName(first.family)))：\(escape(short))</li>\n"
            }
            if order.entries.count > sheetFindings { out += "<li>……另有 \(order.entries.count - sheetFindings) 条，见审阅表</li>\n" }
            out += "</ul>\n"
        }

        out += "<h3>写明的成绩（\(r.results) 项）</h3>\n"
        let shown = r.stated.filter { $0.value != nil || $0.isMissing }.prefix(sheetResults)
        if shown.isEmpty {
            out += "<p>没有写明具体数值的成绩。</p>\n"
        } else {
            out += "<table><thead><tr><th>指标</th><th>数值</th><th>变化</th></tr></thead><tbody>\n"
            for s in shown {
                let value = s.isMissing ? "<span class=\"miss\">\(escape(s.valueText))（未填写）</span>" : escape(s.valueText + s.unit)
                out += "<tr><td>\(escape(s.indicator))</td><td>\(value)</td><td>\(escape(s.change ?? ""))</td></tr>\n"
            }
            out += "</tbody></table>\n"
        }
        out += "<p class=\"meta\">实质内容（写明数字、日期、具体事项的句子）占 \(ReviewRenderer.percent(r.substance))。</p>\n"

        out += "<h3>雷同与来源</h3><ul>\n"
        var sources = 0
        if let p = review.largestPartner(of: v.report), p.share > 0 {
            sources += 1
            out += "<li>与本批第 \(p.report + 1) 份《\(escape(review.reports[p.report].title))》相同 \(ReviewRenderer.percent(p.share))"
            out += (p.relation.map { "（\(escape($0))）" } ?? "") + "</li>\n"
        }
        if let store = check.similarity {
            sources += 1
            out += "<li>与语料库 \(store.storeDocuments) 份文档相比：复制比 \(ReviewRenderer.percent(store.copiedShare))，"
            out += "去除本人报告 \(ReviewRenderer.percent(store.copiedShareExcludingOwn))"
            if let largest = store.largestSource { out += "；最大来源《\(escape(largest.title))》\(ReviewRenderer.percent(largest.share))" }
            out += "</li>\n"
        }
        if sources == 0 { out += "<li>未发现与其他报告相同的段落。</li>\n" }
        return out + "</ul>\n</section>\n"
    }

    /// What one page holds: the findings and results beyond these are in the full review.
    static let sheetFindings = 10
    static let sheetResults = 6
    static let sheetMessage = 60

    static func escape(_ s: String) -> String { Markup.escape(s) }
}
