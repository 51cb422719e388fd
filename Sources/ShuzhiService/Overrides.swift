import ShuzhiKit

/// What one run may change in the configuration it starts from (the configuration file's, or the server's): the
/// command line's options and a request's query parameters alike, validated here and nowhere else.
public struct Overrides: Sendable, Equatable {
    public var typoThreshold: Double?
    public var year: Int?
    /// Rule ids or families.
    public var disabled: [String] = []
    public var enabled: [String] = []
    public var selected: [String] = []
    /// Extra knowledge files (knowledge.json's format).
    public var knowledgeFiles: [String] = []

    public init(
        typoThreshold: Double? = nil, year: Int? = nil, disabled: [String] = [], enabled: [String] = [],
        selected: [String] = [], knowledgeFiles: [String] = []
    ) {
        self.typoThreshold = typoThreshold
        self.year = year
        self.disabled = disabled
        self.enabled = enabled
        self.selected = selected
        self.knowledgeFiles = knowledgeFiles
    }

    /// The overrides a request's query string gives as text (`typoThreshold`, `year`); an empty year is none.
    public static func parsing(typoThreshold: String?, year: String?) throws(ServiceError) -> Overrides {
        var overrides = Overrides()
        if let typoThreshold {
            guard let value = Double(typoThreshold) else { throw thresholdError }
            overrides.typoThreshold = value
        }
        if let year, !year.isEmpty {
            guard let value = Int(year) else { throw yearError }
            overrides.year = value
        }
        return overrides
    }

    /// `base` with these changes, or why they cannot be made.
    public func applied(to base: Configuration) throws(ServiceError) -> Configuration {
        var configuration = base
        for id in disabled {
            try Self.validateRule(id)
            configuration.disabled.insert(id)
        }
        for id in enabled {
            try Self.validateRule(id)
            configuration.enabled.insert(id)
        }
        if !selected.isEmpty {
            for id in selected { try Self.validateRule(id) }
            configuration.selected = Set(selected)
        }
        if let typoThreshold {
            guard (0...1).contains(typoThreshold) else { throw Self.thresholdError }
            configuration.typoThreshold = typoThreshold
        }
        if let year {
            guard Configuration.reportYears.contains(year) else { throw Self.yearError }
            configuration.year = year
        }
        if !knowledgeFiles.isEmpty {
            configuration.knowledgeFiles += knowledgeFiles
            do { configuration.knowledge = try KnowledgeBase.extended(with: configuration.knowledgeFiles) } catch {
                throw ServiceError("知识库文件 \(error.path)：\(error.message)", "knowledge file \(error.path): \(error.message)")
            }
        }
        return configuration
    }

    static let thresholdError = ServiceError(
        "错别字置信度阈值（--typo-threshold / typoThreshold）应为 0 到 1 之间的数",
        "the typo threshold (--typo-threshold / typoThreshold) must be between 0 and 1")
    static let yearError = ServiceError(
        "报告年度（--year / year）应为 1949 到 2100 之间的年份",
        "the report year (--year / year) must be a year between 1949 and 2100")

    static func validateRule(_ id: String) throws(ServiceError) {
        guard RuleRegistry.descriptions.contains(where: { $0.id == id || $0.family == id }) else {
            throw ServiceError("未知规则“\(id)”（shuzhi rules 列出全部规则）", "unknown rule \(id)")
        }
    }
}
