import ShuzhiKit

/// `.shuzhi.toml`: the TOML reader and the configuration built from it. Any text: a configuration or a
/// `ConfigurationError` with a message, never a crash.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    _ = try? TOML.parse(text)
    do {
        let configuration = try Configuration.parse(text, path: "fuzz.toml", knownRules: RuleRegistry.descriptions)
        // What the checker makes of it must hold too (allowed words, severities, thresholds).
        _ = Checker(configuration: configuration).check(Document(text: "2024年度述职报告\n一、主要工作\n全年学习24次,撰写心得。"))
    } catch {
        precondition(!error.description.isEmpty)
    }
    return 0
}
