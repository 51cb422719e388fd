/// Brackets without their partner, or closed by the wrong kind: （） 《》 【】 〔〕 〈〉 (GB/T 15834 4.9, 4.15).
public struct UnpairedBracketRule: Rule {
    public init() {}

    public let description = RuleDescription(
        id: "punct.unpaired-bracket",
        severity: .error,
        summary: "括号或书名号不成对（（）《》【】〔〕〈〉）",
        rationale: "GB/T 15834-2011 4.9、4.15：括号、书名号成对使用，前后形式一致。段首“1）”式序号由 numbering 规则处理。",
        triggering: [
            "认真学习«《»中国共产党章程等党内法规。",
            "土地储备中心«（»现改为综合服务中心，分管招商局。",
            "完成投资（含技改«》»12亿元。",
            "引进«【»重点项目5个。",
        ],
        nonTriggering: [
            "认真学习《中国共产党章程》《〈中国工人〉发刊词》。",
            "土地储备中心（现改为综合服务中心）",
            "国发〔2023〕5号文件",
            "1）加强学习",
            "细颗粒物(PM2.5）浓度",
        ]
    )

    /// The bracket pairs this rule checks: Brackets' own, less the square ones Latin text leaves unpaired.
    @inline(__always) private static func closer(of v: UInt32) -> UInt32? { Brackets.isSquare(v) ? nil : Brackets.closer(of: v) }
    @inline(__always) private static func opener(of v: UInt32) -> UInt32? { Brackets.isSquare(v) ? nil : Brackets.opener(of: v) }

    /// ( and （ are one kind for pairing; their width is punct.halfwidth's business.
    @inline(__always) private static func kind(_ v: UInt32) -> UInt32 { v == 0x28 ? 0xFF08 : (v == 0x29 ? 0xFF09 : v) }

    public func check(_ analysis: Analysis) -> [Diagnostic] {
        let s = analysis.scalars
        var out: [Diagnostic] = []
        let contacts = SortedRanges(analysis.webResidue.contacts.map(\.range))
        for p in analysis.document.paragraphs where !p.isBlank {
            var marker: HeadingMarker??
            var stack: [Int] = []
            // Openers of each kind on the stack, so a closer with no partner costs O(1), not a scan of the stack.
            var open: [UInt32: Int] = [:]
            for i in p.content {
                let v = s[i].value
                if Self.closer(of: v) != nil {
                    stack.append(i)
                    open[Self.kind(v), default: 0] += 1
                } else if let opener = Self.opener(of: v) {
                    if marker == nil { marker = .some(HeadingMarker.parse(s, at: p.content.lowerBound, end: p.content.upperBound)) }
                    if let m = marker!, m.openBracket == nil, m.range.contains(i) { continue }  // 1） as a list number
                    let kind = Self.kind(opener)
                    if let top = stack.last, Self.kind(s[top].value) == kind {
                        stack.removeLast()
                        open[kind]! -= 1
                    } else if open[kind, default: 0] > 0, let k = stack.lastIndex(where: { Self.kind(s[$0].value) == kind }) {
                        for j in stack[(k + 1)...] { out.append(unpaired(s, j)); open[Self.kind(s[j].value)]! -= 1 }
                        stack.removeSubrange(k...)
                        open[kind]! -= 1
                    } else if let top = stack.popLast() {
                        open[Self.kind(s[top].value)]! -= 1
                        // （…》: the closer belongs to the open bracket but has the wrong shape.
                        let wanted = String(Unicode.Scalar(Self.closer(of: Self.kind(s[top].value) == 0xFF08 ? 0xFF08 : s[top].value)!)!)
                        out.append(
                            description.diagnostic(
                                i..<(i + 1), "“\(s[i])”与前面的“\(s[top])”不匹配，应为“\(wanted)”",
                                replacements: [wanted]))
                    } else {
                        out.append(unpaired(s, i))
                    }
                }
            }
            for j in stack where !(s[j] == "(" && contacts.contains(j..<(j + 1))) {
                out.append(unpaired(s, j))
            }
        }
        return out.sorted { $0.range.lowerBound < $1.range.lowerBound }
    }

    private func unpaired(_ s: [Unicode.Scalar], _ i: Int) -> Diagnostic {
        description.diagnostic(i..<(i + 1), "“\(s[i])”不成对，缺少与之配对的\(Self.closer(of: s[i].value) != nil ? "后" : "前")半个符号")
    }
}
