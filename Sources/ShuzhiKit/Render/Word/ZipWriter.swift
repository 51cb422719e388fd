/// Writes a ZIP archive in memory, entries deflated or stored, with a fixed timestamp so output is reproducible.
public struct ZipWriter {
    private var output: [UInt8] = []
    private var central: [UInt8] = []
    private var count = 0

    public init() {}

    public mutating func add(_ name: String, _ data: [UInt8], compress: Bool = true) {
        let deflated = compress ? Zlib.deflate(data) : []
        let useDeflate = compress && deflated.count < data.count
        append(
            name: name, method: useDeflate ? 8 : 0, crc: Zlib.crc32(data[...]), compressed: useDeflate ? deflated : data,
            uncompressedSize: data.count)
    }

    /// An entry copied from another archive as it was stored (its compression kept, not redone).
    mutating func copy(name: String, method: UInt16, crc: UInt32, compressed: [UInt8], uncompressedSize: Int) {
        append(name: name, method: method, crc: crc, compressed: compressed, uncompressedSize: uncompressedSize)
    }

    private mutating func append(name: String, method: UInt16, crc: UInt32, compressed: [UInt8], uncompressedSize: Int) {
        let nameBytes = Array(name.utf8)
        let offset = output.count
        // 1980-01-01 00:00: a fixed timestamp keeps output reproducible.
        let time: UInt16 = 0, date: UInt16 = (0 << 9) | (1 << 5) | 1
        func header(_ sig: UInt32, central: Bool) -> [UInt8] {
            var h: [UInt8] = []
            put32(&h, sig)
            if central { put16(&h, 20) }
            put16(&h, 20); put16(&h, 0x0800); put16(&h, method); put16(&h, time); put16(&h, date)
            put32(&h, crc); put32(&h, UInt32(compressed.count)); put32(&h, UInt32(uncompressedSize))
            put16(&h, UInt16(nameBytes.count)); put16(&h, 0)
            if central {
                put16(&h, 0); put16(&h, 0); put16(&h, 0); put32(&h, 0); put32(&h, UInt32(offset))
            }
            return h + nameBytes
        }
        output += header(0x0403_4B50, central: false)
        output += compressed
        central += header(0x0201_4B50, central: true)
        count += 1
    }

    public func finish() -> [UInt8] {
        var out = output
        let cdOffset = out.count
        out += central
        put32(&out, 0x0605_4B50); put16(&out, 0); put16(&out, 0)
        put16(&out, UInt16(count)); put16(&out, UInt16(count))
        put32(&out, UInt32(central.count)); put32(&out, UInt32(cdOffset)); put16(&out, 0)
        return out
    }

    private func put16(_ b: inout [UInt8], _ v: UInt16) { b.append(UInt8(v & 0xFF)); b.append(UInt8(v >> 8)) }
    private func put32(_ b: inout [UInt8], _ v: UInt32) { for k in 0..<4 { b.append(UInt8((v >> (8 * UInt32(k))) & 0xFF)) } }
}
