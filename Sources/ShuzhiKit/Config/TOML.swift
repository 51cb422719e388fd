/// A TOML reader for configuration files: tables, dotted and quoted keys, basic and literal strings, integers,
/// floats, booleans, arrays (multi-line, trailing comma) and inline tables. Errors carry a line and column.
/// (TOMLKit, the one TOML package on this machine, needs a package that is not available here.)
public enum TOMLValue: Sendable, Equatable {
    case string(String)
    case integer(Int)
    case float(Double)
    case bool(Bool)
    case array([TOMLValue])
    case table([String: TOMLValue])

    public var table: [String: TOMLValue]? { if case .table(let t) = self { return t }; return nil }
    public var string: String? { if case .string(let s) = self { return s }; return nil }
    public var array: [TOMLValue]? { if case .array(let a) = self { return a }; return nil }
}

public struct TOMLError: Error, Sendable, Equatable {
    public let line: Int
    public let column: Int
    public let message: String
}

public enum TOML {
    public static func parse(_ text: String) throws(TOMLError) -> [String: TOMLValue] {
        var parser = Parser(Array(text.unicodeScalars))
        return try parser.document()
    }

    private struct Parser {
        let s: [Unicode.Scalar]
        var i = 0
        var root: [String: TOMLValue] = [:]
        var current: [String] = []
        var definedTables: Set<[String]> = []
        /// Arrays and inline tables inside each other, and the parts of a dotted key: each level is a frame of a
        /// recursive call, and a configuration needs a handful. The fuzzer overflowed the stack with 300 `[`
        /// (issue 25); deeper input is refused with its position.
        var depth = 0
        static let maximumDepth = 64

        init(_ s: [Unicode.Scalar]) { self.s = s }

        func error(_ message: String, at p: Int? = nil) -> TOMLError {
            let pos = min(p ?? i, s.count)
            var line = 1, col = 1
            for k in 0..<pos { if s[k] == "\n" { line += 1; col = 1 } else { col += 1 } }
            return TOMLError(line: line, column: col, message: message)
        }

        var atEnd: Bool { i >= s.count }
        var peek: Unicode.Scalar? { i < s.count ? s[i] : nil }

        mutating func skipSpace() { while let c = peek, c == " " || c == "\t" { i += 1 } }
        mutating func skipComment() { if peek == "#" { while let c = peek, c != "\n" { i += 1 } } }
        mutating func skipBlank() {
            while true {
                skipSpace(); skipComment()
                if peek == "\n" || peek == "\r" { i += 1 } else { return }
            }
        }

        mutating func endOfLine() throws(TOMLError) {
            skipSpace(); skipComment()
            if atEnd { return }
            if peek == "\r" { i += 1 }
            guard peek == "\n" else { throw error("此处应换行（一行只能有一个键值）/ expected a new line") }
            i += 1
        }

        mutating func document() throws(TOMLError) -> [String: TOMLValue] {
            if peek == "\u{FEFF}" { i += 1 }
            while true {
                skipBlank()
                if atEnd { return root }
                if peek == "[" {
                    let start = i
                    i += 1
                    guard peek != "[" else { throw error("不支持表数组 [[…]] / arrays of tables are not supported", at: start) }
                    skipSpace()
                    let key = try keyPath()
                    skipSpace()
                    guard peek == "]" else { throw error("表名缺少“]” / expected ']'") }
                    i += 1
                    guard definedTables.insert(key).inserted else {
                        throw error("表 [\(key.joined(separator: "."))] 重复定义 / table defined twice", at: start)
                    }
                    _ = try table(at: key, position: start)
                    current = key
                    try endOfLine()
                } else {
                    let start = i
                    let key = try keyPath()
                    skipSpace()
                    guard peek == "=" else { throw error("键后应为“=” / expected '=' after the key") }
                    i += 1
                    skipSpace()
                    let value = try self.value()
                    try assign(current + key, value, position: start)
                    try endOfLine()
                }
            }
        }

        mutating func keyPath() throws(TOMLError) -> [String] {
            var parts: [String] = []
            while true {
                skipSpace()
                if peek == "\"" {
                    parts.append(try basicString())
                } else if peek == "'" {
                    parts.append(try literalString())
                } else {
                    let start = i
                    while let c = peek, c.properties.isAlphabetic || ("0"..."9").contains(c) || c == "_" || c == "-" { i += 1 }
                    guard i > start else { throw error("缺少键名 / expected a key") }
                    parts.append(String(String.UnicodeScalarView(s[start..<i])))
                }
                skipSpace()
                if peek == "." { i += 1 } else { return parts }
                guard parts.count < Self.maximumDepth else { throw error("键名层级过多 / too many parts in a dotted key") }
            }
        }

        func table(at path: [String], position: Int) throws(TOMLError) -> [String: TOMLValue] {
            var t = root
            for (k, part) in path.enumerated() {
                switch t[part] {
                case nil: return [:]
                case .table(let inner): t = inner
                default: throw error("“\(path[0...k].joined(separator: "."))”已经是一个值，不能再作为表 / is already a value", at: position)
                }
            }
            return t
        }

        /// Sets a value in place. The root is moved out while it changes, and the error is only made on failure (it
        /// counts lines from the start): either would make a file of n keys cost n² (40,000 keys took 18 s).
        mutating func assign(_ path: [String], _ value: TOMLValue, position: Int) throws(TOMLError) {
            var whole = TOMLValue.table(root)
            root = [:]
            defer { root = whole.table ?? [:] }
            try Self.set(&whole, path[...], value, error("键“\(path.joined(separator: "."))”重复或与表冲突 / duplicate key", at: position))
        }

