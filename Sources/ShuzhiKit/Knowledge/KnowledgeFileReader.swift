/// Reads a knowledge file from a parsed `JSONValue` with concrete code, for the built-in file every check loads.
///
/// `JSONDecoder` (and any `Decoder` driven through the types' `Codable` conformances) spent about 9.5 M instructions on
/// the 23 KB file at every start (issue 23), about 40 % of it the Swift runtime's first-time conformance look-ups for
/// the generic containers (`[Formula]?: Decodable` and the like), each a scan of the static binary's ~9,500
/// conformance records. Reading the fields by name costs a small fraction of that. The keys are the `Codable`
/// names; `KnowledgeFileReaderTests` holds this reader's result equal to `JSONDecoder`'s on the built-in file, so a
/// field added to an entry and not read here fails there. User files keep `JSONDecoder`, whose messages name the path
/// of a wrong field.
struct KnowledgeFileReader {
    /// Where (`.plans[0].first`) and what was expected. The path is built on the way out of a failure, so reading
    /// a good file builds no path strings.
    struct ShapeError: Error, Equatable, CustomStringConvertible {
        var path = ""
        let expected: String
        var description: String { "\(path): expected \(expected)" }

        func under(_ parent: String) -> ShapeError { ShapeError(path: parent + path, expected: expected) }
    }

    static func file(from value: JSONValue) throws(ShapeError) -> KnowledgeBase.File {
        let top = try Fields(value)
        return KnowledgeBase.File(
            version: try top.optional("version", Fields.string),
            formulas: try top.entries("formulas") { (f) throws(ShapeError) in
                KnowledgeBase.Formula(
                    id: try f.string("id"), name: try f.string("name"), aliases: try f.optional("aliases", Fields.strings),
                    members: try f.strings("members"), verbs: try f.optional("verbs", Fields.strings),
                    since: try f.optional("since", Fields.string), status: try f.status(), sources: try f.strings("sources"))
            },
            sequences: try top.entries("sequences") { (f) throws(ShapeError) in
                KnowledgeBase.Sequence(
                    id: try f.string("id"), items: try f.array("items", Fields.strings),
                    status: try f.status(), sources: try f.strings("sources"))
            },
            phrases: try top.entries("phrases") { (f) throws(ShapeError) in
                KnowledgeBase.Phrase(
                    id: try f.string("id"), text: try f.string("text"), status: try f.status(), sources: try f.strings("sources"))
            },
            forms: try top.entries("forms") { (f) throws(ShapeError) in
                let kind = try f.string("kind")
                guard let known = KnowledgeBase.Form.Kind(rawValue: kind) else {
                    throw ShapeError(path: ".kind", expected: "wrong, style or allowed")
                }
                return KnowledgeBase.Form(
                    id: try f.string("id"), text: try f.string("text"), correct: try f.optional("correct", Fields.string), kind: known,
                    status: try f.status(), sources: try f.strings("sources"), message: try f.optional("message", Fields.string),
                    after: try f.optional("after", Fields.string))
            },
            events: try top.entries("events") { (f) throws(ShapeError) in
                KnowledgeBase.Event(
                    name: try f.string("name"), congress: try f.int("congress"), plenum: try f.int("plenum"), start: try f.string("start"),
                    end: try f.string("end"), status: try f.status(), sources: try f.strings("sources"))
            },
            plans: try top.entries("plans") { (f) throws(ShapeError) in
                KnowledgeBase.Plan(
                    name: try f.string("name"), first: try f.int("first"), last: try f.int("last"), status: try f.status(),
                    sources: try f.strings("sources"))
            },
            campaigns: try top.entries("campaigns") { (f) throws(ShapeError) in
                KnowledgeBase.Campaign(
                    id: try f.string("id"), name: try f.string("name"), aliases: try f.optional("aliases", Fields.strings),
                    start: try f.string("start"), end: try f.string("end"), continues: try f.optional("continues", Fields.string),
                    status: try f.status(), sources: try f.strings("sources"))
            },
            changes: try top.entries("changes") { (f) throws(ShapeError) in
                KnowledgeBase.Change(
                    id: try f.string("id"), date: try f.string("date"), old: try f.string("old"), new: try f.string("new"),
                    unlessNear: try f.optional("unlessNear", Fields.strings), asFormula: try f.optional("asFormula", Fields.string),
                    asGoal: try f.optional("asGoal", Fields.bool), status: try f.status(), sources: try f.strings("sources"))
            })
    }

    /// An object's members, looked up by name (an entry has at most nine).
    struct Fields {
        let members: [(String, JSONValue)]

        init(_ value: JSONValue) throws(ShapeError) {
            guard case .object(let members) = value else { throw ShapeError(expected: "an object") }
            self.members = members
        }

        /// A missing key and `null` are the same, as for `Codable`'s optionals.
        func find(_ key: String) -> JSONValue? {
            for (name, value) in members where name == key { return value == .null ? nil : value }
            return nil
        }

        func required<T>(_ key: String, _ read: (JSONValue) throws(ShapeError) -> T) throws(ShapeError) -> T {
            guard let value = find(key) else { throw ShapeError(path: "." + key, expected: "a value") }
            do { return try read(value) } catch { throw error.under("." + key) }
        }

        func optional<T>(_ key: String, _ read: (JSONValue) throws(ShapeError) -> T) throws(ShapeError) -> T? {
            guard let value = find(key) else { return nil }
            do { return try read(value) } catch { throw error.under("." + key) }
        }

        func string(_ key: String) throws(ShapeError) -> String { try required(key, Self.string) }
        func strings(_ key: String) throws(ShapeError) -> [String] { try required(key, Self.strings) }
        func int(_ key: String) throws(ShapeError) -> Int { try required(key, Self.int) }

        func status() throws(ShapeError) -> KnowledgeBase.Status {
            guard let status = KnowledgeBase.Status(rawValue: try string("status")) else {
                throw ShapeError(path: ".status", expected: "V, V2 or UNVERIFIED")
            }
            return status
        }

        func array<T>(_ key: String, _ read: (JSONValue) throws(ShapeError) -> T) throws(ShapeError) -> [T] {
            try required(key) { (value) throws(ShapeError) in try Self.array(value, read) }
        }

        /// An optional list of entries, each an object.
        func entries<T>(_ key: String, _ read: (Fields) throws(ShapeError) -> T) throws(ShapeError) -> [T]? {
            try optional(key) { (value) throws(ShapeError) in
                try Self.array(value) { (item) throws(ShapeError) in try read(Fields(item)) }
            }
        }

        static func string(_ value: JSONValue) throws(ShapeError) -> String {
            guard case .string(let s) = value else { throw ShapeError(expected: "a string") }
            return s
        }

        static func int(_ value: JSONValue) throws(ShapeError) -> Int {
            guard case .int(let n) = value else { throw ShapeError(expected: "an integer") }
            return n
        }

        static func bool(_ value: JSONValue) throws(ShapeError) -> Bool {
            guard case .bool(let b) = value else { throw ShapeError(expected: "true or false") }
            return b
        }

        static func strings(_ value: JSONValue) throws(ShapeError) -> [String] { try array(value, string) }

        static func array<T>(_ value: JSONValue, _ read: (JSONValue) throws(ShapeError) -> T) throws(ShapeError) -> [T] {
            guard case .array(let items) = value else { throw ShapeError(expected: "an array") }
            var out: [T] = []
            out.reserveCapacity(items.count)
            for (k, item) in items.enumerated() {
                do { out.append(try read(item)) } catch { throw error.under("[\(k)]") }
            }
            return out
        }
    }
}
