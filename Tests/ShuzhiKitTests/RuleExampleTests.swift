import Foundation
import Testing
@testable import ShuzhiKit

/// Every rule's own examples: the marked spans of a triggering example are exactly what the rule reports, its fixed
/// text is what the rule's fixes produce, and a non-triggering example gets nothing from the rule — as a user sees
/// them by default, so statistical findings below the default typo threshold do not count.
@Suite struct RuleExampleTests {
    static let ids = RuleRegistry.all.map(\.description.id)

    static func reported(_ rule: any Rule, _ text: String) -> [Diagnostic] {
        rule.check(Analysis(Document(text: text))).filter { ($0.confidence ?? 1) >= Configuration.defaultTypoThreshold }
    }

    @Test(arguments: ids)
    func triggeringExamplesFlagExactlyTheMarkedSpans(id: String) throws {
        let rule = try #require(RuleRegistry.rule(id))
        #expect(!rule.description.triggering.isEmpty, "\(id) has no triggering example")
        for example in rule.description.triggering {
            let (text, spans) = example.parsed
            let diagnostics = Self.reported(rule, text)
            let found = diagnostics.map(\.range)
            #expect(found == spans, "\(id): \(example.marked) → \(found.map { Document(text: text).string($0) })")
            for d in diagnostics {
                #expect(d.rule == id)
                // A message never nests the same quotation marks (“”” for a closing quote): 「”」 instead.
                #expect(!["““", "””", "“”"].contains { d.message.contains($0) }, "\(id): \(d.message)")
            }
        }
    }

    @Test(arguments: ids)
    func fixedTextMatches(id: String) throws {
        let rule = try #require(RuleRegistry.rule(id))
        var selected = Configuration()
        selected.selected = [id]
        let checker = Checker(configuration: selected, rules: [rule])
        for example in rule.description.triggering {
            guard let expected = example.fixed else { continue }
            let (text, _) = example.parsed
            let result = Fixer.fixAll(Document(text: text), checker: checker, includeUnsafe: true)
            #expect(result.document.text == expected, "\(id): \(example.marked)")
        }
    }

    @Test(arguments: ids)
    func nonTriggeringExamplesAreQuiet(id: String) throws {
        let rule = try #require(RuleRegistry.rule(id))
        #expect(!rule.description.nonTriggering.isEmpty, "\(id) has no non-triggering example")
        for text in rule.description.nonTriggering {
            let found = Self.reported(rule, text)
            #expect(found.isEmpty, "\(id) flags \(found.map { Document(text: text).string($0.range) }) in: \(text)")
        }
    }

    @Test func ruleIdentifiersAreUniqueAndWellFormed() {
        #expect(Set(Self.ids).count == Self.ids.count)
        for id in Self.ids {
            let parts = id.split(separator: ".")
            #expect(parts.count == 2 && parts.allSatisfy { $0.allSatisfy { $0.isLowercase || $0 == "-" } }, "\(id)")
        }
    }

    /// Every rule belongs to a family the reader sees by name, in the terminal summary, the JSON and Word comments.
    @Test func everyRuleIsInANamedFamily() {
        for id in Self.ids { #expect(RuleFamily(id: id) != nil, "\(id) has no RuleFamily") }
        #expect(Set(RuleFamily.allCases.map(\.chinese)).count == RuleFamily.allCases.count)
        let report = CheckReport(document: Document(text: "坚持务真求实。"), diagnostics: Checker().check(Document(text: "坚持务真求实。")))
        let json = report.json.serialized()
        #expect(json.contains("\"familyName\": \"错别字\""), "\(json)")
        #expect(TextRenderer(color: false).render(report).contains("按类别：错别字"))
        // A Word comment names the family and says what to write; the rule id and commands stay out of it.
        let note = DocxAnnotator.Note(report.diagnostics[0]).text
        #expect(note.hasPrefix("警告｜错别字\n") && note.contains("建议：改为“") && !note.contains("typo.") && !note.contains("shuzhi"), "\(note)")
    }

    @Test func rulesWithFixesShowWhatTheyFix() {
        for rule in RuleRegistry.all where rule.description.fix != nil {
            #expect(rule.description.triggering.contains { $0.fixed != nil }, "\(rule.description.id) offers a fix but no example shows it")
        }
    }
}

/// What `fix` may do without asking is what each rule declares: a rule that declares no fix never offers one, and a
/// rule that declares its fixes safe never offers an unsafe one (the writer would get a change `fix` did not promise).
@Suite struct FixApplicabilityTests {
    @Test func everyFindingsFixAgreesWithItsRule() throws {
        var texts = RuleRegistry.all.flatMap {
            $0.description.triggering.map { $0.marked.replacingOccurrences(of: "«", with: "").replacingOccurrences(of: "»", with: "") }
        }
        texts.append(try String(contentsOf: Fixture.packageRoot.appendingPathComponent("Examples/sample-report.txt"), encoding: .utf8))
        var checked = 0
        for text in texts {
            for d in Checker().check(Document(text: text)) {
                guard let fix = d.fix, let rule = RuleRegistry.rule(d.rule) else { continue }
                checked += 1
                let declared = try #require(rule.description.fix, "\(d.rule) offers a fix it does not declare")
                if declared == .safe && !rule.description.fixSometimesUnsafe {
                    #expect(fix.applicability == .safe, "\(d.rule) declares safe fixes but offered an unsafe one: \(d.message)")
                }
            }
        }
        #expect(checked > 50)
    }
}

/// The registry knows every rule: a rule type declared anywhere in the sources and missing from `RuleRegistry.all` or
/// `RuleRegistry.corpus` would never run, be listed or be documented.
@Suite struct RuleRegistryTests {
    @Test func everyRuleTypeInTheSourcesIsRegistered() throws {
        let sources = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Sources")
        var declared = Set<String>()
        let files = try #require(FileManager.default.enumerator(at: sources, includingPropertiesForKeys: nil))
        for case let file as URL in files where file.pathExtension == "swift" {
            let text = try String(contentsOf: file, encoding: .utf8)
            for match in text.matches(of: /struct (\w+): (?:Rule|CorpusRule)\b/) { declared.insert(String(match.1)) }
        }
        let registered = Set(
            RuleRegistry.all.map { String(describing: type(of: $0)) }
                + RuleRegistry.corpus.map { String(describing: type(of: $0)) })
        #expect(declared.count > 40, "the scan found the rule declarations")
        #expect(declared.subtracting(registered).isEmpty, "not registered: \(declared.subtracting(registered).sorted())")
        #expect(registered.subtracting(declared).isEmpty)
        let ids = RuleRegistry.descriptions.map(\.id)
        #expect(Set(ids).count == ids.count, "rule ids are unique")
        #expect(ids.allSatisfy { RuleFamily(id: $0) != nil }, "every rule belongs to a known family")
    }
}
