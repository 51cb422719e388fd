/// Why an operation cannot run as asked — an override out of range, an unknown rule, an output the input cannot give.
/// One type for every operation: the CLI prints it and exits 2, the server answers 400 with it.
public struct ServiceError: Error, Sendable, Equatable, CustomStringConvertible {
    /// For the writer, in Chinese; `english` is for logs and the API's clients.
    public let chinese: String
    public let english: String

    public init(_ chinese: String, _ english: String) {
        self.chinese = chinese
        self.english = english
    }

    public var description: String { "错误：\(chinese)\nerror: \(english)" }
}
