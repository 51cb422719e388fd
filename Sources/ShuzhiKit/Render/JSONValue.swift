/// A JSON value that keeps object keys in the order they were written, so the output reads in the documented order.
/// Not `indirect`: the arrays already hold their elements out of line, and a box for every string and number cost an
/// allocation each (reading the built-in knowledge base at every start: 2.7 M instructions with the boxes, 2.2 M without).
public enum JSONValue: Sendable, Equatable {
    case string(String)
    case int(Int)
    case double(Double)
    case bool(Bool)
    case null
    case array([JSONValue])
    case object([(String, JSONValue)])

    public static func == (a: JSONValue, b: JSONValue) -> Bool {
        switch (a, b) {
        case (.string(let x), .string(let y)): return x == y
        case (.int(let x), .int(let y)): return x == y
        case (.double(let x), .double(let y)): return x == y
        case (.bool(let x), .bool(let y)): return x == y
        case (.null, .null): return true
        case (.array(let x), .array(let y)): return x == y
        case (.object(let x), .object(let y)): return x.count == y.count && zip(x, y).allSatisfy { $0.0 == $1.0 && $0.1 == $1.1 }
        default: return false
        }
    }

    public func serialized(pretty: Bool = true) -> String { String(decoding: bytes(pretty: pretty), as: UTF8.self) }

    /// The JSON text as UTF-8, written straight into a byte buffer (a batch can hold hundreds of thousands of findings).
    public func bytes(pretty: Bool = true) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(4096)
        write(into: &out, pretty: pretty, indent: 0)
        return out
    }

    private static func newline(_ out: inout [UInt8], _ indent: Int) {
        out.append(0x0A)
        for _ in 0..<(indent * 2) { out.append(0x20) }
    }

    private func write(into out: inout [UInt8], pretty: Bool, indent: Int) {
        switch self {
        case .string(let s): Self.escape(s, into: &out)
        case .int(let n): out.append(contentsOf: String(n).utf8)
        case .double(let x): out.append(contentsOf: (x.isFinite ? String(x) : "null").utf8)
        case .bool(let b): out.append(contentsOf: (b ? "true" : "false").utf8)
        case .null: out.append(contentsOf: "null".utf8)
        case .array(let items):
            if items.isEmpty { out.append(contentsOf: "[]".utf8); return }
            out.append(0x5B)
            for (k, item) in items.enumerated() {
                if k > 0 { out.append(0x2C) }
                if pretty { Self.newline(&out, indent + 1) }
                item.write(into: &out, pretty: pretty, indent: indent + 1)
            }
            if pretty { Self.newline(&out, indent) }
            out.append(0x5D)
        case .object(let members):
            if members.isEmpty { out.append(contentsOf: "{}".utf8); return }
            out.append(0x7B)
            for (k, (key, value)) in members.enumerated() {
                if k > 0 { out.append(0x2C) }
                if pretty { Self.newline(&out, indent + 1) }
                Self.escape(key, into: &out)
                out.append(0x3A)
                if pretty { out.append(0x20) }
                value.write(into: &out, pretty: pretty, indent: indent + 1)
            }
            if pretty { Self.newline(&out, indent) }
            out.append(0x7D)
        }
    }

    private static let hex = Array("0123456789abcdef".utf8)

    private static func escape(_ s: String, into out: inout [UInt8]) {
        out.append(0x22)
        var utf8 = s.utf8.makeIterator()
        var pending: [UInt8] = []
        while let b = utf8.next() {
            switch b {
            case 0x22: out.append(0x5C); out.append(0x22)
            case 0x5C: out.append(0x5C); out.append(0x5C)
            case 0x0A: out.append(0x5C); out.append(0x6E)
            case 0x0D: out.append(0x5C); out.append(0x72)
            case 0x09: out.append(0x5C); out.append(0x74)
            case 0..<0x20:
                out.append(contentsOf: [0x5C, 0x75, 0x30, 0x30, hex[Int(b >> 4)], hex[Int(b & 0xF)]])
            case 0xE2:
                // U+2028 and U+2029 (E2 80 A8/A9) are legal JSON but break JavaScript; escape them.
                pending = [b]
                if let b1 = utf8.next() { pending.append(b1) }
                if let b2 = utf8.next() { pending.append(b2) }
                if pending.count == 3 && pending[1] == 0x80 && (pending[2] == 0xA8 || pending[2] == 0xA9) {
                    out.append(contentsOf: "\\u202".utf8)
                    out.append(pending[2] == 0xA8 ? 0x38 : 0x39)
                } else {
                    out.append(contentsOf: pending)
                }
            default:
                out.append(b)
            }
        }
        out.append(0x22)
    }
}
