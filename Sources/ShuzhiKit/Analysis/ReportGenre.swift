/// What kind of report the title says this is, and so which parts it owes. A title that names its parts
/// (述学述职述廉述法报告, 述职述廉报告) owes exactly those; one that does not is judged by its genre: a 工作总结 owes the
/// account of the work, a 政府工作报告 none of the four, and a report of no known genre only its work. Every part
/// it owes comes with the reason a reviewer is shown.
public struct ReportGenre: Sendable, Equatable {
    public typealias Part = ReportStructure.Part

    public enum Kind: String, Sendable {
        /// The title names its parts: 述学述职述廉述法报告, 述职述廉报告, 述职报告.
        case named
        /// 工作总结, 个人总结, 年度总结.
        case summary = "工作总结"
        /// 政府工作报告: a review of the year and the year's tasks, not a personal account.
        case governmentReport = "政府工作报告"
        /// No title, but an opening that gives a personal account (现报告如下, 本人于……任……): a 述职报告.
        case personalAccount = "个人述职"
        /// A report whose title names no part and no known genre (关于2024年工作情况的报告), or no title at all.
        case other
    }

    public let kind: Kind
    /// The parts the title names, in its order.
    public let promised: [Part]
    /// The parts the report owes: those promised, or those its genre calls for.
    public let owed: [Part]
    /// Whether it should end with its shortcomings and its plans, as a personal account does.
    public let endsWithShortcomingsAndPlans: Bool
    /// Why it owes what it owes: 标题写明“述职”“述廉”.
    public let reason: String

    /// `opening` is the first paragraph, read when there is no title.
    init(title: String?, opening: String? = nil) {
        guard let title else {
            if let opening, let marker = Self.accountMarkers.first(where: { opening.includes($0) }) {
                self.init(
                    kind: .personalAccount, promised: [], owed: [.duty], ends: true,
                    reason: "没有标题，开头写“\(marker)”，按个人述职应有“述职”部分")
            } else {
                self.init(kind: .other, promised: [], owed: [], ends: false, reason: "没有识别出标题，不要求特定部分")
            }
            return
        }
        var promised: [Part] = []
        for (word, part) in [("述学", Part.study), ("述职", .duty), ("述责", .duty), ("述廉", .integrity), ("述法", .law)]
        where title.includes(word) && !promised.contains(part) {
            promised.append(part)
        }
        // 抓基层党建工作述职报告: the party work is what it reports on.
        let party = title.includes("党建") || title.includes("党的建设")
        if title.includes("政府工作报告") {
            self.init(kind: .governmentReport, promised: [], owed: [], ends: false, reason: "政府工作报告不按述学、述职、述廉、述法分部分")
        } else if !promised.isEmpty {
            let owed = promised + (party ? [.party] : [])
            self.init(
                kind: .named, promised: promised, owed: owed, ends: true,
                reason: "标题写明" + promised.map { "“\($0.rawValue)”" }.joined() + (party ? "和党建" : "") + "，应有" + Self.list(owed))
        } else if title.includes("总结") {
            let owed: [Part] = party ? [.party] : [.duty]
            self.init(kind: .summary, promised: [], owed: owed, ends: true, reason: "标题是工作总结，应有" + Self.list(owed))
        } else {
            let owed: [Part] = party ? [.party] : [.duty]
            self.init(
                kind: .other, promised: [], owed: owed, ends: false,
                reason: "标题未写明述学、述职、述廉、述法，按一般报告只要求" + Self.list(owed))
        }
    }

    private init(kind: Kind, promised: [Part], owed: [Part], ends: Bool, reason: String) {
        self.kind = kind
        self.promised = promised
        self.owed = owed
        self.endsWithShortcomingsAndPlans = ends
        self.reason = reason
    }

    /// How an untitled personal account opens: the writer reporting on their own duties.
    static let accountMarkers = ["报告如下", "述职如下", "汇报如下", "述职报告", "本人", "我主要负责", "我分管"]

    static func list(_ parts: [Part]) -> String {
        parts.map { "“\($0.rawValue)”" }.joined(separator: "、") + "部分"
    }
}
