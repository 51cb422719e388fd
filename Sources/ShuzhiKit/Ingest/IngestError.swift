/// Why a file could not be read. Every case renders as one Chinese line and one English line that name the file, say
/// what is wrong and what to do; the CLI prints them and exits with code 2.
public struct IngestError: Error, Sendable, Equatable, CustomStringConvertible {
    public enum Kind: String, Sendable {
        case notFound = "not-found"
        case isDirectory = "is-directory"
        case unreadable
        case empty
        case tooLarge = "too-large"
        case binary
        case invalidEncoding = "invalid-encoding"
        case corruptDocx = "corrupt-docx"
        case encryptedDocx = "encrypted-docx"
        case legacyFormat = "legacy-format"
        case conversionFailed = "conversion-failed"
        case otherOfficeFormat = "other-office-format"
        case decompressionLimit = "decompression-limit"
    }

    public let kind: Kind
    public let file: String
    public let chinese: String
    public let english: String

    public var description: String {
        let (zh, en) = file == "-" ? ("标准输入", "standard input") : (file, file)
        return "错误：\(zh)：\(chinese)\nerror: \(en): \(english)"
    }

    init(_ kind: Kind, _ file: String, zh chinese: String, en english: String) {
        self.kind = kind
        self.file = file
        self.chinese = chinese
        self.english = english
    }

    static func notFound(_ f: String) -> IngestError {
        .init(.notFound, f, zh: "文件不存在。请检查路径和文件名。", en: "no such file. Check the path and the file name.")
    }

    static func isDirectory(_ f: String) -> IngestError {
        .init(
            .isDirectory, f, zh: "这是一个文件夹，不是文件。请指定其中的 .txt 或 .docx 文件。",
            en: "this is a directory, not a file. Name the .txt or .docx files in it.")
    }

    static func unreadable(_ f: String, _ reason: String) -> IngestError {
        .init(.unreadable, f, zh: "无法读取（\(reason)）。请检查文件权限。", en: "cannot be read (\(reason)). Check the file's permissions.")
    }

    static func empty(_ f: String) -> IngestError {
        .init(.empty, f, zh: "文件为空或只有空白，没有可检查的内容。", en: "the file is empty or blank: there is nothing to check.")
    }

    static func tooLarge(_ f: String, size: Int, limit: Int) -> IngestError {
        .init(
            .tooLarge, f,
            zh: "文件过大（\(megabytes(size))），超过上限 \(megabytes(limit))。述职报告通常不足 1 MB；请确认文件无误，或拆分后检查，或用 --max-size 提高上限。",
            en:
                "the file is too large (\(megabytes(size)); the limit is \(megabytes(limit))). A duty report is usually under 1 MB: check the file, split it, or raise the limit with --max-size."
        )
    }

    /// What a file is, in both languages.
    typealias What = (zh: String, en: String)

    static func binary(_ f: String, what: What?) -> IngestError {
        let zh = what.map { "这是\($0.zh)文件，不是文本或 Word 文档。" } ?? "这看起来是二进制文件，不是文本或 Word 文档。"
        return .init(
            .binary, f, zh: zh + "请提供 .txt（UTF-8/GB18030）或 .docx 文件。",
            en: (what.map { "this is a \($0.en) file" } ?? "this looks like a binary file")
                + ", not text or a Word document. Give a .txt (UTF-8/GB18030) or .docx file.")
    }

    static func invalidEncoding(_ f: String, detail: String, detailEnglish: String) -> IngestError {
        .init(
            .invalidEncoding, f,
            zh: "不是有效的 UTF-8、UTF-16 或 GB18030 文本（\(detail)）。请用文本编辑器另存为 UTF-8，或用 --encoding 指定编码。",
            en:
                "not valid UTF-8, UTF-16 or GB18030 text (\(detailEnglish)). Save it as UTF-8 in a text editor, or name the encoding with --encoding."
        )
    }

    static func forcedEncoding(_ f: String, encoding: String, detail: String, detailEnglish: String) -> IngestError {
        .init(
            .invalidEncoding, f,
            zh: "不是有效的 \(encoding) 文本（\(detail)）。请去掉 --encoding 让 Shuzhi 自动识别，或指定正确的编码。",
            en: "not valid \(encoding) text (\(detailEnglish)). Drop --encoding to let Shuzhi detect it, or name the right encoding.")
    }

    static func corruptDocx(_ f: String, _ detail: String) -> IngestError {
        .init(
            .corruptDocx, f,
            // The detail (which part, which byte) is the reader's English; the Chinese message says what to do.
            zh: "不是完整有效的 .docx 文件，可能已损坏或下载不完整。请在 Word/WPS 中打开并重新另存为 .docx。",
            en:
                "not a complete, valid .docx file (\(detail)); it may be damaged or truncated. Open it in Word/WPS and save it again as .docx."
        )
    }

    static func encryptedDocx(_ f: String) -> IngestError {
        .init(
            .encryptedDocx, f,
            zh: "文档设置了打开密码，无法读取。请在 Word/WPS 中取消密码（文件 → 信息 → 保护文档）后另存，再检查。",
            en:
                "the document is password-protected and cannot be read. Remove the password in Word/WPS (File → Info → Protect Document), save, and check again."
        )
    }

    static func legacyFormat(_ f: String, what: What) -> IngestError {
        .init(
            .legacyFormat, f,
            zh:
                "这是旧版 \(what.zh) 格式，Shuzhi 读取 .docx 和 .txt。请在 Word/WPS 中另存为 .docx；或安装 LibreOffice（apt-get install libreoffice-writer），Shuzhi 会自动转换，也可以自己运行：soffice --headless --convert-to docx \"\(f)\"",
            en:
                "this is the old \(what.en) format; Shuzhi reads .docx and .txt. Save it as .docx in Word/WPS, or install LibreOffice (Shuzhi then converts it itself), or run: soffice --headless --convert-to docx \"\(f)\""
        )
    }

    static func conversionFailed(_ f: String, _ reason: String) -> IngestError {
        .init(
            .conversionFailed, f,
            zh: "这是旧版 Word/WPS 格式，用 LibreOffice 转换为 .docx 失败（\(reason)）。请在 Word/WPS 中另存为 .docx 后再检查。",
            en:
                "this is an old Word/WPS file and converting it to .docx with LibreOffice failed (\(reason)). Save it as .docx in Word/WPS and check that."
        )
    }

    static func otherOfficeFormat(_ f: String, what: What) -> IngestError {
        .init(
            .otherOfficeFormat, f,
            zh: "这是\(what.zh)文件（可能被改了扩展名），不是 Word 文档。请提供述职报告的 .docx 或 .txt 文件。",
            en: "this is \(what.en) file (perhaps renamed), not a Word document. Give the report as .docx or .txt.")
    }

    static func decompressionLimit(_ f: String, part: String, limit: Int) -> IngestError {
        .init(
            .decompressionLimit, f,
            zh: "文档中的 \(part) 解压后超过 \(megabytes(limit))，疑似压缩炸弹或异常文件，已停止读取。",
            en: "\(part) in the document inflates past \(megabytes(limit)): a zip bomb or a malformed file. Reading stopped.")
    }

    private static func megabytes(_ n: Int) -> String {
        let mb = Double(n) / 1_048_576
        return mb >= 10 ? "\(Int(mb.rounded())) MB" : "\((mb * 10).rounded() / 10) MB"
    }
}
