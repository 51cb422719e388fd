import Foundation
import Testing
@testable import ShuzhiKit

/// Precision on clean official prose and recall on real reports, from `../shared` (skipped when it is absent).
/// Budgets are findings per 10,000 characters; a failure lists what was flagged so it can be read.
@Suite(.enabled(if: Fixture.hasShared, "../shared is not present"))
struct CorpusPrecisionTests {
    static func files(_ folder: String) -> [URL] {
        guard let shared = Fixture.shared else { return [] }
        let dir = shared.appendingPathComponent("corpus/\(folder)")
        return ((try? FileManager.default.contentsOfDirectory(at: dir, includingPropertiesForKeys: nil)) ?? [])
            .filter { $0.pathExtension == "txt" }.sorted { $0.path < $1.path }
    }

    func findings(_ url: URL, _ configuration: Configuration = Configuration()) throws -> (Document, [Diagnostic]) {
        let doc = try Ingest.load(path: url.path)
        return (doc, Checker(configuration: configuration).check(doc))
    }

    func describe(_ doc: Document, _ ds: [Diagnostic]) -> String {
        ds.prefix(20).map {
            "\(doc.name):\(doc.lines.location(of: $0.range.lowerBound).line) \($0.rule) “\(doc.string($0.range).prefix(30))”"
        }
        .joined(separator: "\n")
    }

    /// The State Council's reports are the cleanest official prose there is: the default rules stay almost silent.
    @Test func nationalGovernmentReportsAreNearlyClean() throws {
        var characters = 0, flagged: [String] = []
        for url in Self.files("national") {
            let (doc, ds) = try findings(url)
            characters += doc.scalars.count
            flagged.append(contentsOf: ds.map { "\(url.lastPathComponent) \($0.rule) \(doc.string($0.range).prefix(20))" })
            #expect(!ds.contains { $0.family == "residue" || $0.family == "repeat" }, "\(describe(doc, ds))")
        }
        #expect(characters > 150_000)
        let perTenThousand = Double(flagged.count) * 10_000 / Double(characters)
        #expect(perTenThousand < 0.5, "\(flagged.joined(separator: "\n"))")
    }

    /// 8.6M characters of laws: the text-level rules (not the structure ones — laws number by 第X条) stay quiet.
    @Test func lawsGiveFewTextLevelFindings() throws {
        guard let url = Self.files("laws").first else { return }
        var c = Configuration()
        c.selected = [
            "residue.advert", "residue.contact", "residue.template-hint", "repeat", "punct.doubled", "punct.ellipsis",
            "punct.dash", "punct.dun-estimate", "punct.dun-before-deng", "punct.mismatched-quote",
        ]
        var options = IngestOptions()
        options.maximumBytes = 64 << 20
        let doc = try Ingest.load(path: url.path, options: options)
        let ds = Checker(configuration: c).check(doc)
        let perTenThousand = Double(ds.count) * 10_000 / Double(doc.scalars.count)
        #expect(doc.scalars.count > 8_000_000)
        #expect(perTenThousand < 0.02, "\(ds.count) findings:\n\(describe(doc, ds))")
    }

    @Test func districtReportsAreGB18030WithCRLF() throws {
        let files = Self.files("district")
        #expect(files.count >= 8)
        for url in files {
            let doc = try Ingest.load(path: url.path)
            #expect(doc.format == .text(.gb18030, byteOrderMark: false), "\(url.lastPathComponent)")
            #expect(doc.scalars.contains("\r"))
            #expect(Outline(doc).headings.count > 3)
        }
    }

