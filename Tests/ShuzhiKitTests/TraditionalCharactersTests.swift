import Foundation
import Testing
@testable import ShuzhiKit

/// The table is read from the embedded UTF-8 bytes with a decoder of its own: it must give every pair of the committed
/// file (characters of two, three and four UTF-8 bytes, inside the dense block and outside it) and nothing else.
@Suite struct TraditionalCharactersTests {
    @Test func everyPairOfTheCommittedFileIsRead() throws {
        let text = try String(
            contentsOf: Fixture.packageRoot.appendingPathComponent("Sources/CShuzhiData/traditional.txt"), encoding: .utf8)
        var pairs: [UInt32: UInt32] = [:]
        for line in text.split(separator: "\n") {
            let scalars = Array(line.unicodeScalars)
            if scalars.count == 3 && scalars[1] == "\t" { pairs[scalars[0].value] = scalars[2].value }
        }
        #expect(pairs.count > 3000)
        #expect(pairs.keys.contains { $0 >= 0x20000 } && pairs.keys.contains { $0 < 0x3400 || $0 >= 0xA000 })
        for (from, to) in pairs { #expect(TraditionalCharacters.simplified(from) == to, "\(from)") }
        let untouched = "述职报告是一份年度工作总结ABC１２３".unicodeScalars.filter { pairs[$0.value] == nil }
        for s in untouched { #expect(TraditionalCharacters.simplified(s.value) == nil) }
        #expect(TraditionalCharacters.simplify(Array("績效與發展".unicodeScalars)).text == Array("绩效与发展".unicodeScalars))
    }
}
