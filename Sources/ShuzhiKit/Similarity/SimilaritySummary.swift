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
    public var largestSource: (title: String, id: Int64, share: Double)?
    /// Stored documents the report shares passages with.
    public var sources: Int
    /// Documents in the store it was checked against.
    public var storeDocuments: Int

    public init(copiedShare: Double, copiedShareExcludingOwn: Double, sharedWordingShare: Double,
                largestSource: (title: String, id: Int64, share: Double)?, sources: Int, storeDocuments: Int) {
        self.copiedShare = copiedShare
        self.copiedShareExcludingOwn = copiedShareExcludingOwn
        self.sharedWordingShare = sharedWordingShare
        self.largestSource = largestSource
        self.sources = sources
        self.storeDocuments = storeDocuments
    }

    public static func == (a: SimilaritySummary, b: SimilaritySummary) -> Bool {
        a.copiedShare == b.copiedShare && a.copiedShareExcludingOwn == b.copiedShareExcludingOwn && a.sharedWordingShare == b.sharedWordingShare
            && a.largestSource?.id == b.largestSource?.id && a.largestSource?.share == b.largestSource?.share && a.sources == b.sources
            && a.storeDocuments == b.storeDocuments
    }

    public var text: String {
        var line = "  相似度（对照语料库 \(storeDocuments) 份）：总复制比 \(ComparisonRenderer.percent(copiedShare))"
        line += "，去除本人报告 \(ComparisonRenderer.percent(copiedShareExcludingOwn))"
        if let largest = largestSource { line += "，单篇最大 \(ComparisonRenderer.percent(largest.share))《\(largest.title)》#\(largest.id)" }
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
            fields.append(("largestSource", .object([("id", .int(Int(largest.id))), ("title", .string(largest.title)),
                                                     ("share", .double(ComparisonRenderer.rounded(largest.share)))])))
        }
        return .object(fields)
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
        .object([("id", .int(Int(documentID))), ("title", .string(title)), ("start", .int(range.lowerBound)), ("end", .int(range.upperBound)),
                 ("length", .int(length)), ("boilerplate", .double(ComparisonRenderer.rounded(boilerplate)))])
    }
}
