import ShuzhiKit

/// A file an operation made, with the name it is offered under (the input's name with the operation's suffix).
public struct WordFile: Sendable {
    public let bytes: [UInt8]
    public let name: String
    /// The comments written into it (`annotate`: the summary on the title, one per finding, one per paragraph of
    /// placeholders).
    public var comments = 0
}

/// The names of what the operations write: `报告.docx` gives `报告.fixed.docx`, `报告.annotated.docx`,
/// `报告.formatted.docx`; a folder in front stays.
public enum OutputName {
    /// The extensions an input may have that its outputs drop.
    static let inputExtensions: Set<String> = ["txt", "text", "docx", "doc", "wps"]

    public static func derived(from name: String, suffix: String) -> String {
        guard let dot = name.lastIndex(of: "."), dot != name.startIndex,
            !name[dot...].contains("/"), name[name.index(before: dot)] != "/",
            inputExtensions.contains(name[name.index(after: dot)...].lowercased())
        else { return name + suffix }
        return String(name[..<dot]) + suffix
    }

    /// What pasted text is called: its title as a file name (2024年度述职报告.txt, so its downloads are
    /// 2024年度述职报告.fixed.txt and so on), or 报告.txt when it starts without a title.
    public static func pasted(_ text: String) -> String {
        let document = Document(name: "", text: text)
        guard let title = Outline.title(of: document, limit: 1000) else { return "报告.txt" }
        // Characters no file system or browser takes in a name become "_".
        let unsafe: Set<Unicode.Scalar> = ["/", "\\", ":", "*", "?", "\"", "<", ">", "|"]
        let safe = String(String.UnicodeScalarView(title.unicodeScalars.map { unsafe.contains($0) || $0.value < 0x20 ? "_" : $0 }))
        let name = String(safe.prefix(40)).trimmingCharacters(in: .whitespaces)
        return name.isEmpty ? "报告.txt" : name + ".txt"
    }
}

/// `fix` — `shuzhi fix` and `POST /api/fix`: a document with its fixes made. Text comes back in the input's own
/// encoding, byte-order mark and line endings; a Word document as Word, its fixes as tracked changes (or made) and
/// the other findings as comments.
public enum FixOperation {
    public enum Output: String, Sendable, CaseIterable {
        /// Text in the input's encoding (a Word input gives UTF-8 text).
        case text
        /// Word, the fixes as revisions to accept or reject.
        case tracked
        /// Word, the fixes made.
        case accepted
    }

    /// The writer's choices among the findings, by `Diagnostic.key`: left out, or an unsafe fix taken as accepted.
    public struct Choices: Sendable, Equatable {
        public var ignore: Set<String>
        public var accept: Set<String>

        public init(ignore: Set<String> = [], accept: Set<String> = []) {
            self.ignore = ignore
            self.accept = accept
        }

        public var isEmpty: Bool { ignore.isEmpty && accept.isEmpty }

        /// The findings kept, an accepted unsafe fix made safe.
        public func applied(to diagnostics: [Diagnostic]) -> [Diagnostic] {
            diagnostics.filter { !ignore.contains($0.key) }.map { d in
                guard accept.contains(d.key), let fix = d.fix, fix.applicability == .unsafe else { return d }
                var accepted = d
                accepted.fix = Fix(.safe, fix.edits)
                return accepted
            }
        }
    }

    public struct Outcome: Sendable {
        public let file: WordFile
        /// The fixed text (for a diff), when the output is text.
        public let text: [Unicode.Scalar]?
        /// Fixes made (or written as revisions), and findings left (written as comments in Word).
        public let fixed: Int
        public let left: Int
        /// Whether an error-level finding is left unfixed.
        public let errorsLeft: Bool

        init(file: WordFile, text: [Unicode.Scalar]?, fixed: Int, left: Int, errorsLeft: Bool) {
            (self.file, self.text, self.fixed, self.left, self.errorsLeft) = (file, text, fixed, left, errorsLeft)
        }

