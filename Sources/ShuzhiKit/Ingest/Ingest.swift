import Foundation

/// Options for reading a file.
public struct IngestOptions: Sendable {
    /// Force a text encoding instead of detecting it.
    public var encoding: TextEncoding?
    /// Files larger than this are refused before they are read (bytes). A duty report is tens of kilobytes.
    public var maximumBytes: Int

    public static let defaultMaximumBytes = 32 * 1_048_576

    /// Convert old Word/WPS/RTF files with LibreOffice when it is installed (`LegacyConverter`).
    public var convertLegacy: Bool

    public init(encoding: TextEncoding? = nil, maximumBytes: Int = IngestOptions.defaultMaximumBytes, convertLegacy: Bool = true) {
        self.encoding = encoding
        self.maximumBytes = maximumBytes
        self.convertLegacy = convertLegacy
    }
}

/// Bytes → `Document`. Detects what the bytes are (text in UTF-8/UTF-16/GB18030, .docx, or something to refuse with
/// a clear message) from their content, not the file name.
public enum Ingest {
    /// Reads a file, or standard input when `path` is "-".
    public static func load(path: String, options: IngestOptions = .init()) throws(IngestError) -> Document {
        try loadWithSource(path: path, options: options).document
    }

    /// The document and the bytes it was read from: the file's own, or for an old Word/WPS file the .docx that
    /// LibreOffice made of it (what annotated and fixed Word output is written from).
    public static func loadWithSource(path: String, options: IngestOptions = .init()) throws(IngestError) -> (
        document: Document, bytes: [UInt8]
    ) {
        let bytes = try readBytes(path: path, limit: options.maximumBytes)
        return try documentWithSource(from: bytes, name: path, options: options)
    }

    public static func documentWithSource(from bytes: [UInt8], name: String, options: IngestOptions = .init()) throws(IngestError)
        -> (document: Document, bytes: [UInt8])
    {
        do {
            return (try document(from: bytes, name: name, options: options), bytes)
        } catch  where error.kind == .legacyFormat && options.convertLegacy && convertible(bytes) {
            guard let program = LegacyConverter.program else { throw error }
            let converted = try LegacyConverter.convert(bytes, name: name, program: program)
            return (try document(from: converted, name: name, options: options), converted)
        }
    }

    /// Word and WPS files and RTF, not old Excel or PowerPoint files.
    static func convertible(_ bytes: [UInt8]) -> Bool {
        switch SniffedFormat.sniff(bytes) {
        case .rtf: return true
        case .compoundFile:
            switch SniffedFormat.compoundFileContents(bytes) {
            case .word, .unknown: return true
            default: return false
            }
        default: return false
        }
    }

    /// Reads at most `limit` bytes; a larger file is refused before it is read whole.
    public static func readBytes(path: String, limit: Int) throws(IngestError) -> [UInt8] {
        if path == "-" {
            let data = FileHandle.standardInput.readData(ofLength: limit + 1)
            if data.count > limit { throw .tooLarge("-", size: data.count, limit: limit) }
            return [UInt8](data)
        }
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else { throw .notFound(path) }
        if isDirectory.boolValue { throw .isDirectory(path) }
        let size: Int
        do {
            let attributes = try FileManager.default.attributesOfItem(atPath: path)
            size = (attributes[.size] as? NSNumber)?.intValue ?? 0
        } catch {
            throw .unreadable(path, "无法获取文件信息 / cannot stat")
        }
        if size > limit { throw .tooLarge(path, size: size, limit: limit) }
        guard let handle = FileHandle(forReadingAtPath: path) else { throw .unreadable(path, "无法打开 / cannot open") }
        defer { try? handle.close() }
        let data = handle.readData(ofLength: limit + 1)
        if data.count > limit { throw .tooLarge(path, size: data.count, limit: limit) }
        return [UInt8](data)
    }

    /// Decodes bytes already in memory. `name` is used in messages and in the result.
    public static func document(from bytes: [UInt8], name: String, options: IngestOptions = .init()) throws(IngestError) -> Document {
        if bytes.isEmpty { throw .empty(name) }
        let document: Document
        switch SniffedFormat.sniff(bytes) {
        case .zip:
            document = try DocxReader.read(bytes, name: name)
        case .compoundFile:
            switch SniffedFormat.compoundFileContents(bytes) {
            case .encryptedOOXML: throw .encryptedDocx(name)
            case .excel: throw .legacyFormat(name, what: ("Excel（.xls）", "Excel (.xls)"))
            case .powerPoint: throw .legacyFormat(name, what: ("PowerPoint（.ppt）", "PowerPoint (.ppt)"))
            case .word, .unknown:
                let isWPS = name.lowercased().hasSuffix(".wps")
                throw .legacyFormat(name, what: isWPS ? ("WPS（.wps）", "WPS (.wps)") : ("Word（.doc）", "Word (.doc)"))
            }
        case .rtf:
            throw .legacyFormat(name, what: ("RTF", "RTF"))
        case .html where options.encoding == nil:
            throw .binary(name, what: ("网页（HTML/MHT）", "web page (HTML/MHT)"))
        case .binary(let what):
            throw .binary(name, what: what)
        case .text, .html:
            document = try decodeText(bytes, name: name, forced: options.encoding)
        }
        if document.paragraphs.allSatisfy(\.isBlank) { throw .empty(name) }
        return document
    }

