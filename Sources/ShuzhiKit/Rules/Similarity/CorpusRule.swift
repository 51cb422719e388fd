/// A rule whose findings come from comparing the document with the reports of a corpus store (`check --corpus`,
/// `review --corpus`, the web page with the store), not from the analysis alone: the store's `CopyDetector` makes
/// them. Registered like every other rule, so it is listed, documented, disabled and re-levelled the same way
/// (`Configuration.settled`). Its examples need a store: `stored` is the report already in it, and a store test
/// checks that each triggering example is flagged exactly at its marks and each non-triggering one not at all.
public protocol CorpusRule: Sendable {
    var description: RuleDescription { get }
    /// The text the store holds when the examples are checked.
    var stored: String { get }
    /// Whether the stored text is by the checked report's author (their own earlier report).
    var storedIsOwn: Bool { get }
}
