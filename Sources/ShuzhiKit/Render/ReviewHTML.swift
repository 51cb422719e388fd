/// The review as one HTML page: the table of reports, the similarity matrix as a heatmap ordered by cluster, the
/// clusters, and the copied passages of each linked pair side by side. Everything inline; it works offline.
extension ReviewRenderer {
    public static func html(_ review: BatchReview, generator: String = "Shuzhi") -> String {
        let s = review.similarity
        let store = review.checkedAgainstStore
        var out = """
            <!DOCTYPE html>
            <html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
            <meta name="generator" content="\(escape(generator))">
            <title>述职报告批量审阅（\(review.reports.count) 份）</title>
            <style>
            body{font-family:"Noto Sans CJK SC","Microsoft YaHei","PingFang SC",sans-serif;margin:2em;color:#222;line-height:1.5}
            h1{font-size:1.5em}h2{font-size:1.2em;margin-top:2em;border-bottom:1px solid #ccc}
            table{border-collapse:collapse;font-size:.9em}th,td{border:1px solid #ddd;padding:.25em .5em;text-align:right}
            th{background:#f4f4f4}td.l,th.l{text-align:left}.miss{color:#b00020;font-weight:bold}.ok{color:#2e7d32}
            .heat td,.heat th{width:2.2em;height:2.2em;padding:0;text-align:center;font-size:.75em}
            .heat th.l{width:auto;padding:0 .5em}.self{background:#eee}
            .pair{margin:1em 0;padding:.5em 1em;border-left:4px solid #b00020;background:#fafafa}
            .side{display:grid;grid-template-columns:1fr 1fr;gap:1em}.side div{background:#fff;border:1px solid #eee;padding:.5em}
            .note{color:#666;font-size:.9em}
            </style></head><body>
            <h1>述职报告批量审阅</h1>

            """
        let copying = s.pairs.filter { $0.copiedPassages > 0 }.count
        let missing = review.reports.filter { !$0.missingCoreParts.isEmpty }.count
        out += "<p>\(review.reports.count) 份报告；\(copying) 对报告之间有疑似复制的段落，\(s.clusters.count) 组相互复制；\(missing) 份缺少述学、述职、述廉、述法中的部分"
        out += review.failures.isEmpty ? "。</p>\n" : "；\(review.failures.count) 份无法读取。</p>\n"
        out += "<p class=\"note\">复制比：报告中与另一份报告逐字（或稍改）相同、且不是公文通用表述的段落所占的比例（不计标点和空白）。通用表述：批内半数以上报告都有的表述"
        out += store ? "，以及语料库中常见的表述。</p>\n" : "。</p>\n"

        // The table of reports.
        out +=
            "<h2>报告一览</h2>\n<table><thead><tr><th>编号</th><th class=\"l\">文件</th><th class=\"l\">标题</th><th>字数</th><th>年度</th><th>错误</th><th>警告</th><th>提示</th>"
        out += Part.allCases.map { "<th>\($0.rawValue)</th>" }.joined()
        out += "<th>成绩数</th><th>实质比例</th><th>批内复制比</th><th class=\"l\">最相似</th><th>组</th><th>通用表述</th>"
        if store { out += "<th>语料库复制比</th><th class=\"l\">语料库最大来源</th>" }
        out += "</tr></thead><tbody>\n"
        for (i, r) in review.reports.enumerated() {
            let owed = Set(r.genre.owed)
            out +=
                "<tr id=\"r\(i + 1)\"><td>\(i + 1)</td><td class=\"l\" title=\"\(escape(r.check.document.name))\">\(escape(base(r.check.document.name)))</td><td class=\"l\">\(escape(r.title))</td>"
            out += "<td>\(r.check.document.scalars.count)</td><td>\(r.check.reportYear?.year.map(String.init) ?? "")</td>"
            out += "<td>\(r.check.errorCount)</td><td>\(r.check.warningCount)</td><td>\(r.check.infoCount)</td>"
            for part in Part.allCases {
                if r.present.contains(part) {
                    out += "<td class=\"ok\">✓</td>"
                } else if owed.contains(part) {
                    out += "<td class=\"miss\" title=\"缺少\(part.rawValue)：\(escape(r.genre.reason))\">缺</td>"
                } else {
                    out += "<td></td>"
                }
            }
            out += "<td>\(r.results)</td><td>\(percent(r.substance))</td><td>\(percent(s.copiedShare[i]))</td>"
            if let p = review.largestPartner(of: i) {
                out +=
                    "<td class=\"l\"><a href=\"#r\(p.report + 1)\">#\(p.report + 1)</a> \(percent(p.share))\(p.relation.map { " " + escape($0) } ?? "")</td>"
            } else {
                out += "<td class=\"l\"></td>"
            }
            out += "<td>\(s.cluster(of: i).map { "\($0 + 1)" } ?? "")</td><td>\(percent(s.sharedWordingShare[i]))</td>"
            if store {
                let sim = r.check.similarity
                out += "<td>\(sim.map { percent($0.copiedShare) } ?? "")</td>"
                out +=
                    "<td class=\"l\">\(escape(sim?.largestSource.map { "#\($0.id)《\($0.title)》\(percent($0.share))" + ($0.relation.name.map { "（\($0)）" } ?? "") } ?? ""))</td>"
            }
            out += "</tr>\n"
        }
        out += "</tbody></table>\n"

        // The heatmap: rows and columns in cluster order, so each cluster is a block on the diagonal.
        out += "<h2>相似度矩阵</h2>\n<p class=\"note\">第 i 行第 j 列：第 i 份报告中与第 j 份相同段落所占比例。颜色越深，复制越多；同组的报告排在一起。</p>\n"
        out +=
            "<table class=\"heat\"><thead><tr><th class=\"l\"></th>" + s.order.map { "<th>#\($0 + 1)</th>" }.joined()
            + "</tr></thead><tbody>\n"
        for i in s.order {
            out += "<tr><th class=\"l\">#\(i + 1) \(escape(short(base(review.reports[i].check.document.name))))</th>"
            for j in s.order {
                if i == j { out += "<td class=\"self\"></td>"; continue }
                let v = s.copied[i][j]
                let title = "#\(i + 1) 中与 #\(j + 1) 相同 \(percent(v))"
                // Square root so that a few percent already shows; full colour from half the report.
                let alpha = v <= 0 ? 0 : min(1, (v / 0.5).squareRoot())
                let color = alpha > 0.55 ? "#fff" : "#222"
                out +=
                    "<td title=\"\(title)\" style=\"background:rgba(176,0,32,\(format3(alpha)));color:\(color)\">\(v >= 0.01 ? "\(Int((v * 100).rounded()))" : "")</td>"
            }
            out += "</tr>\n"
        }
        out += "</tbody></table>\n"

        // Clusters.
        out += "<h2>相互复制的报告</h2>\n"
        if s.clusters.isEmpty { out += "<p>未发现相互复制的报告。</p>\n" }
        for (n, cluster) in s.clusters.enumerated() {
            out +=
                "<p>第 \(n + 1) 组（\(cluster.count) 份）："
                + cluster.map { "<a href=\"#r\($0 + 1)\">#\($0 + 1)</a> \(escape(base(review.reports[$0].check.document.name)))" }.joined(
                    separator: "，") + "</p>\n"
        }

        // The copied passages of each pair, the most strongly linked first.
        let linked = s.pairs.filter { $0.copiedPassages > 0 }
        if !linked.isEmpty { out += "<h2>相同段落</h2>\n" }
        for p in linked.prefix(100) {
            let a = review.reports[p.first].check.document, b = review.reports[p.second].check.document
            out +=
                "<div class=\"pair\"><p><b>#\(p.first + 1) \(escape(base(a.name)))</b>（\(percent(p.firstCopied))）与 <b>#\(p.second + 1) \(escape(base(b.name)))</b>（\(percent(p.secondCopied))）：\(p.copiedPassages) 段</p>\n"
            for x in p.passages.filter({ $0.verdict == .copied }).sorted(by: { $0.length > $1.length }).prefix(5) {
                let edited = x.length - x.matched
                out += "<p class=\"note\">\(x.length) 字" + (edited > 0 ? "，改动约 \(edited) 字" : "，逐字相同") + "</p>"
                out +=
                    "<div class=\"side\"><div>\(escape(ComparisonRenderer.place(x.query, in: a)))：\(escape(clip(a.string(x.query))))</div>"
                out += "<div>\(escape(ComparisonRenderer.place(x.source, in: b)))：\(escape(clip(b.string(x.source))))</div></div>\n"
            }
            out += "</div>\n"
        }
        if linked.count > 100 { out += "<p class=\"note\">另有 \(linked.count - 100) 对未列出，见 JSON 输出。</p>\n" }

        if !review.failures.isEmpty {
            out += "<h2>无法读取</h2>\n<ul>" + review.failures.map { "<li>\(escape($0.file))：\(escape($0.message))</li>" }.joined() + "</ul>\n"
        }
        out += "<p class=\"note\">由 \(escape(generator)) 在本机生成，报告内容未离开本机。</p>\n</body></html>\n"
        return out
    }

    static func escape(_ s: String) -> String { Markup.escape(s) }

    static func format3(_ x: Double) -> String { String((x * 1000).rounded() / 1000) }

    /// A file's name without its folder: the page is read by people, the full path is in the tooltip and the JSON.
    static func base(_ path: String) -> String { path.split(separator: "/").last.map(String.init) ?? path }

    static func short(_ name: String) -> String { name.count > 16 ? String(name.prefix(15)) + "…" : name }

    /// A long passage with its middle cut.
    static func clip(_ text: String, limit: Int = 300) -> String {
        guard text.count > limit else { return text }
        return String(text.prefix(limit / 2)) + " …… " + String(text.suffix(limit / 2))
    }
}
