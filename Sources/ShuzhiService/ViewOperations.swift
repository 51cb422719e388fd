import ShuzhiKit

/// `outline` — `shuzhi outline` and `POST /api/outline`: the report's structure under a configuration (its year).
public enum OutlineOperation {
    public static func outline(_ document: Document, configuration: Configuration) -> Analysis {
        Checker(configuration: configuration).analyse(document)
    }
}

/// `metrics` — `shuzhi metrics` and `POST /api/metrics`: the results a report states and its substance score.
public enum MetricsOperation {
    public struct Outcome: Sendable {
        public let document: Document
        public let results: [StatedResult]
        public let substance: Substance
    }

    public static func metrics(_ document: Document, configuration: Configuration) -> Outcome {
        metrics(Checker(configuration: configuration).analyse(document))
    }

    public static func metrics(_ analysis: Analysis) -> Outcome {
        let results = StatedResults.extract(analysis)
        return Outcome(document: analysis.document, results: results, substance: Substance(analysis, results: results))
    }

    public static func json(_ analysis: Analysis) -> JSONValue { json(metrics(analysis)) }

    public static func json(_ outcome: Outcome) -> JSONValue {
        MetricsRenderer.json(outcome.results, outcome.substance, outcome.document)
    }
}

/// `format` — `shuzhi format` and `POST /api/format`: the report laid out per GB/T 9704 as a new Word document.
public enum FormatOperation {
    public static func format(_ document: Document, configuration: Configuration, marking: DocxFormatter.Marking = .init()) -> WordFile {
        WordFile(
            bytes: DocxFormatter.format(OutlineOperation.outline(document, configuration: configuration), marking: marking),
            name: OutputName.derived(from: document.name, suffix: ".formatted.docx"))
    }
}

/// `rules` — `shuzhi rules --format json` and `GET /api/rules`: every rule with its family, severity and fix.
public enum RuleCatalogue {
    public static let json: JSONValue = .array(
        RuleRegistry.descriptions.map { r in
            .object([
                ("id", .string(r.id)), ("family", .string(r.family)), ("familyName", .string(RuleFamily.chineseName(r.family))),
                ("severity", .string(r.severity.rawValue)), ("fix", .string(r.fix?.rawValue ?? "none")),
                ("enabledByDefault", .bool(r.isEnabledByDefault)), ("summary", .string(r.summary)),
                ("rationale", .string(r.rationale)),
            ])
        })
}
