/// Full-width digits (２０２４): GB/T 15835 writes Arabic digits half-width.
public struct FullwidthDigitRule: Rule {
    public init() {}

    public let description = RuleDescription(
        id: "number.fullwidth-digit",
        severity: .warning,
        summary: "全角数字（２０２４）应为半角",
        rationale: "GB/T 15835-2011 第5节：阿拉伯数字使用半角（正体二分字身）（参考文件 gongwen-norms.md §4 N10）。",
        fix: .safe,
        triggering: [RuleExample("«２０２４»年完成«３»项任务。", fixed: "2024年完成3项任务。")],
        nonTriggering: ["2024年完成3项任务。"]
    )

    public func check(_ analysis: Analysis) -> [Diagnostic] {
        let s = analysis.scalars
        var out: [Diagnostic] = []
        var i = 0
        while i < s.count {
            guard ScalarClass.isFullwidthDigit(s[i].value) else { i += 1; continue }
            var e = i
            var fixed = ""
            while e < s.count && ScalarClass.isFullwidthDigit(s[e].value) {
                fixed.unicodeScalars.append(Unicode.Scalar(s[e].value - 0xFF10 + 0x30)!)
                e += 1
            }
            out.append(description.diagnostic(i..<e, "数字应使用半角：“\(fixed)”", replacements: [fixed], fix: .safe))
            i = e
        }
        return out
    }
}