    static func decodeText(_ bytes: [UInt8], name: String, forced: TextEncoding?) throws(IngestError) -> Document {
        // A byte-order mark decides, unless the user forced an encoding.
        var detected: (TextEncoding, Int)?
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) {
            detected = (.utf8, 3)
        } else if bytes.starts(with: [0xFF, 0xFE]) {
            detected = (.utf16LE, 2)
        } else if bytes.starts(with: [0xFE, 0xFF]) {
            detected = (.utf16BE, 2)
        }

        if let forced {
            let bomLength = detected?.0 == forced ? detected!.1 : 0
            do {
                let scalars = try TextCodec.decode(bytes, from: bomLength, as: forced)
                return try checked(scalars, bytes: bytes, name: name, format: .text(forced, byteOrderMark: bomLength > 0))
            } catch let failure as DecodeFailure {
                let (zh, en) = position(of: failure.byteOffset, in: bytes)
                throw .forcedEncoding(name, encoding: forced.rawValue, detail: zh, detailEnglish: en)
            } catch let e as IngestError {
                throw e
            } catch {
                throw .forcedEncoding(name, encoding: forced.rawValue, detail: "", detailEnglish: "")
            }
        }
        if let (encoding, bomLength) = detected {
            do {
                let scalars = try TextCodec.decode(bytes, from: bomLength, as: encoding)
                return try checked(scalars, bytes: bytes, name: name, format: .text(encoding, byteOrderMark: true))
            } catch let failure as DecodeFailure {
                let (zh, en) = position(of: failure.byteOffset, in: bytes)
                throw .invalidEncoding(
                    name, detail: "带 \(encoding.rawValue) 标记，但" + zh, detailEnglish: "marked \(encoding.rawValue), but " + en)
            } catch let e as IngestError {
                throw e
            } catch {
                throw .invalidEncoding(name, detail: "", detailEnglish: "")
            }
        }
        // NUL bytes never occur in UTF-8 or GB18030 text; without a BOM they mean binary data.
        // (memchr: a 1 MiB file is scanned in a fraction of the byte loop's time.)
        if bytes.withUnsafeBufferPointer({ b in b.baseAddress.map { memchr($0, 0, b.count) != nil } ?? false }) {
            throw .binary(name, what: nil)
        }
        let utf8Failure: DecodeFailure
        do {
            let scalars = try TextCodec.decodeUTF8(bytes, from: 0)
            return try checked(scalars, bytes: bytes, name: name, format: .text(.utf8, byteOrderMark: false))
        } catch let failure as DecodeFailure {
            utf8Failure = failure
        } catch let e as IngestError {
            throw e
        } catch {
            throw .invalidEncoding(name, detail: "", detailEnglish: "")
        }
        do {
            let scalars = try GB18030.decode(bytes, from: 0)
            return try checked(scalars, bytes: bytes, name: name, format: .text(.gb18030, byteOrderMark: false))
        } catch let failure as DecodeFailure {
            let (zh8, en8) = position(of: utf8Failure.byteOffset, in: bytes)
            let (zh, en) = position(of: failure.byteOffset, in: bytes)
            throw .invalidEncoding(
                name, detail: "按 UTF-8 解码在\(zh8)出错，按 GB18030 解码在\(zh)出错",
                detailEnglish: "as UTF-8 it fails at \(en8), as GB18030 at \(en)")
        } catch let e as IngestError {
            throw e
        } catch {
            throw .invalidEncoding(name, detail: "", detailEnglish: "")
        }
    }

    /// Rejects decoded text that is mostly control characters: binary data that happened to decode. A leading U+FEFF
    /// left by the decoder (GB18030 has a byte-order mark too) is a mark, not text.
    private static func checked(_ decoded: [Unicode.Scalar], bytes: [UInt8], name: String, format: SourceFormat) throws(IngestError)
        -> Document
    {
        var scalars = decoded
        var format = format
        if scalars.first == "\u{FEFF}", case .text(let encoding, _) = format {
            scalars.removeFirst()
            format = .text(encoding, byteOrderMark: true)
        }
        var controls = 0
        for s in scalars {
            let v = s.value
            if (v < 0x20 && v != 0x09 && v != 0x0A && v != 0x0D && v != 0x0C) || v == 0x7F || (v >= 0x80 && v < 0xA0) { controls += 1 }
        }
        if controls > 0 && controls * 100 > scalars.count { throw .binary(name, what: nil) }
        return Document(name: name, format: format, scalars: scalars)
    }

    /// "第 N 行第 M 字节" for an offset into raw bytes.
    private static func position(of offset: Int, in bytes: [UInt8]) -> (String, String) {
        var line = 1
        var lineStart = 0
        for i in 0..<min(offset, bytes.count) where bytes[i] == 0x0A {
            line += 1
            lineStart = i + 1
        }
        let byteInLine = offset - lineStart + 1
        return ("第 \(line) 行第 \(byteInLine) 字节（文件第 \(offset + 1) 字节）", "line \(line), byte \(byteInLine) (byte \(offset + 1) of the file)")
    }
}
