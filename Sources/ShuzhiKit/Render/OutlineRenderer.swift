/// `shuzhi outline`: the section tree as an indented text tree or as JSON.
public enum OutlineRenderer {
    public static func text(_ analysis: Analysis) -> String {
        let doc = analysis.document
        let outline = analysis.outline
        var out = ""
        if let title = outline.title { out += "《\(doc.string(title))》\n" } else { out += "（无标题）\n" }
        out += analysis.reportYear.line + "\n"
        let structure = analysis.structure
        out += structureLine(structure) + "\n"
        var labels: [Int: ReportStructure.Unit] = [:]
        for unit in structure.units { if let n = unit.node { labels[n] = unit } }
        func walk(_ index: Int, _ depth: Int) {
            let node = outline.nodes[index]
            let indent = String(repeating: "  ", count: depth)
            if index != 0 {
                let line = doc.lines.location(of: doc.paragraphs[node.paragraph].content.lowerBound).line
                let marker = node.marker.map { doc.string($0.range) } ?? "[样式\(node.styleLevel ?? 0)级]"
                let label = labels[index].map { "  〔\($0.parts.map(\.rawValue).joined(separator: "、"))：\($0.evidence)〕" } ?? ""
                out += "\(indent)\(marker)\(clip(doc.string(node.titleRange)))  （第 \(line) 行）\(label)\n"
            }
            for item in node.series {
                out += "\(indent)  · \(doc.string(item.range))\(clip(doc.string(item.textRange)))\n"
            }
            for c in node.children { walk(c, index == 0 ? 0 : depth + 1) }
        }
        walk(0, 0)
        return out
    }

    public static func json(_ analysis: Analysis) -> JSONValue {
        let doc = analysis.document
        let outline = analysis.outline
        func span(_ r: Range<Int>) -> [(String, JSONValue)] {
            let (line, column) = doc.lines.location(of: r.lowerBound)
            return [("start", .int(r.lowerBound)), ("end", .int(r.upperBound)), ("line", .int(line)), ("column", .int(column))]
        }
        func node(_ index: Int) -> JSONValue {
            let n = outline.nodes[index]
            var members: [(String, JSONValue)] = []
            if let m = n.marker {
                members.append(("marker", .string(doc.string(m.range))))
                members.append(("style", .string(m.style.example)))
                members.append(("number", .int(m.number)))
            } else {
                members.append(("marker", .null))
                members.append(("style", .string("docx-style")))
                members.append(("number", .null))
            }
            members.append(("level", .int(n.level)))
            members.append(("title", .string(doc.string(n.titleRange))))
            members.append(("runIn", .bool(n.isRunIn)))
            members += span(n.titleRange)
            members.append(
                (
                    "series",
                    .array(
                        n.series.map { item in
                            .object(
                                [
                                    ("marker", .string(doc.string(item.range))), ("style", .string(item.style.rawValue)),
                                    ("number", item.number == Int.max ? .null : .int(item.number)),
                                    ("text", .string(doc.string(item.textRange))),
                                ] + span(item.range))
                        })
                ))
            members.append(("children", .array(n.children.map(node))))
            return .object(members)
        }
        let root = outline.root
        return .object([
            ("file", .string(doc.name)),
            ("encoding", .string(doc.format.encodingName)),
            ("title", outline.title.map { .object([("text", .string(doc.string($0)))] + span($0)) } ?? .null),
            ("reportYear", analysis.reportYear.json(doc)),
            ("structure", structureJSON(analysis.structure, doc)),
            (
                "series",
                .array(
                    root.series.map { item in
                        .object(
                            [("marker", .string(doc.string(item.range))), ("text", .string(doc.string(item.textRange)))] + span(item.range))
                    })
            ),
            ("sections", .array(root.children.map(node))),
        ])
    }

    /// “结构：述学 ✓ 述职 ✓ 述廉 ✓ 述法 ✗（应有） 党建 – 问题不足 ✓ 下步打算 ✓” and why those parts are owed.
    static func structureLine(_ structure: ReportStructure) -> String {
        "结构："
            + ReportStructure.Part.allCases.map { part in
                let mark = structure.present.contains(part) ? "✓" : (structure.genre.owed.contains(part) ? "✗（应有）" : "–")
                return "\(part.rawValue) \(mark)"
            }.joined(separator: " ") + "\n应有部分：\(structure.genre.reason)"
    }

    static func structureJSON(_ structure: ReportStructure, _ doc: Document) -> JSONValue {
        .object([
            ("genre", .string(structure.genre.kind.rawValue)), ("reason", .string(structure.genre.reason)),
            ("promised", .array(structure.promised.map { .string($0.rawValue) })),
            ("owed", .array(structure.genre.owed.map { .string($0.rawValue) })),
            ("present", .array(ReportStructure.Part.allCases.filter { structure.present.contains($0) }.map { .string($0.rawValue) })),
            (
                "units",
                .array(
                    structure.units.map { unit in
                        let (line, column) = doc.lines.location(of: unit.anchor.lowerBound)
                        return .object([
                            ("heading", .string(doc.string(unit.anchor))), ("line", .int(line)), ("column", .int(column)),
                            ("parts", .array(unit.parts.map { .string($0.rawValue) })), ("evidence", .string(unit.evidence)),
                        ])
                    })
            ),
        ])
    }

    private static func clip(_ s: String, _ n: Int = 40) -> String {
        s.count <= n ? s : String(s.prefix(n)) + "…"
    }
}