        /// One round over `diagnostics` that fixed `fixed` of them.
        init(file: WordFile, text: [Unicode.Scalar]?, of diagnostics: [Diagnostic], fixed: [Diagnostic]) {
            let errors = diagnostics.count { $0.severity == .error } - fixed.count { $0.severity == .error }
            self.init(file: file, text: text, fixed: fixed.count, left: diagnostics.count - fixed.count, errorsLeft: errors > 0)
        }
    }

    /// The output a document gets unless one is asked for: Word for Word, text for text.
    public static func defaultOutput(for document: Document) -> Output { document.format == .docx ? .tracked : .text }

    /// Without choices, text is fixed in rounds until nothing changes (a fix can uncover another); with them, exactly
    /// the chosen fixes are made. Word gets one round.
    public static func fix(
        _ document: Document, source: [UInt8], configuration: Configuration, output: Output? = nil,
        unsafe: Bool = false, choices: Choices = Choices()
    ) throws(ServiceError) -> Outcome {
        let checker = Checker(configuration: configuration)
        let output = output ?? defaultOutput(for: document)
        switch output {
        case .tracked, .accepted:
            guard document.format == .docx else { throw needsWord }
            let diagnostics = choices.applied(to: checker.check(document))
            let (bytes, fixed): ([UInt8], [Diagnostic])
            do {
                (bytes, fixed) = try DocxAnnotator.fix(
                    source, document: document, diagnostics: diagnostics, includeUnsafe: unsafe,
                    revising: output == .accepted ? .accepted : .tracked)
            } catch { throw ServiceError(error) }
            return Outcome(
                file: WordFile(bytes: bytes, name: OutputName.derived(from: document.name, suffix: ".fixed.docx")),
                text: nil, of: diagnostics, fixed: fixed)
        case .text:
            func file(_ fixed: [Unicode.Scalar]) -> WordFile {
                let bytes: [UInt8]
                if case .text(let encoding, let bom) = document.format {
                    bytes = encode(fixed, as: encoding, byteOrderMark: bom)
                } else {
                    bytes = Array(String(String.UnicodeScalarView(fixed)).utf8)
                }
                return WordFile(bytes: bytes, name: OutputName.derived(from: document.name, suffix: ".fixed.txt"))
            }
            if choices.isEmpty {
                let result = Fixer.fixAll(document, checker: checker, includeUnsafe: unsafe)
                let remaining = result.remaining
                return Outcome(
                    file: file(result.document.scalars), text: result.document.scalars, fixed: result.applied,
                    left: remaining.count, errorsLeft: remaining.contains { $0.severity == .error })
            }
            // Exactly the chosen fixes, one round: what is left is what that round did not fix, as in Word.
            let diagnostics = choices.applied(to: checker.check(document))
            let made = Fixer.select(diagnostics, length: document.scalars.count, includeUnsafe: unsafe)
            let fixed = Fixer.apply(made, to: document.scalars, includeUnsafe: unsafe).0
            return Outcome(file: file(fixed), text: fixed, of: diagnostics, fixed: made)
        }
    }

    static let needsWord = ServiceError("这项输出需要 Word 文档（.docx、.doc 或 .wps）", "this output needs a Word document")
}

/// `annotate` — `shuzhi check --annotate` and `POST /api/annotate`: the Word document with every finding as a comment.
public enum AnnotateOperation {
    public static func annotate(_ document: Document, source: [UInt8], diagnostics: [Diagnostic]) throws(ServiceError) -> WordFile {
        guard document.format == .docx else { throw FixOperation.needsWord }
        do {
            let notes = DocxAnnotator.notes(diagnostics, document: document)
            let bytes = try DocxAnnotator.annotate(source, document: document, notes: notes)
            return WordFile(bytes: bytes, name: OutputName.derived(from: document.name, suffix: ".annotated.docx"), comments: notes.count)
        } catch { throw ServiceError(error) }
    }
}

extension ServiceError {
    /// A Word document the writers could not take apart again.
    public init(_ error: IngestError) { self.init(error.chinese, error.english) }
}

extension Diagnostic {
    /// How the web page and the fix choices name one finding: `rule:start:end`.
    public var key: String { "\(rule):\(range.lowerBound):\(range.upperBound)" }
}
