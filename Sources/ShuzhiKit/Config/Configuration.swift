import Foundation

/// What a `.shuzhi.toml` can say:
///
/// ```toml
/// [rules]
/// disable = ["repeat.phrase", "punct.dash"]   # rule ids or whole families
/// enable = ["punct.dun-between-quotes"]       # opt-in rules to run as well
/// select = ["residue", "punct"]               # optional: run only these (opt-in ones included)
///
/// [rules.severity]
/// "punct.halfwidth" = "warning"               # a rule or a family
///
/// [words]
/// allow = ["某某", "XX湾"]                     # text that is right as written; the segmenter learns them as words
///
/// [typo]
/// threshold = 0.7                             # report typo findings at least this sure (0…1); default 0.8
///
/// [report]
/// year = 2024                                 # the year the reports speak for (default: inferred from each text)
///
/// [knowledge]
/// files = ["本单位提法.json"]                   # more formulas, phrases, dates (knowledge.json's format), relative to this file
/// ```
public struct Configuration: Sendable {
    public static let fileName = ".shuzhi.toml"

    public var disabled: Set<String> = []
    public var enabled: Set<String> = []
    public var selected: Set<String>?
    public var severities: [String: Severity] = [:]
    /// Words the user declares correct: a finding that lies inside one of them is dropped.
    public var allowedWords: [String] = []
    /// Typo findings below this confidence are dropped (`--typo-threshold` overrides).
    public var typoThreshold: Double = Configuration.defaultTypoThreshold
    /// Precision first: at 0.8 the held-out 政府工作报告 get well under one typo finding per 10,000 characters
    /// (BENCHMARKS.md); a writer who wants more suggestions lowers it.
    public static let defaultTypoThreshold = 0.8
    /// The years `--year` and `[report] year` accept.
    public static let reportYears = 1949...2100
    /// The year every report is judged for; nil infers it from each text.
    public var year: Int?
    /// The typo finders' weights (`shuzhi eval … --tune` tries others).
    public var typoTuning: TypoTuning = .standard
    /// Words other documents use (the batch under review, the corpus store), which the typo rules treat as vocabulary.
    public var sharedVocabulary: (any SharedVocabulary)?
    /// The built-in knowledge base, extended with `[knowledge] files`.
    public var knowledge: KnowledgeBase = .builtIn
    /// The user's knowledge files behind `knowledge`, as absolute or working-directory paths.
    public var knowledgeFiles: [String] = []
    /// The file this configuration came from, if any.
    public var path: String?

    public init() {}

    public func isEnabled(_ rule: RuleDescription) -> Bool {
        let id = rule.id, family = rule.family
        if disabled.contains(id) || disabled.contains(family) { return false }
        if let selected { return selected.contains(id) || selected.contains(family) }
        return rule.isEnabledByDefault || enabled.contains(id) || enabled.contains(family)
    }

    /// Findings made outside the checker (copying found against a store, `RuleRegistry.corpus`): those of a rule this
    /// configuration turns off left out, the rest re-levelled as configured.
    public func settled(_ findings: [Diagnostic]) -> [Diagnostic] {
        guard !findings.isEmpty else { return findings }
        let rules = RuleRegistry.descriptions
        return findings.compactMap { finding in
            guard let rule = rules.first(where: { $0.id == finding.rule }) else { return finding }
            guard isEnabled(rule) else { return nil }
            var settled = finding
            if let severity = severity(for: finding.rule) { settled.severity = severity }
            return settled
        }
    }

    public func severity(for id: String) -> Severity? {
        severities[id] ?? severities[String(id.prefix { $0 != "." })]
    }

    /// Finds `.shuzhi.toml` in `directory` or the nearest folder above it.
    public static func find(from directory: String) -> String? {
        var url = URL(fileURLWithPath: directory).standardizedFileURL
        while true {
            let candidate = url.appendingPathComponent(fileName).path
            if FileManager.default.fileExists(atPath: candidate) { return candidate }
            let parent = url.deletingLastPathComponent()
            if parent.path == url.path { return nil }
            url = parent
        }
    }

