/// The JSON of a check, as `check --format json`, the API and the review print it.
extension CheckReport {
    /// The shape documented in README and issue 2: file, encoding, diagnostics, summary.
    public var json: JSONValue {
        let lines = document.lines
        let diagnostics: [JSONValue] = self.diagnostics.map { d in
            let (line, column) = lines.location(of: d.range.lowerBound)
            var fields: [(String, JSONValue)] = [
                ("rule", .string(d.rule)),
                ("family", .string(d.family)),
                ("familyName", .string(RuleFamily.chineseName(d.family))),
                ("severity", .string(d.severity.rawValue)),
                ("start", .int(d.range.lowerBound)),
                ("end", .int(d.range.upperBound)),
                ("line", .int(line)),
                ("column", .int(column)),
                ("text", .string(document.string(d.range))),
                ("message", .string(d.message)),
                ("replacements", .array(d.replacements.map { .string($0) })),
                ("fix", .string(d.fix?.applicability.rawValue ?? "none")),
            ]
            if let confidence = d.confidence { fields.append(("confidence", .double(confidence))) }
            if let subject = d.subject, subject != d.range { fields.append(("word", .string(document.string(subject)))) }
            if let source = d.source { fields.append(("source", source.json)) }
            return .object(fields)
        }
        var fields: [(String, JSONValue)] = [
            ("file", .string(document.name)),
            ("encoding", .string(document.format.encodingName)),
        ]
        if let reportYear { fields.append(("reportYear", reportYear.json(document))) }
        fields += [("diagnostics", .array(diagnostics)), ("summary", summaryJSON), ("readingOrder", readingOrderJSON)]
        if let similarity { fields.append(("similarity", similarity.json)) }
        return .object(fields)
    }

    public var summaryJSON: JSONValue {
        .object([
            ("total", .int(diagnostics.count)),
            ("errors", .int(errorCount)),
            ("warnings", .int(warningCount)),
            ("infos", .int(infoCount)),
            ("safeFixes", .int(safeFixCount)),
            ("families", .object(familyCounts.map { ($0.0, .int($0.1)) })),
            ("rules", .object(ruleCounts.map { ($0.0, .int($0.1)) })),
        ])
    }

    /// {"headline": "先看：…", "entries": [{"indices": [3], "placeholderList": false}, {"indices": [7, 8, 9],
    /// "placeholderList": true, "message": "待填清单：本段 3 处…"}]}: the diagnostics (by index) in the order a reader
    /// should see them, each paragraph's placeholders as one entry (`ReadingOrder`).
    public var readingOrderJSON: JSONValue {
        let order = ReadingOrder(self)
        return .object([
            ("headline", .string(order.headline)),
            (
                "entries",
                .array(
                    order.entries.map { entry in
                        var fields: [(String, JSONValue)] = [
                            ("indices", .array(entry.indices.map { .int($0) })), ("placeholderList", .bool(entry.isPlaceholderList)),
                        ]
                        if entry.isPlaceholderList {
                            fields.append(("message", .string(ReadingOrder.placeholderListMessage(entry.indices, self))))
                        }
                        return .object(fields)
                    })
            ),
        ])
    }

    /// The JSON entry for a file that could not be read.
    public static func errorJSON(_ error: IngestError) -> JSONValue {
        .object([
            ("file", .string(error.file)),
            (
                "error",
                .object([
                    ("kind", .string(error.kind.rawValue)),
                    ("message", .string(error.chinese)),
                    ("messageEnglish", .string(error.english)),
                ])
            ),
        ])
    }
}

extension ReportYear {
    /// {"year": 2021 | null, "basis": "title", "reason": "…", "evidence": {"start", "end", "line", "column", "text"} | null}
    public func json(_ document: Document) -> JSONValue {
        let evidence: JSONValue =
            self.evidence.map { r in
                let (line, column) = document.lines.location(of: r.lowerBound)
                return .object([
                    ("start", .int(r.lowerBound)), ("end", .int(r.upperBound)), ("line", .int(line)), ("column", .int(column)),
                    ("text", .string(document.string(r))),
                ])
            } ?? .null
        return .object([
            ("year", year.map { .int($0) } ?? .null), ("basis", .string(basis.rawValue)), ("reason", .string(reason)),
            ("evidence", evidence),
        ])
    }

    /// “报告年度：2021（标题写明“2021年述职报告”）”, one line for the terminal.
    public var line: String { "报告年度：\(year.map(String.init) ?? "未知")（\(reason)）" }
}
