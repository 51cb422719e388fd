import Foundation
import Testing
@testable import ShuzhiKit

/// The knowledge base itself: the copy linked into the binary is the committed file, every entry is sourced, and the
/// entries taken from the shared reference keep its URLs.
@Suite struct KnowledgeBaseTests {
    static let knowledge = KnowledgeBase.builtIn

    @Test func embeddedCopyIsTheCommittedFile() throws {
        let file = try Data(contentsOf: Fixture.packageRoot.appendingPathComponent("Sources/CShuzhiData/knowledge.json"))
        #expect(KnowledgeBase.builtInJSON == file, "knowledge.json changed without a rebuild: touch Sources/CShuzhiData/knowledge.S")
    }

    @Test func everyVerifiedEntryNamesItsSources() {
        let k = Self.knowledge
        let entries: [(String, KnowledgeBase.Status, [String])] =
            k.formulas.map { ($0.name, $0.status, $0.sources) } + k.phrases.map { ($0.text, $0.status, $0.sources) }
            + k.forms.map { ($0.text, $0.status, $0.sources) } + k.events.map { ($0.name, $0.status, $0.sources) }
            + k.plans.map { ($0.name, $0.status, $0.sources) } + k.campaigns.map { ($0.name, $0.status, $0.sources) }
            + k.changes.map { ($0.old, $0.status, $0.sources) } + k.sequences.map { ($0.id, $0.status, $0.sources) }
        #expect(entries.count > 90)
        for (name, status, sources) in entries {
            if status != .unverified { #expect(!sources.isEmpty, "\(name) has no source") }
            for url in sources { #expect(url.hasPrefix("http://") || url.hasPrefix("https://"), "\(name): \(url)") }
        }
    }

    /// Entries whose id comes from the reference (F…, E…, W…) cite URLs that the reference cites.
    @Test(.enabled(if: Fixture.hasShared)) func referenceEntriesKeepTheReferenceURLs() throws {
        let reference = try String(contentsOf: Fixture.shared!.appendingPathComponent("reference/political-formulas.md"), encoding: .utf8)
        let k = Self.knowledge
        let entries: [(String, [String])] =
            k.formulas.map { ($0.id, $0.sources) } + k.phrases.map { ($0.id, $0.sources) }
            + k.forms.map { ($0.id, $0.sources) } + k.campaigns.map { ($0.id, $0.sources) } + k.changes.map { ($0.id, $0.sources) }
            + k.events.map { ("event", $0.sources) } + k.plans.map { ("plan", $0.sources) }
        for (id, sources) in entries where !id.hasPrefix("P") {
            for url in sources { #expect(reference.contains(url), "\(id): \(url) is not in political-formulas.md") }
        }
        // Every congress, plenary and campaign of the reference's timeline is in the base.
        for event in k.events { #expect(reference.contains("| \(event.name) |"), "\(event.name)") }
        for id in (1...9).map({ "E\($0)" }) { #expect(k.campaigns.contains { $0.id == id }, "\(id) missing") }
    }

    @Test func userFilesExtendTheBase() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("shuzhi-kb-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("local.json")
        try Data(
            """
            {"formulas": [{"id": "L1", "name": "三个表率", "members": ["政治表率", "学习表率", "廉洁表率"], "status": "V", "sources": ["https://example.org/local"]}]}
            """.utf8
        ).write(to: file)
        let extended = try KnowledgeBase.extended(with: [file.path])
        #expect(extended.formulas.count == Self.knowledge.formulas.count + 1)
        let text = "做到政治表率、廉洁表率、学习表率。"
        let found = FormulaMembersRule().check(Analysis(Document(text: text), knowledge: extended))
        #expect(found.count == 1 && found.first?.message.contains("三个表率") == true)
        #expect(FormulaMembersRule().check(Analysis(Document(text: text))).isEmpty)

        let bad = folder.appendingPathComponent("bad.json")
        try Data(#"{"formulas": [{"id": "L2", "name": "x"}]}"#.utf8).write(to: bad)
        #expect(throws: KnowledgeError.self) { try KnowledgeBase.extended(with: [bad.path]) }
        do { _ = try KnowledgeBase.extended(with: [bad.path]) } catch {
            #expect(error.description.contains("bad.json") && error.description.contains("members"))
        }
        #expect(throws: KnowledgeError.self) { try KnowledgeBase.extended(with: [folder.appendingPathComponent("missing.json").path]) }
    }
}

/// Each entry of the knowledge base, turned into texts: the wrong form is flagged by its rule, the official form and
/// the allowed variants are not.
@Suite struct KnowledgeEntryTests {
    static let knowledge = KnowledgeBase.builtIn

    static func findings(_ text: String, _ family: String, year: Int? = nil) -> [Diagnostic] {
        let analysis = Analysis(Document(text: text), year: year)
        return RuleRegistry.all.filter { $0.description.family == family }.flatMap { $0.check(analysis) }
    }

    @Test(arguments: knowledge.formulas.filter { $0.members.count >= 3 }.map(\.id))
    func formulaMembers(id: String) throws {
        let formula = try #require(Self.knowledge.formulas.first { $0.id == id })
        let m = formula.members
        let official = "坚持“\(formula.name)”，即\(m.joined(separator: "、"))。"
        #expect(Self.findings(official, "formula").isEmpty, "\(official)")
        var swapped = m
        swapped.swapAt(0, 1)
        let disordered = "坚持“\(formula.name)”，即\(swapped.joined(separator: "、"))。"
        #expect(Self.findings(disordered, "formula").contains { $0.rule == "formula.members" }, "\(disordered)")
        let short = "坚持“\(formula.name)”，即\(m.dropLast().joined(separator: "、"))。"
        #expect(Self.findings(short, "formula").contains { $0.rule == "formula.members" }, "\(short)")
    }

    @Test(arguments: knowledge.formulas.map(\.id))
    func formulaNames(id: String) throws {
        let formula = try #require(Self.knowledge.formulas.first { $0.id == id })
        #expect(Self.findings("坚持“\(formula.name)”。", "formula").isEmpty)
        // 四个意识 → 四种意识: a classifier changed.
        let name = Array(formula.name)
        if let c = name.firstIndex(where: { "个种项".contains($0) }), c > 0, c + 2 < name.count {
            var wrong = name
            wrong[c] = name[c] == "个" ? "种" : "个"
            let text = "坚持\(String(wrong))。"
            #expect(Self.findings(text, "formula").contains { $0.rule == "formula.name" && $0.replacements == [formula.name] }, "\(text)")
        }
        // Its usual verb is fine; another formula's verb is not.
        if let verbs = formula.verbs, let usual = verbs.first {
            #expect(Self.findings("\(usual)“\(formula.name)”。", "formula").isEmpty)
            let foreign = Self.knowledge.formulas.flatMap { $0.verbs ?? [] }.first { v in
                !verbs.contains(v) && !verbs.contains { $0.hasSuffix(v) || v.hasSuffix($0) }
            }
            if let foreign {
                let text = "\(foreign)“\(formula.name)”。"
                #expect(Self.findings(text, "formula").contains { $0.rule == "formula.collocation" }, "\(text)")
            }
        }
    }

    @Test(arguments: knowledge.phrases.map(\.id))
    func phrases(id: String) throws {
        let phrase = try #require(Self.knowledge.phrases.first { $0.id == id })
        let text = Array(phrase.text)
        #expect(Self.findings("我们要\(phrase.text)。", "formula").isEmpty, "\(phrase.text)")
        // Two neighbouring different characters inside it swapped, and one left out.
        let core = text.indices.filter { i in
            i + 1 < text.count - 1 && i > 0 && text[i] != text[i + 1]
                && !"、，".contains(text[i]) && !"、，".contains(text[i + 1])
        }
        if let i = core.first {
            var swapped = text
            swapped.swapAt(i, i + 1)
            let t = "我们要\(String(swapped))。"
            #expect(Self.findings(t, "formula").contains { $0.rule == "formula.phrase" }, "\(t)")
            var dropped = text
            dropped.remove(at: i)
            let d = "我们要\(String(dropped))。"
            #expect(Self.findings(d, "formula").contains { $0.rule == "formula.phrase" }, "\(d)")
        }
    }

    @Test(arguments: knowledge.forms.map(\.id))
    func forms(id: String) throws {
        let form = try #require(Self.knowledge.forms.first { $0.id == id })
        let found = Self.findings("坚持\(form.text)。", "formula", year: 2025)
        switch form.kind {
        case .allowed:
            #expect(found.isEmpty, "\(form.text) is an allowed variant")
        case .wrong, .style:
            let expected: Severity = form.kind == .style || form.status == .unverified ? .info : .error
            #expect(found.contains { $0.rule == "formula.name" && $0.severity == expected }, "\(form.text)")
            if let right = form.correct { #expect(Self.findings("坚持\(right)。", "formula", year: 2025).isEmpty, "\(right)") }
        }
    }

    @Test(arguments: knowledge.events.map(\.name))
    func events(name: String) throws {
        let event = try #require(Self.knowledge.events.first { $0.name == name })
        let eventYear = Int(event.end.prefix(4))!
        let text = "一年来，我认真学习贯彻\(event.name)精神。"
        #expect(Self.findings(text, "outdated", year: eventYear).isEmpty, "\(text) in \(eventYear)")
        // After the next congress has met, the year after it: outdated.
        if let next = Self.knowledge.events.first(where: { $0.plenum == 0 && $0.congress == event.congress + 1 }) {
            let later = Int(next.end.prefix(4))! + 1
            #expect(Self.findings(text, "outdated", year: later).contains { $0.rule == "outdated.congress" }, "\(text) in \(later)")
        }
        // A year before it met: not yet held.
        #expect(Self.findings(text, "outdated", year: Int(event.start.prefix(4))! - 1).contains { $0.rule == "outdated.congress" })
    }

    @Test(arguments: knowledge.plans.map(\.name))
    func plans(name: String) throws {
        let plan = try #require(Self.knowledge.plans.first { $0.name == name })
        let text = "今年是“\(plan.name)”开局之年。"
        #expect(Self.findings(text, "outdated", year: plan.first).isEmpty)
        #expect(Self.findings(text, "outdated", year: plan.first + 1).contains { $0.rule == "outdated.plan" })
        let closing = "今年是“\(plan.name)”收官之年。"
        #expect(Self.findings(closing, "outdated", year: plan.last).isEmpty)
        #expect(Self.findings(closing, "outdated", year: plan.last - 1).contains { $0.rule == "outdated.plan" })
    }

    @Test(arguments: knowledge.campaigns.map(\.id))
    func campaigns(id: String) throws {
        let campaign = try #require(Self.knowledge.campaigns.first { $0.id == id })
        let text = "扎实开展\(campaign.name)。"
        let start = Int(campaign.start.prefix(4))!, end = Int(campaign.end.prefix(4))!
        #expect(Self.findings(text, "outdated", year: start).isEmpty, "\(text) in \(start)")
        #expect(Self.findings(text, "outdated", year: end + 2).contains { $0.rule == "outdated.campaign" }, "\(text) in \(end + 2)")
        #expect(Self.findings("巩固拓展\(campaign.name)成果。", "outdated", year: end + 2).isEmpty)
    }

    @Test(arguments: knowledge.changes.map(\.id))
    func changes(id: String) throws {
        let change = try #require(Self.knowledge.changes.first { $0.id == id })
        let year = Int(change.date.prefix(4))!
        let text = change.asGoal == true ? "确保\(change.old)。" : "坚持\(change.old)。"
        #expect(Self.findings(text, "outdated", year: year + 1).contains { $0.rule == "outdated.wording" }, "\(text) after \(change.date)")
        #expect(Self.findings(text, "outdated", year: year - 1).isEmpty, "\(text) before \(change.date)")
        #expect(Self.findings("坚持\(change.new)。", "outdated", year: year + 1).isEmpty)
    }

    @Test(arguments: knowledge.sequences.map(\.id))
    func sequences(id: String) throws {
        let sequence = try #require(Self.knowledge.sequences.first { $0.id == id })
        let items = sequence.items.map { "\($0[0])“\($0[1])”" }
        #expect(Self.findings(items.joined(separator: "、") + "。", "formula").isEmpty)
        for slot in items.indices {
            var wrong = sequence.items.map { "\($0[0])“\($0[1])”" }
            wrong[slot] = "\(sequence.items[slot][0])“某某提法”"
            let text = wrong.joined(separator: "、") + "。"
            #expect(
                Self.findings(text, "formula").contains { $0.rule == "formula.name" && $0.replacements == [sequence.items[slot][1]] },
                "\(text)")
        }
    }

    /// A political error carries its ground: the entry's id and its first source, in the message a reviewer reads.
    @Test func politicalErrorsCiteTheirSource() {
        let text = "2024年述职报告\n牢固树立“四种意识”，筑牢拒防腐变的思想防线，坚定道路自信、理论自信、制度自信、文明自信。\n深入开展党史学习教育。"
        let findings = Checker().check(Document(text: text)).filter { $0.family == "formula" || $0.rule == "outdated.campaign" }
        #expect(findings.count >= 4)
        for finding in findings {
            #expect(finding.message.contains("（依据：知识库 ") && finding.message.contains("http"), "\(finding.message)")
        }
    }
}
