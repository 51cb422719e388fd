/// A whole and its parts that do not add up: 共15个，其中工业项目8个、服务业项目9个 (8 + 9 > 15).
public struct InconsistentTotalRule: Rule {
    public init() {}

    public let description = RuleDescription(
        id: "number.total",
        severity: .error,
        summary: "总数与分项对不上（共15个，其中8个、9个）",
        rationale: "同一句里写了总数（共、合计、总计、累计）和“其中”的分项，分项单位相同而相加大于总数的，必有一处数字错了。分项之和小于总数是常见写法（只列其中几项），不报；带“余”“多”“左右”的约数不比较。",
        triggering: [
            RuleExample("新签约项目共«15个»，其中工业项目8个、服务业项目9个。"),
            RuleExample("累计投入«3.5亿元»，其中省级资金2亿元，县级配套1.8亿元。"),
        ],
        nonTriggering: [
            "新签约项目共15个，其中工业项目8个、服务业项目7个。",
            "新签约项目共15个，其中工业项目8个。",
            "共20余个，其中工业项目8个、服务业项目9个。",
            "协议总投资12亿元，其中5亿元以上项目2个，1亿元以上项目5个。",
        ]
    )

    static let totals = ["共", "合计", "总计", "累计", "总数", "总共"]

    struct Quantity {
        let number: NumberToken
        let unit: String
        let approximate: Bool
    }

    public func check(_ analysis: Analysis) -> [Diagnostic] {
        let s = analysis.scalars
        var out: [Diagnostic] = []
        let among = Array("其中".unicodeScalars)
        for paragraph in analysis.document.paragraphs where !paragraph.isBlank {
            let range = paragraph.content
            for k in Clause.occurrences(among, s, range) {
                let sentence = Clause.sentence(around: k..<k + 2, in: s, within: range)
                let before = NumberToken.all(s, sentence.lowerBound..<k).map { Self.quantity($0, s, sentence) }
                guard let total = before.last, !total.approximate, !total.unit.isEmpty, total.unit != "%",
                    OutdatedContext.preceded(by: Self.totals, total.number.range.lowerBound, s, sentence, within: 10)
                else { continue }
                // The parts: up to the next 其中 or the sentence's end, with the total's unit.
                let next = Clause.occurrences(among, s, k + 2..<sentence.upperBound).first ?? sentence.upperBound
                let after = NumberToken.all(s, k + 2..<next).map { Self.quantity($0, s, sentence) }
                guard !after.contains(where: { $0.approximate || Self.isThreshold($0, s, sentence) }) else { continue }
                let parts = after.filter { $0.unit == total.unit }
                guard parts.count >= 2 else { continue }
                let sum = parts.reduce(0) { $0 + $1.number.value }
                guard sum > total.number.value * (1 + 1e-9) + 1e-9 else { continue }
                let span = total.number.range.lowerBound..<total.number.range.upperBound + total.unit.unicodeScalars.count
                let shown = sum == sum.rounded() ? String(Int(sum)) : String(sum)
                out.append(description.diagnostic(span, "分项之和为\(shown)\(total.unit)，大于总数\(s.string(span))：请核对"))
            }
        }
        return out
    }

    /// The number with the unit right after it (up to two characters: 个, 亿元) and whether it is an estimate.
    static func quantity(_ number: NumberToken, _ s: [Unicode.Scalar], _ sentence: Range<Int>) -> Quantity {
        var e = number.range.upperBound
        var approximate = false
        if e < sentence.upperBound, s[e] == "余" || s[e] == "多" { approximate = true; e += 1 }
        var unit = ""
        while e < sentence.upperBound && unit.unicodeScalars.count < 2 && (ScalarClass.isHan(s[e]) || s[e] == "%")
            && !"以余多左近约其和与及等".unicodeScalars.contains(s[e])
        {
            unit.unicodeScalars.append(s[e])
            e += 1
        }
        if e < sentence.upperBound, s[e] == "余" || s[e] == "多" || s[e] == "左" { approximate = true }
        return Quantity(number: number, unit: unit, approximate: approximate)
    }

    /// 5亿元以上项目: a size class, not a part.
    static func isThreshold(_ q: Quantity, _ s: [Unicode.Scalar], _ sentence: Range<Int>) -> Bool {
        let p = q.number.range.upperBound + q.unit.unicodeScalars.count
        return p + 1 < sentence.upperBound && s[p] == "以" && (s[p + 1] == "上" || s[p + 1] == "下")
    }
}
