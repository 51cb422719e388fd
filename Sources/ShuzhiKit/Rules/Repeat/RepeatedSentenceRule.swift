/// The same sentence twice in a row, within a paragraph or across two: a paste done twice. Sentences are compared
/// on their words only (numbers of list items, punctuation and spaces left out), and must be long enough to mean it.
public struct RepeatedSentenceRule: Rule {
    public init() {}

    public let description = RuleDescription(
        id: "repeat.sentence",
        severity: .warning,
        summary: "句子重复：同一句话连续出现两次（多为复制粘贴失误）",
        rationale: "相邻两句（或相邻两段）的文字完全相同，多是复制粘贴时重复了一遍。比较时忽略序号、标点和空格；少于 8 个字的短句（如口号、标题）不比较。",
        fix: .unsafe,
        triggering: [
            RuleExample(
                "严格执行财务制度，规范资金使用。«严格执行财务制度，规范资金使用。»全年未发生违规问题。",
                fixed: "严格执行财务制度，规范资金使用。全年未发生违规问题。"),
            "1.严格执行财务制度，，规范资金使用。\n2.«严格执行财务制度，规范资金使用。»",
        ],
        nonTriggering: [
            "严格执行财务制度，规范资金使用。加强队伍建设，开展业务培训。",
            "一是抓学习。二是抓学习。",
            "严格执行财务制度，规范资金使用。全年未发生问题。严格执行财务制度，规范资金使用。",
        ]
    )

    /// Sentences shorter than this (in comparable characters) are not compared: slogans and headings repeat by design.
    static let minimumLength = 8

    public func check(_ analysis: Analysis) -> [Diagnostic] {
        let s = analysis.scalars
        var out: [Diagnostic] = []
        // Two buffers, swapped at each sentence: the last sentence's key and this one's (none allocated per sentence).
        var previous: [UInt32] = [], key: [UInt32] = []
        for p in analysis.document.paragraphs where !p.isBlank {
            let marker = HeadingMarker.parse(s, at: p.content.lowerBound, end: p.content.upperBound)
            var start = marker?.range.upperBound ?? p.content.lowerBound
            var i = start
            while i <= p.content.upperBound {
                let atEnd = i == p.content.upperBound
                let v: UInt32 = atEnd ? 0 : s[i].value
                guard atEnd || v == 0x3002 || v == 0xFF01 || v == 0xFF1F || v == 0xFF1B else { i += 1; continue }
                let sentence = start..<min(i + (atEnd ? 0 : 1), p.content.upperBound)
                key.removeAll(keepingCapacity: true)
                key.reserveCapacity(sentence.count)
                for k in sentence {
                    let c = s[k].value
                    if ScalarClass.isHan(c) || ScalarClass.isASCIILetter(c) || ScalarClass.isASCIIDigit(c) { key.append(c) }
                }
                if !key.isEmpty {
                    if key.count >= Self.minimumLength && key == previous {
                        out.append(description.diagnostic(sentence, "这句话与前一句完全相同，可能重复粘贴了一次", replacements: [""], fix: .unsafe))
                    }
                    swap(&previous, &key)
                }
                start = i + 1
                i += 1
            }
        }
        return out
    }
}
