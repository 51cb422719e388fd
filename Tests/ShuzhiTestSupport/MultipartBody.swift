import Foundation

/// multipart/form-data as a browser sends it, for the tests that post files and fields to the server (in process or
/// over loopback).
public struct MultipartBody: Sendable {
    public static let boundary = "----ShuzhiTestBoundary7MA4YWxkTrZu0gW"
    public static let contentType = "multipart/form-data; boundary=\(boundary)"
    private var body = Data()

    public init() {}

    public mutating func file(_ field: String, _ name: String, _ bytes: Data) {
        body += Data(
            "--\(Self.boundary)\r\nContent-Disposition: form-data; name=\"\(field)\"; filename=\"\(name)\"\r\nContent-Type: application/octet-stream\r\n\r\n"
                .utf8)
        body += bytes + Data("\r\n".utf8)
    }

    public mutating func field(_ field: String, _ value: String) {
        body += Data("--\(Self.boundary)\r\nContent-Disposition: form-data; name=\"\(field)\"\r\n\r\n\(value)\r\n".utf8)
    }

    /// The body with its closing boundary.
    public var data: Data { body + Data("--\(Self.boundary)--\r\n".utf8) }
}
