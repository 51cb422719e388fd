/// Where a document's text came from, and how to write it back.
public enum SourceFormat: Sendable, Equatable {
    case text(TextEncoding, byteOrderMark: Bool)
    case docx

    /// The name the JSON output gives in `"encoding"`.
    public var encodingName: String {
        switch self {
        case .text(let e, let bom): return bom ? "\(e.rawValue) (BOM)" : e.rawValue
        case .docx: return "docx"
        }
    }
}

/// A decoded report: the text the user sees, as Unicode scalars, split into paragraphs. Every offset any diagnostic
/// carries is an index into `scalars`. For a text file the scalars are exactly the decoded file (line terminators
/// included, byte-order mark excluded); for a .docx they are its paragraphs joined by "\n", and `docx` maps each
/// paragraph back to its XML.
public struct Document: Sendable {
    /// The path as the user gave it, or "-" for standard input, or a name chosen by the caller.
    public let name: String
    public let format: SourceFormat
    public let scalars: [Unicode.Scalar]
    public let lines: LineIndex
    /// One paragraph per line of `scalars`, in order; `paragraphs[i].range` excludes the line terminator.
    public let paragraphs: [Paragraph]
    public let docx: DocxSourceMap?

    public init(name: String, format: SourceFormat, scalars: [Unicode.Scalar], docx: DocxSourceMap? = nil) {
        self.name = name
        self.format = format
        self.scalars = scalars
        let lines = LineIndex(scalars)
        self.lines = lines
        var paragraphs: [Paragraph] = []
        paragraphs.reserveCapacity(lines.lineCount)
        for i in 0..<lines.lineCount {
            let range = lines.contentRange(ofLine: i)
            var start = range.lowerBound, end = range.upperBound
            while start < end && ScalarClass.isInlineSpace(scalars[start].value) { start += 1 }
            while end > start && ScalarClass.isInlineSpace(scalars[end - 1].value) { end -= 1 }
            paragraphs.append(Paragraph(index: i, range: range, content: start..<end, docx: docx?.lineParagraphs[i]))
        }
        self.paragraphs = paragraphs
        self.docx = docx
    }

    /// Convenience for tests and the library: a document from a string, as if read from a UTF-8 file.
    public init(name: String = "<text>", text: String) {
        self.init(name: name, format: .text(.utf8, byteOrderMark: false), scalars: text.scalarArray)
    }

    public var text: String { scalars.string(0..<scalars.count) }

    public func string(_ range: Range<Int>) -> String { scalars.string(range) }
}

public struct Paragraph: Sendable {
    public let index: Int
    /// The whole line without its terminator.
    public let range: Range<Int>
    /// The line without leading and trailing spaces (including U+3000 indentation).
    public let content: Range<Int>
    /// For .docx input: index into `DocxSourceMap.paragraphs`.
    public let docx: Int?

    public var isBlank: Bool { content.isEmpty }
}

extension Document {
    /// The first non-blank line, trimmed and cut to `limit` characters (with “…”): what lists show as a title. A
    /// title spaced out for looks (述 职 报 告, 述　职　报　告) reads as its words: spaces between two Chinese
    /// characters go.
    public func firstLine(limit: Int) -> String? {
        for p in paragraphs where !p.isBlank { return readable(p.content, limit: limit) }
        return nil
    }

    /// A stretch of one line as a list shows it: trimmed, spaces between two Chinese characters dropped (述 职 报 告
    /// → 述职报告), cut to `limit` characters with “…”.
    public func readable(_ range: Range<Int>, limit: Int) -> String {
        var kept = String.UnicodeScalarView()
        for i in range {
            if ScalarClass.isInlineSpace(scalars[i].value) {
                var next = i + 1
                while next < range.upperBound && ScalarClass.isInlineSpace(scalars[next].value) { next += 1 }
                if let last = kept.last, ScalarClass.isHan(last.value), next < range.upperBound, ScalarClass.isHan(scalars[next].value) {
                    continue
                }
            }
            kept.append(scalars[i])
        }
        let line = String(kept).trimmingCharacters(in: .whitespaces)
        return line.count > limit ? String(line.prefix(limit)) + "…" : line
    }
}