    @Test func realReportsShowTheirPlaceholders() throws {
        guard let shared = Fixture.shared else { return }
        for (name, minimum) in [("county-deputy-head-2020.txt", 50), ("park-deputy-director.txt", 35)] {
            let (doc, ds) = try findings(shared.appendingPathComponent("samples/\(name)"))
            let placeholders = ds.filter { $0.rule == "residue.placeholder" }
            #expect(placeholders.count >= minimum, "\(name): \(placeholders.count)")
            for d in placeholders {
                // Every flagged span is placeholder characters, with a year's digits at most.
                #expect(
                    doc.scalars[d.range].allSatisfy { PlaceholderRule.isPlaceholderScalar($0.value) || ScalarClass.isASCIIDigit($0.value) },
                    "\(doc.string(d.range))")
            }
            // Nothing else in these reports is an error of this issue's rule set except real slips.
            let others = ds.filter { $0.rule != "residue.placeholder" && $0.severity == .error }
            #expect(others.isEmpty, "\(describe(doc, others))")
        }
    }
}

/// The typo rules on text they were not trained on, and on the tuning set; skipped without `../shared`.
@Suite(.enabled(if: Fixture.hasShared, "../shared is not present"))
struct TypoCorpusTests {
    /// 政府工作报告 2015–2017 and the district reports are held out of the language model's training text: the issue's
    /// budget is one typo finding per 10,000 characters at the default threshold.
    @Test(arguments: [
        ["national/2015.txt", "national/2016.txt", "national/2017.txt"],
        (2012...2019).map { "district/\($0).txt" },
    ])
    func heldOutReportsGetFewTypoFindings(files: [String]) throws {
        var characters = 0, flagged: [String] = []
        var c = Configuration()
        c.selected = ["typo"]
        for name in files {
            let doc = try Ingest.load(path: Fixture.shared!.appendingPathComponent("corpus/\(name)").path)
            characters += doc.scalars.count { !$0.properties.isWhitespace }
            flagged += Checker(configuration: c).check(doc).map { "\(name) \(doc.string($0.range))→\($0.replacements.first ?? "")" }
        }
        #expect(characters > 50_000)
        #expect(Double(flagged.count) * 10_000 / Double(characters) <= 1, "\(flagged.joined(separator: "\n"))")
    }

    static func score(_ file: String, threshold: Double = Configuration.defaultTypoThreshold) throws
        -> CSCEvaluation.SentenceLevel
    {
        let text = try String(contentsOf: Fixture.shared!.appendingPathComponent("corpus/\(file)"), encoding: .utf8)
        var m = CSCEvaluation.SentenceLevel()
        var configuration = Configuration()
        configuration.typoThreshold = threshold
        let checker = Checker(configuration: configuration)
        for pair in CSCEvaluation.read(text).pairs {
            m.add(
                source: pair.source, target: pair.target,
                predicted: CSCEvaluation.corrected(pair.source, checker.check(Document(text: pair.source))))
        }
        return m
    }

    /// Floors under today's scores at the default threshold (BENCHMARKS.md has the figures), so that a change that
    /// loses recall or precision shows.
    @Test func scoresDoNotRegress() throws {
        let ecspell = try Self.score("ecspell/odw.train")
        #expect(ecspell.f1 >= 0.50 && ecspell.precision >= 0.98, "ECSpell odw.train \(ecspell)")
        let sighan = try Self.score("sighan/sighan2015_test.tsv")
        // Issue 3 asks for correction F1 ≥ 0.40 on SIGHAN-15 at the threshold that keeps official prose clean.
        #expect(sighan.f1 >= 0.40 && sighan.precision >= 0.8, "SIGHAN-15 \(sighan)")
    }

    /// At --typo-threshold 0.5 less certain character corrections count too: recall rises, precision falls.
    @Test func lowerThresholdTradesPrecisionForRecall() throws {
        let loose = try Self.score("sighan/sighan2015_test.tsv", threshold: 0.5)
        let strict = try Self.score("sighan/sighan2015_test.tsv")
        #expect(loose.f1 >= 0.42 && loose.precision >= 0.75, "SIGHAN-15 at 0.5 \(loose)")
        // The trade itself: more sentences corrected at 0.5, and not more precisely than at the default.
        #expect(loose.recall > strict.recall && loose.precision <= strict.precision, "0.5: \(loose); 0.8: \(strict)")
    }
}
