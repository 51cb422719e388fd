import ShuzhiKit

/// How `shuzhi serve` runs: where it listens, who may use it, which store and rules it uses, how much it accepts.
public struct ServerSettings: Sendable {
    public var host: String
    public var port: Int
    /// Required (as a header or the login cookie) on every request when set; a non-loopback host must have one.
    public var token: String?
    /// A SQLite file or a postgres:// URL, as `corpus` takes it.
    public var storeLocation: String
    /// The rules and words every check uses (a request may only lower the typo threshold or set the year).
    public var configuration: Configuration
    public var ingest: IngestOptions
    public var limits: UploadLimits

    public init(
        host: String = "127.0.0.1", port: Int = 8080, token: String? = nil, storeLocation: String,
        configuration: Configuration = Configuration(), ingest: IngestOptions = IngestOptions(),
        limits: UploadLimits = UploadLimits()
    ) {
        self.host = host
        self.port = port
        self.token = token
        self.storeLocation = storeLocation
        self.configuration = configuration
        self.ingest = ingest
        self.limits = limits
    }

    /// The settings a server may not start with: a host others can reach, and no token.
    public func validate() throws(ServerSetupError) {
        if !Self.isLoopback(host) && (token ?? "").isEmpty { throw .tokenRequired(host: host) }
        if let token, !token.isEmpty {
            if token.unicodeScalars.count < 12 { throw .weakToken }
            // It travels in a header and a cookie: printable ASCII without the characters those give meaning to.
            if !token.unicodeScalars.allSatisfy({ $0.value > 0x20 && $0.value < 0x7F && !"\",;\\".unicodeScalars.contains($0) }) {
                throw .badTokenCharacters
            }
        }
        guard (0...65535).contains(port) else { throw .badPort(port) }
    }

    /// 127.0.0.0/8, ::1 and localhost: only this machine can connect.
    public static func isLoopback(_ host: String) -> Bool {
        let h = host.lowercased()
        if h == "localhost" || h == "::1" || h == "[::1]" { return true }
        let parts = h.split(separator: ".", omittingEmptySubsequences: false)
        return parts.count == 4 && parts[0] == "127" && parts.allSatisfy { UInt8($0) != nil }
    }
}

/// What one request may send. A report is tens of kilobytes; the limits stop a mistaken or hostile upload early.
public struct UploadLimits: Sendable {
    /// One document (pasted text or one file), as sent.
    public var maximumDocumentBytes: Int
    /// A whole batch request: several files or one zip.
    public var maximumBatchBytes: Int
    /// The files in a batch, and what a zip may inflate to.
    public var batch: ReportArchive.Limits

    public init(
        maximumDocumentBytes: Int = IngestOptions.defaultMaximumBytes, maximumBatchBytes: Int = 256 * 1_048_576,
        batch: ReportArchive.Limits = .init(maximumFiles: 500)
    ) {
        self.maximumDocumentBytes = maximumDocumentBytes
        self.maximumBatchBytes = maximumBatchBytes
        self.batch = batch
    }
}

public enum ServerSetupError: Error, Sendable, CustomStringConvertible {
    case tokenRequired(host: String)
    case weakToken
    case badTokenCharacters
    case badPort(Int)

    public var description: String {
        switch self {
        case .tokenRequired(let host):
            return """
                错误：监听 \(host) 会让其他机器也能访问，必须设置访问令牌：--token 或环境变量 SHUZHI_TOKEN
                error: listening on \(host) lets other machines connect; set an access token with --token or SHUZHI_TOKEN
                """
        case .weakToken:
            return "错误：访问令牌至少 12 个字符 / error: the access token must have at least 12 characters"
        case .badTokenCharacters:
            return
                "错误：访问令牌只能由字母、数字和常见符号组成（不含空格、引号、逗号、分号、反斜杠）/ error: the token must be printable ASCII without spaces, quotes, commas, semicolons or backslashes"
        case .badPort(let p):
            return "错误：端口 \(p) 无效，应为 0–65535 / error: port \(p) is not 0–65535"
        }
    }
}
