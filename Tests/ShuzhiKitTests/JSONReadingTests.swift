import Foundation
import Testing
@testable import ShuzhiKit

/// `JSONValue.parse`, which reads the built-in knowledge base at start-up in place of `JSONDecoder`: it must read what
/// that reads and refuse what it refuses (but for trailing commas, which RFC 8259 does not allow).
@Suite struct JSONReadingTests {
    @Test func valuesOfEveryKind() throws {
        let value = try JSONValue.parse(
            Array(#" {"a": [1, -2.5, 3e2, true, false, null], "b": "x\"\\\/\n\t\u00e9\u4e2d\ud83d\ude00", "c": {}, "d": []} "#.utf8))
        #expect(
            value
                == .object([
                    ("a", .array([.int(1), .double(-2.5), .double(300), .bool(true), .bool(false), .null])),
                    ("b", .string("x\"\\/\n\té中😀")), ("c", .object([])), ("d", .array([])),
                ]))
    }

    @Test(arguments: [
        "", " ", "{", "{\"a\" 1}", "01", "1.", "-", "1e", "tru", "nul", "\"abc", "\"\\x\"",
        "\"\\ud800\"", "\"\\udc00\"", "\"\u{1}\"", "[1] 2", "{1:2}", "\"\\u12g4\"", String(repeating: "[", count: 600),
    ])
    func malformedTextIsRefusedWithAnOffset(text: String) {
        #expect(throws: JSONValue.ParseError.self) { try JSONValue.parse(Array(text.utf8)) }
        #expect(throws: (any Error).self) { try JSONDecoder().decode(JSONProbe.self, from: Data(text.utf8)) }
    }

    /// RFC 8259 has no trailing comma; Foundation's reader lets one pass, this one does not (the built-in file has none).
    @Test(arguments: ["[1,]", "{\"a\":1,}", "[1,,2]"])
    func trailingCommasAreRefused(text: String) {
        #expect(throws: JSONValue.ParseError.self) { try JSONValue.parse(Array(text.utf8)) }
    }

    @Test func invalidUTF8IsRefused() {
        #expect(throws: JSONValue.ParseError.self) { try JSONValue.parse([0x22, 0xFF, 0xFE, 0x22]) }
    }
}

/// Any JSON value, decoded all the way down: `JSONDecoder` checks a string's escapes or a number's digits only when
/// they are decoded.
private struct JSONProbe: Decodable {
    init(from decoder: any Decoder) throws {
        let value = try decoder.singleValueContainer()
        if value.decodeNil() { return }
        if (try? value.decode(Bool.self)) != nil || (try? value.decode(String.self)) != nil { return }
        if (try? value.decode(Double.self)) != nil || (try? value.decode([JSONProbe].self)) != nil { return }
        _ = try value.decode([String: JSONProbe].self)
    }
}
