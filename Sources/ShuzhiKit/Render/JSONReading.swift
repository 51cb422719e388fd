import Foundation  // memcmp

/// Reading JSON (RFC 8259) from UTF-8 bytes into a `JSONValue`: one pass, no Foundation, no `Codable`.
///
/// `KnowledgeFileReader` reads the built-in knowledge base from it at every start, where `JSONDecoder` cost about
/// 9.5 M instructions (issue 23).
extension JSONValue {
    public struct ParseError: Error, Sendable, CustomStringConvertible {
        public let offset: Int
        public let reason: String
        public var description: String { "invalid JSON at byte \(offset): \(reason)" }
    }

    /// The value of a whole JSON text (RFC 8259): one value, surrounded by white space only.
    public static func parse(_ bytes: some Collection<UInt8>) throws(ParseError) -> JSONValue {
        let array = Array(bytes)
        return try array.withUnsafeBufferPointer { (buffer) throws(ParseError) -> JSONValue in
            var reader = Reader(bytes: buffer)
            let value = try reader.value(depth: 0)
            reader.skipSpace()
            guard reader.at == buffer.count else { throw reader.error("text after the value") }
            return value
        }
    }

    private struct Reader {
        let bytes: UnsafeBufferPointer<UInt8>
        var at = 0
        /// Deeper nesting than any real file has is refused rather than risking the stack.
        static let maximumDepth = 512

        func error(_ reason: String) -> ParseError { ParseError(offset: at, reason: reason) }

        mutating func skipSpace() {
            while at < bytes.count, bytes[at] == 0x20 || bytes[at] == 0x0A || bytes[at] == 0x0D || bytes[at] == 0x09 {
                at += 1
            }
        }

        mutating func value(depth: Int) throws(ParseError) -> JSONValue {
            guard depth < Self.maximumDepth else { throw error("nested too deeply") }
            skipSpace()
            guard at < bytes.count else { throw error("unexpected end") }
            switch bytes[at] {
            case UInt8(ascii: "{"):
                at += 1
                var members: [(String, JSONValue)] = []
                skipSpace()
                if at < bytes.count, bytes[at] == UInt8(ascii: "}") {
                    at += 1
                    return .object(members)
                }
                while true {
                    skipSpace()
                    guard at < bytes.count, bytes[at] == UInt8(ascii: "\"") else { throw error("expected a key") }
                    let key = try string()
                    skipSpace()
                    guard at < bytes.count, bytes[at] == UInt8(ascii: ":") else { throw error("expected ':'") }
                    at += 1
                    members.append((key, try value(depth: depth + 1)))
                    skipSpace()
                    guard at < bytes.count else { throw error("unexpected end") }
                    if bytes[at] == UInt8(ascii: ",") {
                        at += 1
                    } else if bytes[at] == UInt8(ascii: "}") {
                        at += 1
                        return .object(members)
                    } else {
                        throw error("expected ',' or '}'")
                    }
                }
            case UInt8(ascii: "["):
                at += 1
                var items: [JSONValue] = []
                skipSpace()
                if at < bytes.count, bytes[at] == UInt8(ascii: "]") {
                    at += 1
                    return .array(items)
                }
                while true {
                    items.append(try value(depth: depth + 1))
                    skipSpace()
                    guard at < bytes.count else { throw error("unexpected end") }
                    if bytes[at] == UInt8(ascii: ",") {
                        at += 1
                    } else if bytes[at] == UInt8(ascii: "]") {
                        at += 1
                        return .array(items)
                    } else {
                        throw error("expected ',' or ']'")
                    }
                }
            case UInt8(ascii: "\""):
                return .string(try string())
            case UInt8(ascii: "t"): return try literal("true", .bool(true))
            case UInt8(ascii: "f"): return try literal("false", .bool(false))
            case UInt8(ascii: "n"): return try literal("null", .null)
            default:
                return try number()
            }
        }

        mutating func literal(_ word: StaticString, _ value: JSONValue) throws(ParseError) -> JSONValue {
            let n = word.utf8CodeUnitCount
            guard at + n <= bytes.count else { throw error("unexpected end") }
            for k in 0..<n where bytes[at + k] != word.utf8Start[k] { throw error("unknown literal") }
            at += n
            return value
        }

