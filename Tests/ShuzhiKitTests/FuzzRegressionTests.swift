import Foundation
import Testing
@testable import ShuzhiKit

/// Every input a fuzzer found a fault with (Scripts/fuzz.sh, issue 25), committed in Fixtures/fuzz/ and run through
/// the path its harness drove, so that the fault stays fixed.
@Suite struct FuzzRegressionTests {
    static var inputs: [String] {
        let folder = Fixture.url("fuzz")
        return ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).sorted()
    }

    @Test func everyFoundInputGoesThroughThePipeline() throws {
        #expect(!Self.inputs.isEmpty)
        for name in Self.inputs where !name.hasPrefix("configuration-") {
            let bytes = Fixture.bytes("fuzz/" + name)
            let ingestName = bytes.starts(with: [0x50, 0x4B]) ? "fuzz.docx" : "fuzz.txt"
            guard let document = try? Ingest.document(from: bytes, name: ingestName, options: IngestOptions(convertLegacy: false)) else {
                continue
            }
            let checker = Checker()
            let analysis = checker.analyse(document)
            let diagnostics = checker.check(analysis)
            #expect(diagnostics.allSatisfy { $0.range.upperBound <= document.scalars.count }, "\(name)")
            _ = Fixer.fixAll(document, checker: checker, includeUnsafe: true)
            // pipeline-all-residue.txt: a text the residue detector takes whole was laid out as an empty document,
            // which no reader opens.
            let formatted = try Ingest.document(from: DocxFormatter.format(analysis), name: "f.docx")
            #expect(!formatted.text.isEmpty, "\(name)")
        }
    }

    /// FuzzConfiguration's inputs: a configuration or a message, never a crash. configuration-nested-arrays.toml:
    /// 300 `[` overflowed the stack of the TOML reader's recursion.
    @Test func everyFoundConfigurationIsReadOrRefused() {
        let names = Self.inputs.filter { $0.hasPrefix("configuration-") }
        #expect(!names.isEmpty)
        for name in names {
            let text = String(decoding: Fixture.bytes("fuzz/" + name), as: UTF8.self)
            do { _ = try Configuration.parse(text, path: name, knownRules: RuleRegistry.descriptions) } catch {
                #expect(error.description.contains(name))
            }
        }
    }
}
