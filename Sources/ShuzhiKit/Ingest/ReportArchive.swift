/// A batch of reports handed in as one .zip (the review page's upload): the report files in it, read in memory, never
/// written anywhere. An archive is refused whole, with the reason, when it is unsafe or too big: a name that climbs out
/// of its folder (`../x.docx`, `/etc/x`, `C:\x`), more files or more bytes than the limits, or entries that would
/// inflate past them (a zip bomb is caught from the sizes the archive declares, and inflation never passes them).
public enum ReportArchive {
    public struct Limits: Sendable {
        public var maximumFiles: Int
        /// All report entries together, inflated.
        public var maximumTotalBytes: Int
        public var maximumFileBytes: Int

        public init(
            maximumFiles: Int = 500, maximumTotalBytes: Int = 256 * 1_048_576,
            maximumFileBytes: Int = IngestOptions.defaultMaximumBytes
        ) {
            self.maximumFiles = maximumFiles
            self.maximumTotalBytes = maximumTotalBytes
            self.maximumFileBytes = maximumFileBytes
        }
    }

    public enum Failure: Error, Sendable, Equatable {
        case notAnArchive
        case corrupt(String)
        case unsafeName(String)
        case encrypted(String)
        case tooManyFiles(found: Int, limit: Int)
        case tooLarge(name: String, bytes: Int, limit: Int)

        /// Whether the archive is refused for its size (HTTP 413) rather than its content (400).
        public var isSizeLimit: Bool {
            switch self {
            case .tooManyFiles, .tooLarge: return true
            default: return false
            }
        }

        public var chinese: String {
            switch self {
            case .notAnArchive: return "不是 zip 压缩包"
            // What is broken is the zip reader's English (in the English message); the writer needs only this.
            case .corrupt: return "压缩包已损坏或不完整，请重新打包后上传"
            case .unsafeName(let name): return "压缩包中的文件名“\(name)”指向压缩包以外的位置，拒绝处理"
            case .encrypted(let name): return "压缩包中的“\(name)”有密码，请解密后再上传"
            case .tooManyFiles(let n, let limit): return "压缩包中有 \(n) 个报告文件，一次最多 \(limit) 个"
            case .tooLarge(let name, let bytes, let limit):
                return "“\(name)”解压后 \(bytes / 1_048_576) MB，超过上限 \(limit / 1_048_576) MB"
            }
        }
    }

    /// The extensions taken as reports; everything else in the archive (pictures, folders, `__MACOSX`) is skipped.
    public static let reportExtensions = ["txt", "docx", "doc", "wps"]

    /// The report files in `bytes`, in archive order, each with its path inside the archive.
    public static func reports(in bytes: [UInt8], limits: Limits = .init()) throws(Failure) -> [(name: String, bytes: [UInt8])] {
        let archive: ZipArchive
        do { archive = try ZipArchive(bytes) } catch {
            if case .notAnArchive = error { throw .notAnArchive }
            throw .corrupt("\(error)")
        }
        var chosen: [ZipArchive.Entry] = []
        var total = 0
        for entry in archive.entries {
            // Every name is judged, reports or not: an archive that tries to climb out is hostile as a whole.
            guard isSafe(entry.name) else { throw .unsafeName(entry.name) }
            guard isReport(entry.name) else { continue }
            guard entry.uncompressedSize <= limits.maximumFileBytes else {
                throw .tooLarge(name: entry.name, bytes: entry.uncompressedSize, limit: limits.maximumFileBytes)
            }
            total += entry.uncompressedSize
            guard total <= limits.maximumTotalBytes else { throw .tooLarge(name: "全部文件", bytes: total, limit: limits.maximumTotalBytes) }
            chosen.append(entry)
        }
        guard chosen.count <= limits.maximumFiles else { throw .tooManyFiles(found: chosen.count, limit: limits.maximumFiles) }
        var out: [(String, [UInt8])] = []
        for entry in chosen {
            do { out.append((entry.name, try archive.data(of: entry, limit: limits.maximumFileBytes))) } catch {
                if case .unsupported = error, entry.flags & 1 != 0 { throw .encrypted(entry.name) }
                throw .corrupt("\(entry.name)：\(error)")
            }
        }
        return out
    }

    /// A relative path that stays inside its folder: no leading slash or drive letter, no `..` component, no NUL.
    public static func isSafe(_ name: String) -> Bool {
        let scalars = Array(name.unicodeScalars)
        if scalars.isEmpty || scalars.contains("\0") { return false }
        if scalars[0] == "/" || scalars[0] == "\\" { return false }
        if scalars.count >= 2, scalars[1] == ":" { return false }
        return !name.split(whereSeparator: { $0 == "/" || $0 == "\\" }).contains("..")
    }

    static func isReport(_ name: String) -> Bool {
        if name.hasSuffix("/") { return false }
        let file = name.split(whereSeparator: { $0 == "/" || $0 == "\\" }).last.map(String.init) ?? name
        if file.hasPrefix(".") || name.hasPrefix("__MACOSX") || file.hasPrefix("~$") { return false }
        guard let dot = file.lastIndex(of: ".") else { return false }
        return reportExtensions.contains(file[file.index(after: dot)...].lowercased())
    }
}