        mutating func number() throws(ParseError) -> JSONValue {
            let start = at
            var integral = true
            if at < bytes.count, bytes[at] == UInt8(ascii: "-") { at += 1 }
            let digits = at
            while at < bytes.count, (0x30...0x39).contains(bytes[at]) { at += 1 }
            guard at > digits else { throw error("expected a value") }
            guard at - digits == 1 || bytes[digits] != 0x30 else { throw error("a number with a leading zero") }
            if at < bytes.count, bytes[at] == UInt8(ascii: ".") {
                integral = false
                at += 1
                let fraction = at
                while at < bytes.count, (0x30...0x39).contains(bytes[at]) { at += 1 }
                guard at > fraction else { throw error("expected digits after '.'") }
            }
            if at < bytes.count, bytes[at] | 0x20 == UInt8(ascii: "e") {
                integral = false
                at += 1
                if at < bytes.count, bytes[at] == UInt8(ascii: "+") || bytes[at] == UInt8(ascii: "-") { at += 1 }
                let exponent = at
                while at < bytes.count, (0x30...0x39).contains(bytes[at]) { at += 1 }
                guard at > exponent else { throw error("expected exponent digits") }
            }
            let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<at]), as: UTF8.self)
            if integral, let n = Int(text) { return .int(n) }
            guard let x = Double(text) else { throw error("a number out of range") }
            return .double(x)
        }

        /// A string from its opening quote; escapes decoded, UTF-8 checked.
        mutating func string() throws(ParseError) -> String {
            at += 1
            let start = at
            // The common case: no escape, so the bytes are the string.
            while at < bytes.count, bytes[at] != UInt8(ascii: "\""), bytes[at] != UInt8(ascii: "\\"), bytes[at] >= 0x20 {
                at += 1
            }
            guard at < bytes.count else { throw error("unterminated string") }
            if bytes[at] == UInt8(ascii: "\"") {
                at += 1
                return try validString(UnsafeBufferPointer(rebasing: bytes[start..<at - 1]))
            }
            var utf8 = Array(UnsafeBufferPointer(rebasing: bytes[start..<at]))
            while bytes[at] != UInt8(ascii: "\"") {
                let b = bytes[at]
                guard b >= 0x20 else { throw error("a control character in a string") }
                if b != UInt8(ascii: "\\") {
                    utf8.append(b)
                    at += 1
                } else {
                    at += 1
                    guard at < bytes.count else { throw error("unterminated string") }
                    let e = bytes[at]
                    at += 1
                    switch e {
                    case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): utf8.append(e)
                    case UInt8(ascii: "b"): utf8.append(0x08)
                    case UInt8(ascii: "f"): utf8.append(0x0C)
                    case UInt8(ascii: "n"): utf8.append(0x0A)
                    case UInt8(ascii: "r"): utf8.append(0x0D)
                    case UInt8(ascii: "t"): utf8.append(0x09)
                    case UInt8(ascii: "u"):
                        var code = try hex4()
                        if (0xD800..<0xDC00).contains(code) {
                            guard at + 1 < bytes.count, bytes[at] == UInt8(ascii: "\\"), bytes[at + 1] == UInt8(ascii: "u") else {
                                throw error("a lone surrogate")
                            }
                            at += 2
                            let low = try hex4()
                            guard (0xDC00..<0xE000).contains(low) else { throw error("a lone surrogate") }
                            code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00)
                        }
                        guard let scalar = Unicode.Scalar(code) else { throw error("a lone surrogate") }
                        utf8.append(contentsOf: UTF8.encode(scalar)!)
                    default:
                        throw error("an unknown escape")
                    }
                }
                guard at < bytes.count else { throw error("unterminated string") }
            }
            at += 1
            return try utf8.withUnsafeBufferPointer { (utf8) throws(ParseError) in try validString(utf8) }
        }

        /// `String(decoding:)` is the stdlib's fast path; it mends bad UTF-8, so a string that does not give back
        /// its bytes was not UTF-8. (`String(validating:as:)` runs unspecialised, a metadata look-up a string.)
        func validString(_ utf8: UnsafeBufferPointer<UInt8>) throws(ParseError) -> String {
            var s = String(decoding: utf8, as: UTF8.self)
            let same = s.withUTF8 {
                $0.count == utf8.count && (utf8.isEmpty || memcmp($0.baseAddress!, utf8.baseAddress!, utf8.count) == 0)
            }
            guard same else { throw error("not UTF-8") }
            return s
        }

        mutating func hex4() throws(ParseError) -> UInt32 {
            guard at + 4 <= bytes.count else { throw error("unterminated string") }
            var code: UInt32 = 0
            for _ in 0..<4 {
                let b = bytes[at] | 0x20
                let digit: UInt8
                switch b {
                case 0x30...0x39: digit = b - 0x30
                case 0x61...0x66: digit = b - 0x61 + 10
                default: throw error("a bad \\u escape")
                }
                code = code << 4 | UInt32(digit)
                at += 1
            }
            return code
        }
    }
}
