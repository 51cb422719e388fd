/// `shuzhi compare`: two documents side by side — each shared passage with where it is in both, its length, and
/// whether it reads as copied or as the official wording every report shares.
public enum ComparisonRenderer {
    public static func text(_ c: TextComparison, a: Document, b: Document, showSharedWording: Bool) -> String {
        let copied = c.passages.filter { $0.verdict == .copied }
        let shared = c.passages.count - copied.count
        var out = "A：\(a.name)（\(c.queryLength) 字）\nB：\(b.name)（\(c.sourceLength) 字）\n"
        out += "共有段落 \(c.passages.count) 处：疑似抄袭 \(copied.count) 处，公文通用表述 \(shared) 处\n"
        out += "A 中与 B 相同的比例 \(percent(c.queryCopied))；B 中与 A 相同的比例 \(percent(c.sourceCopied))\n"
        var n = 0
        for p in c.passages where showSharedWording || p.verdict == .copied {
            n += 1
            let label = p.verdict == .copied ? "疑似抄袭" : "通用表述"
            let edited = p.length - p.matched
            out += "\n[\(n)] \(label) · \(p.length) 字" + (edited > 0 ? "（改动约 \(edited) 字）" : "（逐字相同）")
            if p.boilerplate > 0 { out += " · 通用语 \(percent(p.boilerplate))" }
            out += "\n"
            out += "  A \(place(p.query, in: a))  \(excerpt(p.query, in: a))\n"
            out += "  B \(place(p.source, in: b))  \(excerpt(p.source, in: b))\n"
        }
        if !showSharedWording && shared > 0 { out += "\n（另有 \(shared) 处公文通用表述未列出，加 --all 显示）\n" }
        return out
    }

    public static func json(_ c: TextComparison, a: Document, b: Document) -> JSONValue {
        func side(_ d: Document, _ length: Int, _ copied: Double) -> JSONValue {
            .object([("file", .string(d.name)), ("characters", .int(length)), ("copiedShare", .double(rounded(copied)))])
        }
        func range(_ r: Range<Int>, _ d: Document) -> JSONValue {
            let (line, column) = d.lines.location(of: r.lowerBound)
            return .object([
                ("start", .int(r.lowerBound)), ("end", .int(r.upperBound)), ("line", .int(line)), ("column", .int(column)),
                ("text", .string(d.string(r))),
            ])
        }
        let passages: [JSONValue] = c.passages.map { p in
            .object([
                ("verdict", .string(p.verdict.rawValue)), ("length", .int(p.length)), ("matched", .int(p.matched)),
                ("boilerplate", .double(rounded(p.boilerplate))), ("a", range(p.query, a)), ("b", range(p.source, b)),
            ])
        }
        return .object([
            ("a", side(a, c.queryLength, c.queryCopied)), ("b", side(b, c.sourceLength, c.sourceCopied)), ("passages", .array(passages)),
        ])
    }

    public static func rounded(_ x: Double) -> Double { (x * 10000).rounded() / 10000 }

    public static func percent(_ x: Double) -> String {
        let v = (x * 1000).rounded() / 10
        return v == v.rounded() ? "\(Int(v))%" : "\(v)%"
    }

    /// "第 3 行第 12 列起" for a range.
    public static func place(_ r: Range<Int>, in d: Document) -> String {
        let (line, column) = d.lines.location(of: r.lowerBound)
        return "第\(line)行第\(column)列"
    }

    /// The passage's text, its middle cut when long, on one line.
    public static func excerpt(_ r: Range<Int>, in d: Document, limit: Int = 60) -> String {
        let flat: (Range<Int>) -> String = {
            d.string($0).replacingOccurrences(of: "\n", with: " ").replacingOccurrences(of: "\r", with: "")
        }
        if r.count <= limit { return "“" + flat(r) + "”" }
        let head = r.lowerBound..<(r.lowerBound + limit / 2), tail = (r.upperBound - limit / 2)..<r.upperBound
        return "“" + flat(head) + "……" + flat(tail) + "”"
    }
}
