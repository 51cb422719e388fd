/// A read-only ZIP archive held in memory: the central directory is parsed up front, entries are inflated on demand
/// with a size limit and a CRC check. Only what a .docx needs: stored and deflated entries, ZIP64 sizes, no
/// encryption, no multi-disk archives.
struct ZipArchive {
    struct Entry {
        let name: String
        let method: UInt16
        let flags: UInt16
        let crc32: UInt32
        let compressedSize: Int
        let uncompressedSize: Int
        let localHeaderOffset: Int
    }

    enum Failure: Error, Equatable {
        case notAnArchive(String)
        case corrupt(String)
        case unsupported(String)
        case limitExceeded(String)
    }

    let bytes: [UInt8]
    let entries: [Entry]
    private let index: [String: Int]

    static let maximumEntries = 20_000

    init(_ bytes: [UInt8]) throws(Failure) {
        self.bytes = bytes
        let eocd = try Self.findEndOfCentralDirectory(bytes)
        var count = Int(Self.u16(bytes, eocd + 10))
        var cdSize = Int(Self.u32(bytes, eocd + 12))
        var cdOffset = Int(Self.u32(bytes, eocd + 16))
        if count == 0xFFFF || cdSize == 0xFFFF_FFFF || cdOffset == 0xFFFF_FFFF {
            // ZIP64: the locator sits just before the classic record and points at the ZIP64 record.
            let locator = eocd - 20
            guard locator >= 0, Self.u32(bytes, locator) == 0x0706_4B50 else { throw .corrupt("ZIP64 locator missing") }
            let record = Int(clamping: Self.u64(bytes, locator + 8))
            guard record >= 0, record + 56 <= bytes.count, Self.u32(bytes, record) == 0x0606_4B50 else {
                throw .corrupt("ZIP64 record missing")
            }
            count = Int(clamping: Self.u64(bytes, record + 32))
            cdSize = Int(clamping: Self.u64(bytes, record + 40))
            cdOffset = Int(clamping: Self.u64(bytes, record + 48))
        }
        guard count <= Self.maximumEntries else { throw .limitExceeded("\(count) entries") }
        guard cdOffset >= 0, cdSize >= 0, cdOffset <= bytes.count, cdSize <= bytes.count - cdOffset else {
            throw .corrupt("central directory outside the file")
        }
        var entries: [Entry] = []
        entries.reserveCapacity(count)
        var p = cdOffset
        for _ in 0..<count {
            guard p + 46 <= bytes.count, Self.u32(bytes, p) == 0x0201_4B50 else { throw .corrupt("bad central directory entry") }
            let flags = Self.u16(bytes, p + 8)
            let method = Self.u16(bytes, p + 10)
            let crc = Self.u32(bytes, p + 16)
            var compressed = Int(Self.u32(bytes, p + 20))
            var uncompressed = Int(Self.u32(bytes, p + 24))
            let nameLength = Int(Self.u16(bytes, p + 28))
            let extraLength = Int(Self.u16(bytes, p + 30))
            let commentLength = Int(Self.u16(bytes, p + 32))
            var localOffset = Int(Self.u32(bytes, p + 42))
            let nameStart = p + 46
            let extraStart = nameStart + nameLength
            let next = extraStart + extraLength + commentLength
            guard next <= bytes.count else { throw .corrupt("truncated central directory") }
            let name = Self.name(bytes[nameStart..<extraStart], utf8Flag: flags & 0x800 != 0)
            // ZIP64 extra field: the 64-bit values appear only for the fields that hold 0xFFFFFFFF, in this order.
            var e = extraStart
            while e + 4 <= extraStart + extraLength {
                let id = Self.u16(bytes, e)
                let size = Int(Self.u16(bytes, e + 2))
                guard e + 4 + size <= extraStart + extraLength else { break }
                if id == 0x0001 {
                    var q = e + 4
                    if uncompressed == 0xFFFF_FFFF, q + 8 <= e + 4 + size { uncompressed = Int(clamping: Self.u64(bytes, q)); q += 8 }
                    if compressed == 0xFFFF_FFFF, q + 8 <= e + 4 + size { compressed = Int(clamping: Self.u64(bytes, q)); q += 8 }
                    if localOffset == 0xFFFF_FFFF, q + 8 <= e + 4 + size { localOffset = Int(clamping: Self.u64(bytes, q)) }
                }
                e += 4 + size
            }
            entries.append(
                Entry(
                    name: name, method: method, flags: flags, crc32: crc, compressedSize: compressed,
                    uncompressedSize: uncompressed, localHeaderOffset: localOffset))
            p = next
        }
        self.entries = entries
        var index: [String: Int] = [:]
        for (i, entry) in entries.enumerated() where index[entry.name] == nil { index[entry.name] = i }
        self.index = index
    }

