import Foundation
import Hummingbird
import HummingbirdCore

/// A request's query as a browser writes it: `URLSearchParams` and HTML forms encode a space as "+" (and a real
/// plus as %2B), which Hummingbird's `queryParameters` leaves as "+": an uploaded 工作 总结.docx came back named
/// 工作+总结.docx. Names and values are decoded here the application/x-www-form-urlencoded way; the first of a
/// repeated name wins.
struct FormQuery: Sendable {
    private var values: [String: Substring] = [:]

    init(_ uri: URI) {
        guard let query = uri.query else { return }
        for pair in query.split(separator: "&", omittingEmptySubsequences: true) {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            let name = Self.decode(parts[0]), value = parts.count > 1 ? Self.decode(parts[1]) : ""
            if values[name] == nil { values[name] = Substring(value) }
        }
    }

    subscript(_ name: String) -> Substring? { values[name] }

    /// A parameter that takes one of a few values: nil when it is absent, 400 when it is none of them (a typo in a
    /// script's query must not quietly mean "all kinds" or "JSON").
    func choice<Value: RawRepresentable & CaseIterable>(_ name: String, _: Value.Type) throws -> Value?
    where Value.RawValue == String {
        guard let given = values[name] else { return nil }
        if let value = Value(rawValue: String(given)) { return value }
        let names = Value.allCases.map(\.rawValue)
        func listed(_ separator: String, _ last: String) -> String {
            names.dropLast().joined(separator: separator) + (names.count > 1 ? last : "") + (names.last ?? "")
        }
        throw APIError.badRequest("\(name) 应为 \(listed("、", " 或 "))", "\(name) must be \(listed(", ", " or "))")
    }

    private static func decode(_ text: Substring) -> String {
        let spaced = text.replacingOccurrences(of: "+", with: " ")
        return spaced.removingPercentEncoding ?? spaced
    }
}

extension Request {
    /// The query, decoded as a form (see `FormQuery`).
    var form: FormQuery { FormQuery(uri) }
}
