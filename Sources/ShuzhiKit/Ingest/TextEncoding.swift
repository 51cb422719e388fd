/// The text encodings Shuzhi reads and writes. GB18030 is a superset of GBK and GB2312, so it decodes all three.
public enum TextEncoding: String, Sendable, CaseIterable {
    case utf8 = "UTF-8"
    case utf16LE = "UTF-16LE"
    case utf16BE = "UTF-16BE"
    case gb18030 = "GB18030"

    /// Parses a `--encoding` value: `utf-8`, `utf8`, `utf-16le`, `utf-16be`, `gb18030`, `gbk`, `gb2312` (any case).
    public init?(name: String) {
        switch name.lowercased().replacingOccurrences(of: "_", with: "-") {
        case "utf-8", "utf8": self = .utf8
        case "utf-16le", "utf16le", "utf-16", "utf16": self = .utf16LE
        case "utf-16be", "utf16be": self = .utf16BE
        case "gb18030", "gbk", "gb2312", "cp936": self = .gb18030
        default: return nil
        }
    }

    var byteOrderMark: [UInt8] {
        switch self {
        case .utf8: return [0xEF, 0xBB, 0xBF]
        case .utf16LE: return [0xFF, 0xFE]
        case .utf16BE: return [0xFE, 0xFF]
        case .gb18030: return [0x84, 0x31, 0x95, 0x33]
        }
    }
}

/// A failed decode: the byte offset where the input stops being valid in the encoding.
struct DecodeFailure: Error {
    let byteOffset: Int
}

enum TextCodec {
    /// Decodes `bytes[start...]` strictly; any invalid sequence fails with its offset.
    static func decode(_ bytes: [UInt8], from start: Int, as encoding: TextEncoding) throws(DecodeFailure) -> [Unicode.Scalar] {
        switch encoding {
        case .utf8: return try decodeUTF8(bytes, from: start)
        case .utf16LE: return try decodeUTF16(bytes, from: start, bigEndian: false)
        case .utf16BE: return try decodeUTF16(bytes, from: start, bigEndian: true)
        case .gb18030: return try GB18030.decode(bytes, from: start)
        }
    }

    static func encode(_ scalars: [Unicode.Scalar], as encoding: TextEncoding, byteOrderMark: Bool) -> [UInt8] {
        var out: [UInt8] = byteOrderMark ? encoding.byteOrderMark : []
        switch encoding {
        case .utf8:
            out.reserveCapacity(out.count + scalars.count * 3)
            for s in scalars { UTF8.encode(s) { out.append($0) } }
        case .utf16LE, .utf16BE:
            out.reserveCapacity(out.count + scalars.count * 2)
            for s in scalars {
                UTF16.encode(s) { unit in
                    if encoding == .utf16LE {
                        out.append(UInt8(unit & 0xFF)); out.append(UInt8(unit >> 8))
                    } else {
                        out.append(UInt8(unit >> 8)); out.append(UInt8(unit & 0xFF))
                    }
                }
            }
        case .gb18030:
            out.append(contentsOf: GB18030.encode(scalars))
        }
        return out
    }

    /// Strict UTF-8: rejects overlong forms, surrogates and code points past U+10FFFF. (Measured faster than
    /// `String(validating:)` followed by `Array(unicodeScalars)`.)
    static func decodeUTF8(_ bytes: [UInt8], from start: Int) throws(DecodeFailure) -> [Unicode.Scalar] {
        // Written straight into the result's storage, read straight from the bytes: an append and two bounds checks
        // per character made this 27 instructions a byte. A text never has more scalars than bytes.
        var failure: Int?
        let out = [Unicode.Scalar](unsafeUninitializedCapacity: max(0, bytes.count - start)) { buffer, written in
            written = 0
            bytes.withUnsafeBufferPointer { b in
                var i = start
                let n = b.count
                while i < n {
                    let b0 = UInt32(b[i])
                    if b0 < 0x80 {
                        buffer.initializeElement(at: written, to: Unicode.Scalar(UInt8(b0)))
                        written += 1
                        i += 1
                        continue
                    }
                    // Three bytes, the form of every Han character and full-width mark: decoded at once when well
                    // formed; anything else (and any error) goes the general way below.
                    if b0 & 0xF0 == 0xE0 && i + 2 < n {
                        let b1 = UInt32(b[i + 1]), b2 = UInt32(b[i + 2])
                        if b1 & 0xC0 == 0x80 && b2 & 0xC0 == 0x80 {
                            let v = (b0 & 0x0F) << 12 | (b1 & 0x3F) << 6 | (b2 & 0x3F)
                            if v >= 0x800, let scalar = Unicode.Scalar(v) {
                                buffer.initializeElement(at: written, to: scalar)
                                written += 1
                                i += 3
                                continue
                            }
                        }
                    }
                    var need = 0
                    var v: UInt32 = 0
                    var minimum: UInt32 = 0
                    if b0 & 0xE0 == 0xC0 {
                        need = 1; v = b0 & 0x1F; minimum = 0x80
                    } else if b0 & 0xF0 == 0xE0 {
                        need = 2; v = b0 & 0x0F; minimum = 0x800
                    } else if b0 & 0xF8 == 0xF0 {
                        need = 3; v = b0 & 0x07; minimum = 0x10000
                    } else {
                        failure = i
                        return
                    }
                    guard i + need < n else { failure = i; return }
                    for k in 1...need {
                        let next = UInt32(b[i + k])
                        guard next & 0xC0 == 0x80 else { failure = i; return }
                        v = (v << 6) | (next & 0x3F)
                    }
                    guard v >= minimum, let scalar = Unicode.Scalar(v) else { failure = i; return }
                    buffer.initializeElement(at: written, to: scalar)
                    written += 1
                    i += need + 1
                }
            }
        }
        if let failure { throw DecodeFailure(byteOffset: failure) }
        return out
    }

    static func decodeUTF16(_ bytes: [UInt8], from start: Int, bigEndian: Bool) throws(DecodeFailure) -> [Unicode.Scalar] {
        guard (bytes.count - start) % 2 == 0 else { throw DecodeFailure(byteOffset: bytes.count - 1) }
        var out: [Unicode.Scalar] = []
        out.reserveCapacity((bytes.count - start) / 2)
        @inline(__always) func unit(_ i: Int) -> UInt32 {
            bigEndian ? UInt32(bytes[i]) << 8 | UInt32(bytes[i + 1]) : UInt32(bytes[i + 1]) << 8 | UInt32(bytes[i])
        }
        var i = start
        while i < bytes.count {
            let u = unit(i)
            if u >= 0xD800 && u <= 0xDBFF {
                guard i + 3 < bytes.count else { throw DecodeFailure(byteOffset: i) }
                let low = unit(i + 2)
                guard low >= 0xDC00 && low <= 0xDFFF else { throw DecodeFailure(byteOffset: i) }
                out.append(Unicode.Scalar(0x10000 + ((u - 0xD800) << 10) + (low - 0xDC00))!)
                i += 4
            } else if u >= 0xDC00 && u <= 0xDFFF {
                throw DecodeFailure(byteOffset: i)
            } else {
                out.append(Unicode.Scalar(u)!)
                i += 2
            }
        }
        return out
    }
}

/// Encodes text for writing back, in the encoding (and with the byte-order mark) the input had.
public func encode(_ scalars: [Unicode.Scalar], as encoding: TextEncoding, byteOrderMark: Bool) -> [UInt8] {
    TextCodec.encode(scalars, as: encoding, byteOrderMark: byteOrderMark)
}
