/// SARIF 2.1.0 for CI systems and code-scanning dashboards. Columns count Unicode code points, as declared in the run.
public enum SARIFRenderer {
    public static func render(_ reports: [CheckReport], rules: [RuleDescription] = RuleRegistry.descriptions, version: String) -> JSONValue
    {
        let ruleIndex = Dictionary(uniqueKeysWithValues: rules.enumerated().map { ($1.id, $0) })
        let ruleObjects: [JSONValue] = rules.map { r in
            .object([
                ("id", .string(r.id)),
                ("name", .string(r.id)),
                ("shortDescription", .object([("text", .string(r.summary))])),
                ("fullDescription", .object([("text", .string(r.rationale))])),
                ("defaultConfiguration", .object([("level", .string(level(r.severity)))])),
                ("helpUri", .string("docs/rules.md#\(r.id.replacingOccurrences(of: ".", with: ""))")),
            ])
        }
        var results: [JSONValue] = []
        var artifacts: [JSONValue] = []
        for (fileIndex, report) in reports.enumerated() {
            let doc = report.document
            artifacts.append(
                .object([("location", .object([("uri", .string(uri(doc.name)))])), ("encoding", .string(doc.format.encodingName))]))
            for d in report.diagnostics {
                let (line, column) = doc.lines.location(of: d.range.lowerBound)
                let (endLine, endColumn) = doc.lines.location(of: d.range.upperBound)
                var region: [(String, JSONValue)] = [
                    ("startLine", .int(line)), ("startColumn", .int(column)),
                    ("endLine", .int(endLine)), ("endColumn", .int(endColumn)),
                    ("charOffset", .int(d.range.lowerBound)), ("charLength", .int(d.range.count)),
                ]
                region.append(("snippet", .object([("text", .string(doc.string(d.range)))])))
                var result: [(String, JSONValue)] = [
                    ("ruleId", .string(d.rule)),
                    ("level", .string(level(d.severity))),
                    ("message", .object([("text", .string(d.message))])),
                    (
                        "locations",
                        .array([
                            .object([
                                (
                                    "physicalLocation",
                                    .object([
                                        ("artifactLocation", .object([("uri", .string(uri(doc.name))), ("index", .int(fileIndex))])),
                                        ("region", .object(region)),
                                    ])
                                )
                            ])
                        ])
                    ),
                ]
                if let i = ruleIndex[d.rule] { result.insert(("ruleIndex", .int(i)), at: 1) }
                if let confidence = d.confidence {
                    result.append(("properties", .object([("confidence", .double(confidence))])))
                }
                if let fix = d.fix {
                    let replacements: [JSONValue] = fix.edits.map { e in
                        .object([
                            ("deletedRegion", .object([("charOffset", .int(e.range.lowerBound)), ("charLength", .int(e.range.count))])),
                            ("insertedContent", .object([("text", .string(e.replacement))])),
                        ])
                    }
                    result.append(
                        (
                            "fixes",
                            .array([
                                .object([
                                    (
                                        "description",
                                        .object([
                                            ("text", .string(fix.applicability == .safe ? "安全修复 / safe fix" : "需人工确认的修复 / unsafe fix"))
                                        ])
                                    ),
                                    (
                                        "artifactChanges",
                                        .array([
                                            .object([
                                                ("artifactLocation", .object([("uri", .string(uri(doc.name)))])),
                                                ("replacements", .array(replacements)),
                                            ])
                                        ])
                                    ),
                                ])
                            ])
                        ))
                }
                results.append(.object(result))
            }
        }
        return .object([
            ("$schema", .string("https://json.schemastore.org/sarif-2.1.0.json")),
            ("version", .string("2.1.0")),
            (
                "runs",
                .array([
                    .object([
                        (
                            "tool",
                            .object([
                                (
                                    "driver",
                                    .object([
                                        ("name", .string("shuzhi")),
                                        ("version", .string(version)),
                                        ("rules", .array(ruleObjects)),
                                    ])
                                )
                            ])
                        ),
                        ("columnKind", .string("unicodeCodePoints")),
                        ("artifacts", .array(artifacts)),
                        ("results", .array(results)),
                    ])
                ])
            ),
        ])
    }

    static func level(_ s: Severity) -> String {
        switch s {
        case .error: return "error"
        case .warning: return "warning"
        case .info: return "note"
        }
    }

    /// A relative URI reference for a path (RFC 3986): unreserved characters and / stay, everything else — spaces,
    /// Chinese file names — is percent-encoded as UTF-8.
    static func uri(_ path: String) -> String {
        var out = ""
        for b in path.utf8 {
            let c = Character(Unicode.Scalar(b))
            if (b < 0x80 && (c.isLetter || c.isNumber)) || "-._~/".utf8.contains(b) {
                out.append(c)
            } else {
                out += "%" + (b < 16 ? "0" : "") + String(b, radix: 16, uppercase: true)
            }
        }
        return out
    }
}
