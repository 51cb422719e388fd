#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// GB18030 (and so GBK and GB2312) through the C library's iconv, which ships the full mapping tables: nothing to
/// bundle, and the same converter the rest of the system uses.
enum GB18030 {
    static func decode(_ bytes: [UInt8], from start: Int) throws(DecodeFailure) -> [Unicode.Scalar] {
        guard start < bytes.count else { return [] }
        var failure: Int?
        let utf32 = convert(Array(bytes[start...]), from: "GB18030", to: "UTF-32LE", failureOffset: &failure)
        if let f = failure { throw DecodeFailure(byteOffset: start + f) }
        var out: [Unicode.Scalar] = []
        out.reserveCapacity(utf32.count / 4)
        var i = 0
        while i + 3 < utf32.count {
            let v = UInt32(utf32[i]) | UInt32(utf32[i + 1]) << 8 | UInt32(utf32[i + 2]) << 16 | UInt32(utf32[i + 3]) << 24
            guard let s = Unicode.Scalar(v) else { throw DecodeFailure(byteOffset: start) }
            out.append(s)
            i += 4
        }
        return out
    }

    static func encode(_ scalars: [Unicode.Scalar]) -> [UInt8] {
        var utf32: [UInt8] = []
        utf32.reserveCapacity(scalars.count * 4)
        for s in scalars {
            let v = s.value
            utf32.append(UInt8(v & 0xFF)); utf32.append(UInt8((v >> 8) & 0xFF))
            utf32.append(UInt8((v >> 16) & 0xFF)); utf32.append(UInt8(v >> 24))
        }
        var failure: Int?
        // Every Unicode scalar has a GB18030 code, so a failure here would be a broken iconv, not bad input.
        return convert(utf32, from: "UTF-32LE", to: "GB18030", failureOffset: &failure)
    }

    /// Runs iconv over the whole input. On an invalid or incomplete sequence it stops and reports the input offset.
    private static func convert(_ input: [UInt8], from: String, to: String, failureOffset: inout Int?) -> [UInt8] {
        let cd = iconv_open(to, from)
        guard let cd, cd != iconv_t(bitPattern: -1) else {
            failureOffset = 0
            return []
        }
        defer { iconv_close(cd) }
        var output = [UInt8](repeating: 0, count: max(16, input.count * 2 + 16))
        var produced = 0
        var input = input
        let total = input.count
        input.withUnsafeMutableBytes { inRaw in
            var inPtr: UnsafeMutablePointer<CChar>? = inRaw.baseAddress?.assumingMemoryBound(to: CChar.self)
            var inLeft = inRaw.count
            while true {
                let status: Int = output.withUnsafeMutableBytes { outRaw in
                    var outPtr: UnsafeMutablePointer<CChar>? = outRaw.baseAddress!.advanced(by: produced).assumingMemoryBound(
                        to: CChar.self)
                    var outLeft = outRaw.count - produced
                    let before = outLeft
                    let r = iconv(cd, &inPtr, &inLeft, &outPtr, &outLeft)
                    produced += before - outLeft
                    return r == -1 ? Int(errno) : 0
                }
                if status == 0 { break }
                if status == Int(E2BIG) {
                    output.append(contentsOf: [UInt8](repeating: 0, count: output.count))
                    continue
                }
                failureOffset = total - inLeft
                break
            }
        }
        output.removeSubrange(produced...)
        return output
    }
}