    public static func load(path: String, knownRules: [RuleDescription]) throws(ConfigurationError) -> Configuration {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw ConfigurationError(path: path, line: nil, message: "无法读取配置文件 / cannot read the configuration file")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw ConfigurationError(path: path, line: nil, message: "配置文件不是 UTF-8 文本 / the configuration is not UTF-8 text")
        }
        return try parse(text, path: path, knownRules: knownRules)
    }

    public static func parse(_ text: String, path: String, knownRules: [RuleDescription]) throws(ConfigurationError) -> Configuration {
        let root: [String: TOMLValue]
        do { root = try TOML.parse(text) } catch {
            throw ConfigurationError(path: path, line: error.line, message: "第 \(error.column) 列：\(error.message)")
        }

        let ids = Set(knownRules.map(\.id))
        let families = Set(knownRules.map(\.family))
        func checkName(_ name: String, _ key: String) throws(ConfigurationError) {
            guard ids.contains(name) || families.contains(name) else {
                throw ConfigurationError(
                    path: path, line: nil,
                    message: "\(key) 中的“\(name)”不是已知的规则或规则族（shuzhi rules 列出全部规则）/ unknown rule or family")
            }
        }
        func strings(_ value: TOMLValue?, _ key: String) throws(ConfigurationError) -> [String] {
            guard let value else { return [] }
            guard let items = value.array else {
                throw ConfigurationError(path: path, line: nil, message: "\(key) 应为字符串数组，如 [\"a\", \"b\"] / must be an array of strings")
            }
            var out: [String] = []
            for item in items {
                guard let s = item.string else {
                    throw ConfigurationError(path: path, line: nil, message: "\(key) 应为字符串数组 / must be an array of strings")
                }
                out.append(s)
            }
            return out
        }

        var config = Configuration()
        config.path = path
        for key in root.keys where !["rules", "words", "typo", "report", "knowledge"].contains(key) {
            throw ConfigurationError(
                path: path, line: nil,
                message: "未知的配置项 [\(key)]，可用 [rules]、[words]、[typo]、[report] 和 [knowledge] / unknown section")
        }
        if let rules = root["rules"] {
            guard let table = rules.table else { throw ConfigurationError(path: path, line: nil, message: "rules 应为表 / must be a table") }
            for key in table.keys where !["disable", "enable", "select", "severity"].contains(key) {
                throw ConfigurationError(
                    path: path, line: nil, message: "未知的配置项 rules.\(key)，可用 disable、enable、select、severity / unknown key")
            }
            for name in try strings(table["disable"], "rules.disable") {
                try checkName(name, "rules.disable"); config.disabled.insert(name)
            }
            for name in try strings(table["enable"], "rules.enable") { try checkName(name, "rules.enable"); config.enabled.insert(name) }
            if table["select"] != nil {
                var selected = Set<String>()
                for name in try strings(table["select"], "rules.select") { try checkName(name, "rules.select"); selected.insert(name) }
                config.selected = selected
            }
            if let severity = table["severity"] {
                guard let entries = severity.table else {
                    throw ConfigurationError(path: path, line: nil, message: "rules.severity 应为表 / must be a table")
                }
                for (name, value) in entries {
                    try checkName(name, "rules.severity")
                    guard let level = value.string.flatMap(Severity.init(rawValue:)) else {
                        throw ConfigurationError(
                            path: path, line: nil,
                            message: "rules.severity.\(name) 应为 \"error\"、\"warning\" 或 \"info\" / must be error, warning or info")
                    }
                    config.severities[name] = level
                }
            }
        }
        if let words = root["words"] {
            guard let table = words.table else { throw ConfigurationError(path: path, line: nil, message: "words 应为表 / must be a table") }
            for key in table.keys where key != "allow" {
                throw ConfigurationError(path: path, line: nil, message: "未知的配置项 words.\(key)，可用 allow / unknown key")
            }
            config.allowedWords = try strings(table["allow"], "words.allow").filter { !$0.isEmpty }
        }
        if let typo = root["typo"] {
            guard let table = typo.table else { throw ConfigurationError(path: path, line: nil, message: "typo 应为表 / must be a table") }
            for key in table.keys where key != "threshold" {
                throw ConfigurationError(path: path, line: nil, message: "未知的配置项 typo.\(key)，可用 threshold / unknown key")
            }
            if let value = table["threshold"] {
                let number: Double?
                switch value {
                case .float(let d): number = d
                case .integer(let i): number = Double(i)
                default: number = nil
                }
                guard let number, (0...1).contains(number) else {
                    throw ConfigurationError(path: path, line: nil, message: "typo.threshold 应为 0 到 1 之间的数 / must be a number from 0 to 1")
                }
                config.typoThreshold = number
            }
        }
        if let report = root["report"] {
            guard let table = report.table else { throw ConfigurationError(path: path, line: nil, message: "report 应为表 / must be a table") }
            for key in table.keys where key != "year" {
                throw ConfigurationError(path: path, line: nil, message: "未知的配置项 report.\(key)，可用 year / unknown key")
            }
            if let value = table["year"] {
                guard case .integer(let year) = value, Configuration.reportYears.contains(year) else {
                    throw ConfigurationError(path: path, line: nil, message: "report.year 应为 1949 到 2100 之间的年份 / must be a year")
                }
                config.year = year
            }
        }
        if let knowledge = root["knowledge"] {
            guard let table = knowledge.table else {
                throw ConfigurationError(path: path, line: nil, message: "knowledge 应为表 / must be a table")
            }
            for key in table.keys where key != "files" {
                throw ConfigurationError(path: path, line: nil, message: "未知的配置项 knowledge.\(key)，可用 files / unknown key")
            }
            let folder = (path as NSString).deletingLastPathComponent
            let files = try strings(table["files"], "knowledge.files").map {
                $0.hasPrefix("/") ? $0 : (folder as NSString).appendingPathComponent($0)
            }
            config.knowledgeFiles = files
            do { config.knowledge = try KnowledgeBase.extended(with: files) } catch {
                throw ConfigurationError(path: path, line: nil, message: error.description)
            }
        }
        return config
    }
}

public struct ConfigurationError: Error, Sendable, CustomStringConvertible {
    public let path: String
    public let line: Int?
    public let message: String

    public var description: String {
        "错误：配置文件 \(path)\(line.map { " 第 \($0) 行" } ?? "")：\(message)\nerror: configuration \(path)\(line.map { ":\($0)" } ?? ""): \(message)"
    }
}
