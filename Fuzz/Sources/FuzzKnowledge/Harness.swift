import Foundation
import ShuzhiKit

/// A user's knowledge file (`--knowledge`): the JSON decoding, and every rule that reads the knowledge base run
/// with it over a report that names formulas, plans, plenums and campaigns. Any bytes: a `KnowledgeError` or a
/// check, never a crash.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    guard let knowledge = try? KnowledgeBase.extended(withJSON: [("fuzz.json", Data(bytes: data, count: size))]) else { return 0 }
    var configuration = Configuration()
    configuration.knowledge = knowledge
    _ = Checker(configuration: configuration).check(Document(text: report))
    return 0
}

let report = """
    2024年度述职报告
    一、加强理论学习
    深入学习贯彻党的二十大和二十届三中全会精神，牢固树立“四个意识”，坚定“四个自信”，做到“两个维护”，学习贯彻十九届五中全会精神。
    二、推动“十四五”规划落实，开展党史学习教育，坚持拒腐防变。
    """