    func entry(named name: String) -> Entry? { index[name].map { entries[$0] } }

    /// An entry's name: UTF-8 when the archive says so or the bytes are valid UTF-8; otherwise GB18030, which is
    /// what Windows' own "send to compressed folder" writes on a Chinese system.
    static func name(_ raw: ArraySlice<UInt8>, utf8Flag: Bool) -> String {
        if !utf8Flag, String(validating: raw, as: UTF8.self) == nil, let scalars = try? GB18030.decode(Array(raw), from: 0) {
            var s = ""
            s.unicodeScalars.append(contentsOf: scalars)
            return s
        }
        return String(decoding: raw, as: UTF8.self)
    }

    /// The bytes of an entry's compressed data, as stored.
    func rawData(of entry: Entry) throws(Failure) -> ArraySlice<UInt8> {
        let p = entry.localHeaderOffset
        guard p >= 0, p + 30 <= bytes.count, Self.u32(bytes, p) == 0x0403_4B50 else {
            throw .corrupt("bad local header for \(entry.name)")
        }
        let start = p + 30 + Int(Self.u16(bytes, p + 26)) + Int(Self.u16(bytes, p + 28))
        guard entry.compressedSize >= 0, start <= bytes.count, entry.compressedSize <= bytes.count - start else {
            throw .corrupt("\(entry.name) is truncated")
        }
        return bytes[start..<(start + entry.compressedSize)]
    }

    /// Inflates an entry, never producing more than `limit` bytes whatever the header claims, and checks its CRC.
    func data(of entry: Entry, limit: Int) throws(Failure) -> [UInt8] {
        guard entry.flags & 1 == 0 else { throw .unsupported("\(entry.name) is encrypted") }
        guard entry.uncompressedSize <= limit else { throw .limitExceeded(entry.name) }
        let raw = try rawData(of: entry)
        let out: [UInt8]
        switch entry.method {
        case 0:
            out = Array(raw)
        case 8:
            // Inflating past the declared size means the header lies: stop there rather than at the global limit.
            do { out = try Zlib.inflate(raw, limit: entry.uncompressedSize, expectedSize: entry.uncompressedSize) } catch .limitExceeded {
                throw .corrupt("\(entry.name) inflates past its declared size")
            } catch { throw .corrupt("\(entry.name) does not inflate") }
        default:
            throw .unsupported("compression method \(entry.method) in \(entry.name)")
        }
        guard out.count == entry.uncompressedSize, Zlib.crc32(out[...]) == entry.crc32 else {
            throw .corrupt("\(entry.name) fails its checksum")
        }
        return out
    }

    private static func findEndOfCentralDirectory(_ b: [UInt8]) throws(Failure) -> Int {
        guard b.count >= 22 else { throw .notAnArchive("too short") }
        let lowest = max(0, b.count - 22 - 0xFFFF)
        var p = b.count - 22
        while p >= lowest {
            if b[p] == 0x50 && b[p + 1] == 0x4B && b[p + 2] == 0x05 && b[p + 3] == 0x06 { return p }
            p -= 1
        }
        throw .corrupt("no end-of-central-directory record: the file is truncated")
    }

    static func u16(_ b: [UInt8], _ p: Int) -> UInt16 {
        guard p >= 0, p + 2 <= b.count else { return 0 }
        return UInt16(b[p]) | UInt16(b[p + 1]) << 8
    }

    static func u32(_ b: [UInt8], _ p: Int) -> UInt32 {
        guard p >= 0, p + 4 <= b.count else { return 0 }
        return UInt32(b[p]) | UInt32(b[p + 1]) << 8 | UInt32(b[p + 2]) << 16 | UInt32(b[p + 3]) << 24
    }

    static func u64(_ b: [UInt8], _ p: Int) -> UInt64 {
        UInt64(u32(b, p)) | UInt64(u32(b, p + 4)) << 32
    }
}
