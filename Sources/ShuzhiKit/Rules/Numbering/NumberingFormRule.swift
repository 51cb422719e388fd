/// A heading number in a non-standard form: 1、 for 1. , 一. for 一、, （一）、 with an extra 顿号, (一) with
/// half-width brackets, 1） missing its opening bracket; and punctuation after 一是 (GB/T 15834 B.3).
public struct NumberingFormRule: Rule {
    public init() {}

    public let description = RuleDescription(
        id: "numbering.form",
        severity: .warning,
        summary: "序号写法不规范（1、→1.，一．→一、，（一）、→（一），(一)→（一），一是，→一是）",
        rationale: "GB/T 15834-2011 附录B.3：“一、”后用顿号；“1.”后用下脚点（半角“.”）；带括号的序号后不加任何点号，括号用全角；“一是”“二是”后不用标点。",
        fix: .safe,
        triggering: [
            RuleExample("«1、»深化学习，坚定信仰", fixed: "1.深化学习，坚定信仰"),
            RuleExample("«一.»加强理论学习", fixed: "一、加强理论学习"),
            RuleExample("«（一）、»存在不足", fixed: "（一）存在不足"),
            RuleExample("«(二)»下一步打算", fixed: "（二）下一步打算"),
            RuleExample("«3．»严守底线", fixed: "3.严守底线"),
            RuleExample("«2）»加强监督", fixed: "（2）加强监督"),
            RuleExample("存在的问题：«一是，»学习不够深入。", fixed: "存在的问题：一是学习不够深入。"),
            // A habit through the report: one finding on the first, its fix for all.
            RuleExample("«(一)»加强学习\n(二)履职尽责\n(三)廉洁自律", fixed: "（一）加强学习\n（二）履职尽责\n（三）廉洁自律"),
        ],
        nonTriggering: [
            "一、加强理论学习",
            "（一）存在不足",
            "1.深化学习",
            "（1）加强监督",
            "①落实责任",
            "1、2月份完成投资3亿元。",
            "一是学习不够深入。",
        ]
    )

    /// From this many headings with the same slip, it is the report's habit and reported once.
    static let habit = 3

    public func check(_ analysis: Analysis) -> [Diagnostic] {
        let s = analysis.scalars
        var out: [Diagnostic] = []
        var byReason: [String: [(range: Range<Int>, written: String, canonical: String)]] = [:]
        var reasons: [String] = []
        for node in analysis.outline.headings {
            guard let m = node.marker else { continue }
            let written = s.string(m.range)
            let canonical = m.canonical
            // A space after the marker is the writer's business; compare the marker itself.
            guard written != canonical else { continue }
            let reason: String
            switch m.style {
            case .chinese: reason = "汉字序号后用顿号“、”"
            case .arabic: reason = "阿拉伯数字序号后用半角下脚点“.”"
            case .chineseBracketed, .arabicBracketed:
                reason = m.openBracket == nil ? "序号缺少前括号" : (m.separator != nil ? "带括号的序号后不加标点" : "序号括号应使用全角“（）”")
            case .circled: reason = "带圈序号后不加标点"
            }
            if byReason[reason] == nil { reasons.append(reason) }
            byReason[reason, default: []].append((m.range, written, canonical))
        }
        // The same habit through the whole report (every (一) with half-width brackets) is one finding at its first
        // heading, its fix changing them all: a reviewer reads the habit once, not once per heading.
        for reason in reasons {
            let found = byReason[reason]!
            if found.count >= Self.habit {
                let first = found[0]
                out.append(
                    description.diagnostic(
                        first.range, "序号“\(first.written)”等 \(found.count) 处应写作“\(first.canonical)”式：\(reason)（修复时一并修改）",
                        replacements: [first.canonical],
                        edits: Fix(.safe, found.map { TextEdit($0.range, $0.canonical) })))
            } else {
                for f in found {
                    out.append(
                        description.diagnostic(
                            f.range, "序号“\(f.written)”应写作“\(f.canonical)”：\(reason)", replacements: [f.canonical], fix: .safe))
                }
            }
        }
        // 一是， 二是：
        for node in analysis.outline.nodes {
            for item in node.series where item.style == .yiShi {
                let next = item.range.upperBound
                guard next < s.count, s[next] == "，" || s[next] == "：" || s[next] == "," || s[next] == ":" else { continue }
                let written = s.string(item.range.lowerBound..<(next + 1))
                out.append(
                    description.diagnostic(
                        item.range.lowerBound..<(next + 1), "“\(written)”后不用标点，应写作“\(s.string(item.range))”",
                        replacements: [s.string(item.range)], fix: .safe))
            }
        }
        return out.sorted { $0.range.lowerBound < $1.range.lowerBound }
    }
}
