import ShuzhiKit
import ShuzhiStore

/// `compare` — the CLI command and `POST /api/compare` both call this: two texts side by side, the first's passages
/// found in the second. The knowledge base's formulas are shared wording; with a store, so is wording common there,
/// fingerprinted with the store's own scheme (an older store keeps the scheme it was made with, and fingerprints of
/// another scheme would never match its own).
public enum CompareOperation {
    public static func compare(_ a: [Unicode.Scalar], _ b: [Unicode.Scalar], store: (any CorpusStore)? = nil) async throws -> TextComparison
    {
        let query = ComparableText(a)
        let scheme = store?.scheme ?? .standard
        let prints = Winnowing.fingerprints(query, scheme: scheme)
        let policy = CopyPolicy()
        var boilerplate = StockWording.builtIn.hashes(query, prints, k: scheme.k)
        if let store { boilerplate.formUnion(try await store.commonFingerprints(prints.map(\.hash), policy: policy)) }
        return TextComparison(query: query, source: ComparableText(b), policy: policy, queryFingerprints: prints, boilerplate: boilerplate)
    }
}
