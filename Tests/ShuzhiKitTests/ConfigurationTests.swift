import Foundation
import Testing
@testable import ShuzhiKit

@Suite struct ConfigurationTests {
    let rules = RuleRegistry.descriptions

    @Test func parsesTheDocumentedFile() throws {
        let c = try Configuration.parse(
            """
            # 本单位的设置
            [rules]
            disable = ["repeat.phrase", "punct"]   # a rule and a family
            enable = ['punct.dun-between-quotes']
            [rules.severity]
            "residue.contact" = "info"
            numbering = "warning"

            [words]
            allow = [
              "XX湾",
              "某某",
            ]
            """, path: "t.toml", knownRules: rules)
        #expect(c.disabled == ["repeat.phrase", "punct"])
        #expect(c.severity(for: "residue.contact") == .info)
        #expect(c.severity(for: "numbering.gap") == .warning)
        #expect(c.allowedWords == ["XX湾", "某某"])
        let byID = Dictionary(uniqueKeysWithValues: rules.map { ($0.id, $0) })
        #expect(!c.isEnabled(byID["punct.halfwidth"]!))
        #expect(!c.isEnabled(byID["repeat.phrase"]!))
        #expect(c.isEnabled(byID["repeat.char"]!))
    }

    @Test func optInRulesNeedEnableOrSelect() throws {
        let rule = try #require(rules.first { !$0.isEnabledByDefault })
        #expect(!Configuration().isEnabled(rule))
        var c = Configuration()
        c.enabled = [rule.id]
        #expect(c.isEnabled(rule))
        c = Configuration()
        c.selected = [rule.family]
        #expect(c.isEnabled(rule))
    }

    @Test func configurationChangesTheFindings() {
        let doc = Document(text: "全年学习24次,撰写心得。某某同志分管XX湾项目。")
        var c = Configuration()
        c.severities["punct.halfwidth"] = .info
        c.allowedWords = ["某某", "XX湾"]
        let found = Checker(configuration: c).check(doc)
        #expect(found.map(\.rule) == ["punct.halfwidth"])
        #expect(found.first?.severity == .info)
    }

    @Test(arguments: [
        ("[rules]\ndisable = [\"punct.nope\"]", "punct.nope"),
        ("[rules]\ndisable = \"punct\"", "字符串数组"),
        ("[rule]\ndisable = []", "[rule]"),
        ("[rules.severity]\n\"punct\" = \"fatal\"", "error"),
        ("[rules]\ndisable = [\"punct\"\n", "第"),
        ("[words]\nallow = [\"a\"]\nallow = [\"b\"]", "重复"),
        ("x = \"unterminated", "字符串未结束"),
        ("[typo]\nthreshold = 1.5", "typo.threshold"),
        ("[typo]\nthreshold = \"high\"", "typo.threshold"),
        ("[typo]\nlevel = 0.5", "typo.level"),
        // Found by the fuzzer (issue 25): nesting deep enough to overflow the stack is refused, and where it is said.
        ("[rules]\ndisable = " + String(repeating: "[", count: 300), "嵌套过深"),
        ("x = " + String(repeating: "{a = ", count: 100) + "1" + String(repeating: "}", count: 100), "第 1 行"),
        ("[" + Array(repeating: "a", count: 100).joined(separator: ".") + "]", "层级过多"),
    ])
    func rejectsMistakesWithAClearMessage(text: String, mentions: String) {
        do {
            _ = try Configuration.parse(text, path: "bad.toml", knownRules: rules)
            Issue.record("accepted: \(text)")
        } catch {
            #expect(error.description.contains(mentions), "\(error.description)")
            #expect(error.description.contains("bad.toml"))
        }
    }

    /// Nesting within the bound is read, and a file of many keys is read whole (each key used to copy every table
    /// above it and count the lines before it: 40,000 keys took 18 s).
    @Test func deepButBoundedNestingAndManyKeysAreRead() throws {
        let nested = try TOML.parse("x = " + String(repeating: "[", count: 60) + "1" + String(repeating: "]", count: 60))
        var value = nested["x"]
        for _ in 0..<60 { value = value?.array?.first }
        #expect(value == .integer(1))
        let keys = (0..<20_000).map { "k\($0) = \($0)" }.joined(separator: "\n")
        let table = try TOML.parse("[t]\n" + keys + "\n[u.v]\nw = { a = 1, b.c = 2 }")["t"]?.table
        #expect(table?.count == 20_000 && table?["k19999"] == .integer(19_999))
        #expect(
            try TOML.parse("[u.v]\nw = { a = 1, b.c = 2 }")["u"]
                == .table(["v": .table(["w": .table(["a": .integer(1), "b": .table(["c": .integer(2)])])])]))
        #expect(throws: TOMLError.self) { try TOML.parse("[t]\na = 1\na = 2") }
        #expect(throws: TOMLError.self) { try TOML.parse("a = 1\na.b = 2") }
    }

    @Test func typoThresholdFiltersByConfidence() throws {
        let strict = try Configuration.parse("[typo]\nthreshold = 1", path: "t.toml", knownRules: rules)
        let loose = try Configuration.parse("[typo]\nthreshold = 0.3", path: "t.toml", knownRules: rules)
        #expect(Configuration().typoThreshold == 0.8 && loose.typoThreshold == 0.3)
        let doc = Document(text: "各项审批事项办理时限平均宿短百分之三十。")
        let lenient = Checker(configuration: loose).check(doc).filter { $0.family == "typo" }
        #expect(lenient.map(\.rule) == ["typo.char"])
        #expect(lenient.allSatisfy { ($0.confidence ?? 0) >= 0.3 })
        #expect(Checker(configuration: strict).check(doc).filter { $0.family == "typo" }.isEmpty)
    }

    /// An allowed word is a word to the segmenter too: nothing inside it is taken for a typo.
    @Test func allowedWordsAreNeverTypos() throws {
        let text = "各项审批事项办理时限平均宿短百分之三十。"
        var c = Configuration()
        c.typoThreshold = 0.1
        #expect(Checker(configuration: c).check(Document(text: text)).contains { $0.rule == "typo.char" })
        c.allowedWords = ["宿短"]
        #expect(!Checker(configuration: c).check(Document(text: text)).contains { $0.family == "typo" })
        let analysis = Analysis(Document(text: text), userWords: ["宿短"])
        #expect(analysis.words.contains { analysis.document.string($0.range) == "宿短" && $0.tag == "user" })
    }

    @Test func findsTheNearestFileUpward() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("shuzhi-config-\(UUID().uuidString)")
        let deep = root.appendingPathComponent("a/b/c")
        try FileManager.default.createDirectory(at: deep, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: root) }
        try "[rules]\n".write(to: root.appendingPathComponent("a/.shuzhi.toml"), atomically: true, encoding: .utf8)
        #expect(Configuration.find(from: deep.path) == root.appendingPathComponent("a/.shuzhi.toml").standardizedFileURL.path)
    }
}
