/// Two sentence marks in a row: ，， 。。 ，。 、， (GB/T 15834 §4: one point mark ends a pause).
public struct DoubledPunctuationRule: Rule {
    public init() {}

    public let description = RuleDescription(
        id: "punct.doubled",
        severity: .error,
        summary: "标点重复（，，、。。、，。、、，等）",
        rationale: "一个停顿只用一个点号。相同标点连打可安全去重；不同标点相连需人工判断保留哪个。？！、！！等语气连用和省略号不在此列。",
        fix: .safe,
        fixSometimesUnsafe: true,
        triggering: [
            RuleExample("加强学习«，，»提高能力。", fixed: "加强学习，提高能力。"),
            RuleExample("全面完成任务«。。»", fixed: "全面完成任务。"),
            RuleExample("推动工作«，。»下一步", fixed: "推动工作。下一步"),
            RuleExample("土地、规划«、，»报建等工作", fixed: "土地、规划，报建等工作"),
        ],
        nonTriggering: [
            "这难道不是我们的责任吗？！",
            "他说：“好。”随后离开。",
            "成绩来之不易……",
        ]
    )

    /// ，。、；：
    @inline(__always) static func isPointMark(_ v: UInt32) -> Bool {
        v == 0xFF0C || v == 0x3002 || v == 0x3001 || v == 0xFF1B || v == 0xFF1A
    }

    public func check(_ analysis: Analysis) -> [Diagnostic] {
        let s = analysis.scalars
        var out: [Diagnostic] = []
        for p in analysis.document.paragraphs where !p.isBlank {
            var i = p.content.lowerBound
            while i < p.content.upperBound {
                guard Self.isPointMark(s[i].value) else { i += 1; continue }
                var e = i + 1
                // The run of marks, as what the message needs of it (no array for each of the text's marks).
                let firstMark = s[i]
                var lastMark = s[i], count = 1, same = true, fullStops = firstMark == "。"
                while e < p.content.upperBound {
                    var k = e
                    while k < p.content.upperBound && ScalarClass.isInlineSpace(s[k].value) { k += 1 }
                    guard k < p.content.upperBound, Self.isPointMark(s[k].value) || s[k] == "？" || s[k] == "！" else { break }
                    count += 1
                    same = same && s[k] == firstMark
                    fullStops = fullStops && s[k] == "。"
                    lastMark = s[k]
                    e = k + 1
                }
                // 。。。 is a mistyped ellipsis: punct.ellipsis reports it.
                if count >= 2 && !(count >= 3 && fullStops) {
                    let last = String(lastMark), first = String(firstMark)
                    out.append(
                        description.diagnostic(
                            i..<e, same ? "标点\(quoted(String(first)))重复" : "标点\(quoted(s.string(i..<e)))连用，只应保留一个",
                            replacements: same ? [first] : (last == first ? [last] : [last, first]),
                            fix: same ? .safe : .unsafe))
                }
                i = e
            }
        }
        return out
    }
}
