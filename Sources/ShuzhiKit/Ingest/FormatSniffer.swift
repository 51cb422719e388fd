/// What a file really is, judged by its first bytes rather than its name: a renamed .xlsx, a .doc saved as .docx or a
/// PDF called .txt each get their own message.
enum SniffedFormat {
    case zip
    case compoundFile  // OLE2: .doc, .wps, .xls, and password-protected OOXML
    case rtf
    case html
    case binary(IngestError.What)  // a named binary format
    case text  // anything else: decode it as text

    static func sniff(_ b: [UInt8]) -> SniffedFormat {
        func starts(_ sig: [UInt8]) -> Bool { b.count >= sig.count && Array(b[0..<sig.count]) == sig }
        if starts([0x50, 0x4B, 0x03, 0x04]) || starts([0x50, 0x4B, 0x05, 0x06]) { return .zip }
        if starts([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]) { return .compoundFile }
        if starts(Array("{\\rtf".utf8)) { return .rtf }
        if starts(Array("%PDF".utf8)) { return .binary(("PDF ", "PDF")) }
        if starts([0x89, 0x50, 0x4E, 0x47]) { return .binary(("PNG 图片", "PNG image")) }
        if starts([0xFF, 0xD8, 0xFF]) { return .binary(("JPEG 图片", "JPEG image")) }
        if starts(Array("GIF8".utf8)) { return .binary(("GIF 图片", "GIF image")) }
        if starts([0x7F, 0x45, 0x4C, 0x46]) { return .binary(("可执行程序", "program")) }
        if starts([0x1F, 0x8B]) { return .binary(("gzip 压缩包", "gzip archive")) }
        if starts(Array("Rar!".utf8)) { return .binary(("RAR 压缩包", "RAR archive")) }
        if starts([0x37, 0x7A, 0xBC, 0xAF, 0x27, 0x1C]) { return .binary(("7z 压缩包", "7z archive")) }
        // Word can save a .doc that is really a web page; template sites hand out many of these.
        let head = String(decoding: b.prefix(512), as: UTF8.self).lowercased()
        if head.includes("<html") || head.includes("<!doctype html") || head.hasPrefix("mime-version:") { return .html }
        return .text
    }

    /// Which legacy format an OLE2 compound file holds, from the stream names in its directory (UTF-16LE).
    static func compoundFileContents(_ b: [UInt8]) -> CompoundFileKind {
        func has(_ name: String) -> Bool {
            let pattern = name.utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
            return b.firstRange(of: pattern) != nil
        }
        if has("EncryptedPackage") || has("EncryptionInfo") { return .encryptedOOXML }
        if has("WordDocument") { return .word }
        if has("Workbook") || has("Book") { return .excel }
        if has("PowerPoint Document") { return .powerPoint }
        return .unknown
    }

    enum CompoundFileKind { case encryptedOOXML, word, excel, powerPoint, unknown }
}
