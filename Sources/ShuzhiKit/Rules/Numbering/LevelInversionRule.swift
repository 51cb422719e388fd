/// A higher-level number after a lower-level one under the same heading: 1. … （一） (GB/T 15834 B.3.8: after a
/// lower-level ordinal, do not go back to a higher one).
public struct LevelInversionRule: Rule {
    public init() {}

    public let description = RuleDescription(
        id: "numbering.level-inversion",
        severity: .warning,
        summary: "层次序号颠倒：低一级序号之后又用了高一级序号（1. 之后出现（一））",
        rationale: "GB/T 15834-2011 附录B.3.8：序次语依次为“一、”“（一）”“1.”“（1）”；可以越级向下使用，但用了较低层次的序次语之后，不宜反过来再用较高层次的。",
        triggering: [
            "一、加强学习\n1.深化理论学习\n«（二）»强化业务学习",
            "1.总体情况\n«一、»主要工作",
        ],
        nonTriggering: [
            "一、加强学习\n（一）深化理论学习\n1.读原著\n2.悟原理\n（二）强化业务学习",
            "一、加强学习\n1.深化理论学习\n2.强化业务学习\n二、履职尽责",
        ]
    )

    public func check(_ analysis: Analysis) -> [Diagnostic] {
        let outline = analysis.outline
        var out: [Diagnostic] = []
        for node in outline.nodes {
            var lowest: HeadingMarker.Style?
            for c in node.children {
                guard let m = outline.nodes[c].marker else { continue }
                if let low = lowest, m.style < low {
                    out.append(
                        description.diagnostic(
                            m.range,
                            "“\(analysis.document.string(m.range))”的层级高于前面同级位置的“\(low.example)”式序号，层次颠倒"))
                }
                lowest = max(lowest ?? m.style, m.style)
            }
        }
        return out
    }
}
