import CShuzhiData
import Foundation

/// The political formulas, fixed phrases, dated events and wording changes the `formula` and `outdated` rules read:
/// `Sources/CShuzhiData/knowledge.json` (built from ../shared/reference/political-formulas.md, one entry per fact with
/// its source URLs), linked into the binary, plus any files the user adds in the same format.
public final class KnowledgeBase: Sendable {
    /// How sure the reference is of an entry. Only `verified` and `secondary` entries may produce errors and warnings;
    /// an `unverified` one gives a hint (info) at most.
    public enum Status: String, Sendable, Codable {
        case verified = "V", secondary = "V2", unverified = "UNVERIFIED"
    }

    /// A formula with its members in the official order (四个意识: 政治意识、大局意识、核心意识、看齐意识).
    public struct Formula: Sendable, Codable, Equatable {
        public let id: String
        public let name: String
        public var aliases: [String]? = nil
        /// Empty when the members are clauses rather than listable items (两个维护: see the phrases).
        public let members: [String]
        /// The verbs it goes with, the usual one first (增强“四个意识”).
        public var verbs: [String]? = nil
        public var since: String? = nil
        public let status: Status
        public let sources: [String]
    }

    /// A series of verb–formula pairs written together (增强“四个意识”、坚定“四个自信”、做到“两个维护”).
    public struct Sequence: Sendable, Codable, Equatable {
        public let id: String
        public let items: [[String]]
        public let status: Status
        public let sources: [String]
    }

    /// A fixed phrase that must be written exactly (拒腐防变, 以习近平同志为核心的党中央).
    public struct Phrase: Sendable, Codable, Equatable {
        public let id: String
        public let text: String
        public let status: Status
        public let sources: [String]
    }

    /// A known form: wrong (四种意识), a style hint (五大发展理念) or an allowed variant that must not be flagged.
    public struct Form: Sendable, Codable, Equatable {
        public enum Kind: String, Sendable, Codable { case wrong, style, allowed }
        public let id: String
        public let text: String
        public var correct: String? = nil
        public let kind: Kind
        public let status: Status
        public let sources: [String]
        public var message: String? = nil
        /// A style hint applies only to reports written after this date (the new name's adoption).
        public var after: String? = nil
    }

    /// A national party congress (plenum 0) or a plenary session of its central committee.
    public struct Event: Sendable, Codable, Equatable {
        public let name: String
        public let congress: Int
        public let plenum: Int
        public let start: String
        public let end: String
        public let status: Status
        public let sources: [String]
    }

    /// A five-year plan (“十四五”, 2021–2025).
    public struct Plan: Sendable, Codable, Equatable {
        public let name: String
        public let first: Int
        public let last: Int
        public let status: Status
        public let sources: [String]
    }

    /// A party-wide education campaign and when it ran.
    public struct Campaign: Sendable, Codable, Equatable {
        public let id: String
        public let name: String
        public var aliases: [String]? = nil
        public let start: String
        public let end: String
        /// A word that, following the name, means the campaign's lasting form (“两学一做”学习教育常态化).
        public var continues: String? = nil
        public let status: Status
        public let sources: [String]
    }

    /// A dated change of official wording: after `date`, `old` is outdated.
    public struct Change: Sendable, Codable, Equatable {
        public let id: String
        public let date: String
        public let old: String
        public let new: String
        /// Quoting an earlier source that used the old wording is fine: these words near it excuse it.
        public var unlessNear: [String]? = nil
        /// The old wording is a formula's member list: it is outdated when listed as that formula.
        public var asFormula: String? = nil
        /// The old wording is outdated only as an unfinished goal (全面建成小康社会 after 2021-07-01).
        public var asGoal: Bool? = nil
        public let status: Status
        public let sources: [String]
    }

    struct File: Codable, Equatable {
        var version: String?
        var formulas: [Formula]?
        var sequences: [Sequence]?
        var phrases: [Phrase]?
        var forms: [Form]?
        var events: [Event]?
        var plans: [Plan]?
        var campaigns: [Campaign]?
        var changes: [Change]?
    }

    public let version: String
    public let formulas: [Formula]
    public let sequences: [Sequence]
    public let phrases: [Phrase]
    public let forms: [Form]
    public let events: [Event]
    public let plans: [Plan]
    public let campaigns: [Campaign]
    public let changes: [Change]

    /// Matchers derived from the entries, built on first use.
    var index: FormulaIndex { derived.value }
    private let derived: OnceValue<FormulaIndex>

