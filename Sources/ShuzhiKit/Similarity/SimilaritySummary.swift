/// What `check --corpus` says about a report as a whole, as academic checkers do (总文字复制比, 去除本人已发表文献
/// 复制比, 单篇最大文字复制比): shares of the report's characters, punctuation and spacing not counted.
public struct SimilaritySummary: Sendable, Equatable {
    /// Inside passages copied from any stored document, the author's own reports included.
    public var copiedShare: Double
    /// The same without the author's own reports.
    public var copiedShareExcludingOwn: Double
    /// Inside wording many reports share (not copying).
    public var sharedWordingShare: Double
    /// The stored document the most was copied from, with that share.
    public var largestSource: LargestSource?
    /// Stored documents the report shares passages with.
    public var sources: Int
    /// Documents in the store it was checked against.
    public var storeDocuments: Int

    public init(
        copiedShare: Double, copiedShareExcludingOwn: Double, sharedWordingShare: Double,
        largestSource: LargestSource?, sources: Int, storeDocuments: Int
    ) {
        self.copiedShare = copiedShare
        self.copiedShareExcludingOwn = copiedShareExcludingOwn
        self.sharedWordingShare = sharedWordingShare
        self.largestSource = largestSource
        self.sources = sources
        self.storeDocuments = storeDocuments
    }

    public static func == (a: SimilaritySummary, b: SimilaritySummary) -> Bool {
        a.copiedShare == b.copiedShare && a.copiedShareExcludingOwn == b.copiedShareExcludingOwn
            && a.sharedWordingShare == b.sharedWordingShare
            && a.largestSource == b.largestSource && a.sources == b.sources
            && a.storeDocuments == b.storeDocuments
    }

    public var text: String {
        var line = "  相似度（对照语料库 \(storeDocuments) 份）：总复制比 \(ComparisonRenderer.percent(copiedShare))"
        line += "，去除本人报告 \(ComparisonRenderer.percent(copiedShareExcludingOwn))"
        if let largest = largestSource {
            line += "，单篇最大 \(ComparisonRenderer.percent(largest.share))《\(largest.title)》#\(largest.id)"
            if let named = largest.relation.name { line += "（\(named)）" }
        }
        line += "；公文通用表述 \(ComparisonRenderer.percent(sharedWordingShare))\n"
        return line
    }

    public var json: JSONValue {
        var fields: [(String, JSONValue)] = [
            ("copiedShare", .double(ComparisonRenderer.rounded(copiedShare))),
            ("copiedShareExcludingOwn", .double(ComparisonRenderer.rounded(copiedShareExcludingOwn))),
            ("sharedWordingShare", .double(ComparisonRenderer.rounded(sharedWordingShare))),
            ("sources", .int(sources)),
            ("storeDocuments", .int(storeDocuments)),
        ]
        if let largest = largestSource {
            fields.append(
                (
                    "largestSource",
                    .object([
                        ("id", .int(Int(largest.id))), ("title", .string(largest.title)),
                        ("relation", .string(largest.relation.rawValue)),
                        ("share", .double(ComparisonRenderer.rounded(largest.share))),
                    ])
                ))
        }
        return .object(fields)
    }
}

/// The stored document a report took the most from, and what it is to the report.
public struct LargestSource: Sendable, Equatable {
    public var title: String
    public var id: Int64
    public var share: Double
    public var relation: SourceRelation

    public init(title: String, id: Int64, share: Double, relation: SourceRelation = .other) {
        self.title = title
        self.id = id
        self.share = share
        self.relation = relation
    }

    /// The review table's cell: 库#3 45%, 库#3 同一文本, 库#3 年年一样 80%.
    public var cell: String {
        switch relation {
        case .sameText: "库#\(id) 同一文本"
        case .ownEarlier: "库#\(id) 年年一样 \(ComparisonRenderer.percent(share))"
        case .other: "库#\(id) \(ComparisonRenderer.percent(share))"
        }
    }
}

/// What a stored document is to the report compared with it.
public enum SourceRelation: String, Sendable, Equatable {
    /// Someone else's document, or one whose author is not known.
    case other
    /// The very same text (punctuation and spacing aside) stored as another document: the whole report is copied.
    case sameText = "same-text"
    /// The same author's report of another year: their own words again (年年一样).
    case ownEarlier = "own-earlier"

    public var name: String? {
        switch self {
        case .sameText: "同一文本"
        case .ownEarlier: "本人其他年度报告，年年一样"
        case .other: nil
        }
    }
}

/// Where a similarity finding's passage is in the stored document it matches.
public struct PassageSource: Sendable, Equatable {
    public var documentID: Int64
    public var title: String
    /// Scalar offsets into the stored document's text.
    public var range: Range<Int>
    /// Characters of the passage (punctuation and spacing not counted) and the share of them that is common wording.
    public var length: Int
    public var boilerplate: Double

    public init(documentID: Int64, title: String, range: Range<Int>, length: Int, boilerplate: Double) {
        self.documentID = documentID
        self.title = title
        self.range = range
        self.length = length
        self.boilerplate = boilerplate
    }

    public var json: JSONValue {
        .object([
            ("id", .int(Int(documentID))), ("title", .string(title)), ("start", .int(range.lowerBound)), ("end", .int(range.upperBound)),
            ("length", .int(length)), ("boilerplate", .double(ComparisonRenderer.rounded(boilerplate))),
        ])
    }
}