        mutating func value() throws(TOMLError) -> TOMLValue {
            guard let c = peek else { throw error("缺少值 / expected a value") }
            switch c {
            case "\"":
                if i + 2 < s.count && s[i + 1] == "\"" && s[i + 2] == "\"" {
                    throw error("不支持多行字符串 / multi-line strings are not supported")
                }
                return .string(try basicString())
            case "'": return .string(try literalString())
            case "[":
                try deeper()
                defer { depth -= 1 }
                i += 1
                var items: [TOMLValue] = []
                while true {
                    skipBlank()
                    if peek == "]" { i += 1; return .array(items) }
                    items.append(try value())
                    skipBlank()
                    if peek == "," { i += 1; continue }
                    skipBlank()
                    guard peek == "]" else { throw error("数组元素之间应为“,” / expected ',' or ']'") }
                }
            case "{":
                try deeper()
                defer { depth -= 1 }
                i += 1
                var t: [String: TOMLValue] = [:]
                skipSpace()
                if peek == "}" { i += 1; return .table(t) }
                while true {
                    skipSpace()
                    let key = try keyPath()
                    skipSpace()
                    guard peek == "=" else { throw error("键后应为“=” / expected '='") }
                    i += 1
                    skipSpace()
                    let v = try value()
                    var nested = TOMLValue.table(t)
                    t = [:]
                    try Self.set(&nested, key[...], v, error("键重复 / duplicate key"))
                    t = nested.table!
                    skipSpace()
                    if peek == "," { i += 1; continue }
                    guard peek == "}" else { throw error("应为“,”或“}” / expected ',' or '}'") }
                    i += 1
                    return .table(t)
                }
            case "t", "f":
                if matchWord("true") { return .bool(true) }
                if matchWord("false") { return .bool(false) }
                throw error("无法识别的值 / unrecognised value")
            default:
                let start = i
                while let d = peek, ("0"..."9").contains(d) || d == "+" || d == "-" || d == "." || d == "_" || d == "e" || d == "E" {
                    i += 1
                }
                let text = String(String.UnicodeScalarView(s[start..<i])).replacingOccurrences(of: "_", with: "")
                if let n = Int(text) { return .integer(n) }
                if let x = Double(text), text.contains(where: { $0 == "." || $0 == "e" || $0 == "E" }) { return .float(x) }
                throw error("无法识别的值（字符串需加引号）/ unrecognised value (quote strings)", at: start)
            }
        }

        /// Each table is taken out of its parent while it changes, so that it is changed in place, not copied.
        static func set(
            _ t: inout TOMLValue, _ path: ArraySlice<String>, _ v: TOMLValue, _ duplicate: @autoclosure () -> TOMLError
        ) throws(TOMLError) {
            guard case .table(var table) = t else { throw duplicate() }
            t = .bool(false)
            defer { t = .table(table) }
            let head = path.first!
            if path.count == 1 {
                guard table[head] == nil else { throw duplicate() }
                table[head] = v
            } else {
                var inner = table.removeValue(forKey: head) ?? .table([:])
                defer { table[head] = inner }
                guard inner.table != nil else { throw duplicate() }
                try set(&inner, path.dropFirst(), v, duplicate())
            }
        }

        mutating func deeper() throws(TOMLError) {
            guard depth < Self.maximumDepth else { throw error("数组或内联表嵌套过深 / arrays or inline tables nested too deeply") }
            depth += 1
        }

        mutating func matchWord(_ w: String) -> Bool {
            let u = Array(w.unicodeScalars)
            guard s.matches(u, at: i) else { return false }
            i += u.count
            return true
        }

        mutating func basicString() throws(TOMLError) -> String {
            let start = i
            i += 1
            var out = String.UnicodeScalarView()
            while let c = peek {
                i += 1
                switch c {
                case "\"": return String(out)
                case "\n": throw error("字符串未结束 / unterminated string", at: start)
                case "\\":
                    guard let e = peek else { throw error("字符串未结束 / unterminated string", at: start) }
                    i += 1
                    switch e {
                    case "n": out.append("\n")
                    case "t": out.append("\t")
                    case "r": out.append("\r")
                    case "\"": out.append("\"")
                    case "\\": out.append("\\")
                    case "u", "U":
                        let n = e == "u" ? 4 : 8
                        guard i + n <= s.count, let v = UInt32(String(String.UnicodeScalarView(s[i..<(i + n)])), radix: 16),
                            let scalar = Unicode.Scalar(v)
                        else { throw error("无效的 \\u 转义 / bad \\u escape") }
                        out.append(scalar)
                        i += n
                    default: throw error("无效的转义“\\\(e)” / bad escape")
                    }
                default: out.append(c)
                }
            }
            throw error("字符串未结束 / unterminated string", at: start)
        }

        mutating func literalString() throws(TOMLError) -> String {
            let start = i
            i += 1
            var out = String.UnicodeScalarView()
            while let c = peek {
                i += 1
                if c == "'" { return String(out) }
                if c == "\n" { break }
                out.append(c)
            }
            throw error("字符串未结束 / unterminated string", at: start)
        }
    }
}