    init(_ files: [File]) {
        version = files.compactMap(\.version).joined(separator: "+")
        formulas = files.flatMap { $0.formulas ?? [] }
        sequences = files.flatMap { $0.sequences ?? [] }
        phrases = files.flatMap { $0.phrases ?? [] }
        forms = files.flatMap { $0.forms ?? [] }
        events = files.flatMap { $0.events ?? [] }.sorted { $0.start < $1.start }
        plans = files.flatMap { $0.plans ?? [] }.sorted { $0.first < $1.first }
        campaigns = files.flatMap { $0.campaigns ?? [] }
        changes = files.flatMap { $0.changes ?? [] }
        derived = OnceValue { [formulas, forms, changes, phrases, campaigns] in
            FormulaIndex(formulas: formulas, forms: forms, changes: changes, phrases: phrases, campaigns: campaigns)
        }
    }

    /// The knowledge base compiled into Shuzhi.
    public static let builtIn = KnowledgeBase([builtInFile])

    /// The built-in file's entries, read by `KnowledgeFileReader` (`JSONDecoder` cost about 9.5 M instructions of every
    /// check's start-up: issue 23). A test holds the two readings equal.
    static var builtInFile: File {
        var count = 0
        let base = shuzhi_knowledge_bytes(&count)!
        do { return try KnowledgeFileReader.file(from: JSONValue.parse(UnsafeBufferPointer(start: base, count: count))) } catch {
            preconditionFailure("the built-in knowledge.json does not decode: \(error)")
        }
    }

    /// The embedded JSON, for `shuzhi knowledge` and the test that it matches the source file.
    public static var builtInJSON: Data {
        var count = 0
        let base = shuzhi_knowledge_bytes(&count)!
        return Data(bytes: base, count: count)
    }

    /// The built-in base extended with the user's files (same format; every section optional).
    public static func extended(with paths: [String]) throws(KnowledgeError) -> KnowledgeBase {
        if paths.isEmpty { return builtIn }
        var documents: [(name: String, data: Data)] = []
        for path in paths {
            guard let data = FileManager.default.contents(atPath: path) else {
                throw KnowledgeError(path: path, message: "无法读取知识库文件 / cannot read the knowledge file")
            }
            documents.append((path, data))
        }
        return try extended(withJSON: documents)
    }

    /// The built-in base extended with knowledge files' contents, each named for its messages.
    public static func extended(withJSON documents: [(name: String, data: Data)]) throws(KnowledgeError) -> KnowledgeBase {
        var files = [builtInFile]
        for (name, data) in documents {
            do { files.append(try JSONDecoder().decode(File.self, from: data)) } catch {
                throw KnowledgeError(path: name, message: Self.explain(error))
            }
        }
        return KnowledgeBase(files)
    }

    private static func explain(_ error: Error) -> String {
        func at(_ path: [CodingKey]) -> String {
            path.map { $0.intValue.map { "[\($0)]" } ?? ".\($0.stringValue)" }.joined()
        }
        switch error as? DecodingError {
        case .keyNotFound(let key, let context)?:
            return "\(at(context.codingPath)) 缺少字段“\(key.stringValue)” / missing key"
        case .typeMismatch(_, let context)?, .valueNotFound(_, let context)?:
            return "\(at(context.codingPath)) 类型不对：\(context.debugDescription) / wrong type"
        case .dataCorrupted(let context)?:
            return "不是有效的 JSON（\(context.underlyingError.map { "\($0)" } ?? context.debugDescription)）/ not valid JSON"
        default:
            return "\(error)"
        }
    }

    /// The first day a dated entry counts from (“2016-07-01” → 20160701), for comparisons without a calendar.
    static func day(_ iso: String) -> Int {
        let parts = iso.split(separator: "-").compactMap { Int($0) }
        return (parts.first ?? 0) * 10_000 + (parts.count > 1 ? parts[1] : 1) * 100 + (parts.count > 2 ? parts[2] : 1)
    }
}

public struct KnowledgeError: Error, Sendable, CustomStringConvertible {
    public let path: String
    public let message: String

    public var description: String { "错误：知识库文件 \(path)：\(message)\nerror: knowledge file \(path): \(message)" }
}

/// An entry a finding cites: its id in political-formulas.md and its first source, so the reviewer can check the
/// ground of an error (issue 21: political errors carry their source).
public protocol SourcedEntry {
    var id: String { get }
    var sources: [String] { get }
}

extension SourcedEntry {
    /// （依据：知识库 F4，http://…）
    public var citation: String { "（依据：知识库 \(id)" + (sources.first.map { "，\($0)" } ?? "") + "）" }
}

extension KnowledgeBase.Formula: SourcedEntry {}
extension KnowledgeBase.Sequence: SourcedEntry {}
extension KnowledgeBase.Phrase: SourcedEntry {}
extension KnowledgeBase.Form: SourcedEntry {}
extension KnowledgeBase.Campaign: SourcedEntry {}
extension KnowledgeBase.Change: SourcedEntry {}
