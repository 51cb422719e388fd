import ArgumentParser
import Foundation
import ShuzhiKit
import ShuzhiService

/// `shuzhi eval csc FILE` and `shuzhi eval false-alarms DIR`: how well the typo rules do, measured through the whole
/// `check` pipeline (document, analysis, every enabled rule), never the typo rules alone; `shuzhi eval metrics FILE`:
/// how well the results table matches hand-annotated sentences.
struct EvalCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "eval",
        abstract: "评测错别字检查、网站残留识别与成果提取 / measure the typo rules, residue recognition and the results table",
        subcommands: [
            CSCCommand.self, FalseAlarmsCommand.self, CalibrationCommand.self, MetricsEvalCommand.self, CopyEvalCommand.self,
            ResidueEvalCommand.self,
        ]
    ).underShuzhi
}

/// Options both evaluations share: the threshold and tuning overrides.
struct TypoEvalOptions: ParsableArguments {
    @Option(name: .customLong("typo-threshold"), help: ArgumentHelp("置信度阈值 / confidence threshold", valueName: "p"))
    var threshold: Double = Configuration.defaultTypoThreshold

    @Option(name: .customLong("tune"), help: ArgumentHelp("调整权重 / override a weight, e.g. bias=5.5 (repeatable)", valueName: "name=value"))
    var tune: [String] = []

    func configuration() throws -> Configuration {
        // SHUZHI_TYPO_FEATURES=1: every scored candidate's evidence on standard error, for Scripts/fit-typo-weights.py.
        let evidence =
            ProcessInfo.processInfo.environment["SHUZHI_TYPO_FEATURES"] == nil
            ? nil : TypoEvidence { FileHandle.standardError.write(Data($0.utf8)) }
        do { return try EvaluationOperation.configuration(threshold: threshold, tune: tune, evidence: evidence) } catch {
            throw ValidationError("\(error.chinese) / \(error.english)")
        }
    }
}

/// The inputs the typo evaluations read, refused with a message and exit code 2 when unusable.
enum EvalInput {
    /// The source/target pairs of a UTF-8 evaluation file, and how many lines were skipped.
    static func pairs(_ file: String) throws -> (pairs: [CSCEvaluation.Pair], skipped: Int) {
        let text = try utf8Text(file)
        let read = CSCEvaluation.read(text)
        guard !read.pairs.isEmpty else {
            Terminal.error("错误：\(file) 中没有 source<TAB>target 行\nerror: no source<TAB>target lines in \(file)")
            throw ExitCode(2)
        }
        return read
    }

    /// A UTF-8 file's text.
    static func utf8Text(_ file: String) throws -> String {
        guard let data = FileManager.default.contents(atPath: file), let text = String(data: data, encoding: .utf8) else {
            Terminal.error("错误：无法读取 \(file)（须为 UTF-8 文本）\nerror: cannot read \(file) (UTF-8 text expected)")
            throw ExitCode(2)
        }
        return text
    }

    /// The .txt files under a folder (recursively), by name relative to it, in order.
    static func textFiles(_ directory: String) throws -> [String] {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: directory, isDirectory: &isDirectory), isDirectory.boolValue else {
            Terminal.error("错误：\(directory) 不是目录\nerror: \(directory) is not a folder")
            throw ExitCode(2)
        }
        let files = (FileManager.default.enumerator(atPath: directory)?.compactMap { $0 as? String } ?? [])
            .filter { $0.hasSuffix(".txt") }.sorted()
        guard !files.isEmpty else {
            Terminal.error("错误：\(directory) 中没有 .txt 文件\nerror: no .txt files in \(directory)")
            throw ExitCode(2)
        }
        return files
    }
}

struct CSCCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "csc",
        abstract: "拼写纠错评测 / spelling-correction scores on a source<TAB>target or n<TAB>source<TAB>target file"
    )

    @Argument(help: "评测文件 / evaluation file") var file: String
    @OptionGroup var options: TypoEvalOptions
    @Flag(help: "逐句输出预测 / print every sentence whose prediction is wrong") var verbose = false

    func run() throws {
        let (pairs, skipped) = try EvalInput.pairs(file)
        let run = EvaluationOperation.csc(pairs, configuration: try options.configuration())
        let (sentence, scores, byKind, elapsed) = (run.sentenceLevel, run.detectionCorrection, run.byKind, run.elapsed)
        if verbose {
            for (pair, predicted) in zip(pairs, run.predictions) where predicted != pair.target {
                print("input  : \(pair.source)\ntruth  : \(pair.target)\npredict: \(predicted)\n")
            }
        }
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        let f = { (x: Double) in String(format: "%.4f", x) }
        print(
            "file: \(file)  sentences: \(pairs.count)\(skipped > 0 ? "  skipped lines: \(skipped)" : "")  threshold: \(options.threshold)")
        print(
            "pycorrector sentence level: acc:\(f(sentence.accuracy)), precision:\(f(sentence.precision)), recall:\(f(sentence.recall)), f1:\(f(sentence.f1))  (TP \(sentence.tp) FP \(sentence.fp) FN \(sentence.fn) TN \(sentence.tn))"
        )
        print(
            "detection  level: precision:\(f(scores.detectionPrecision)), recall:\(f(scores.detectionRecall)), f1:\(f(scores.detectionF1))")
        print(
            "correction level: precision:\(f(scores.correctionPrecision)), recall:\(f(scores.correctionRecall)), f1:\(f(scores.correctionF1))"
        )
        print(
            "speed: \(String(format: "%.0f", Double(pairs.count) / max(seconds, 1e-9))) sentences/s (\(String(format: "%.3f", seconds)) s, whole check pipeline, one thread)"
        )
        if !byKind.order.isEmpty { printByKind(byKind) }
    }

    /// Recall by kind of slip: corrected exactly, changed at all, changed wrongly; for clean sentences, the false
    /// corrections.
    private func printByKind(_ byKind: CSCEvaluation.ByKind) {
        print("kind               sentences  corrected  recall  changed  wrong")
        let rows = byKind.order.filter { $0 != "clean" }.map { ($0, byKind.counts[$0]!) } + [("all slips", byKind.slips)]
        for (kind, c) in rows {
            print(
                kind.padding(toLength: 19, withPad: " ", startingAt: 0)
                    + String(c.sentences).padding(toLength: 11, withPad: " ", startingAt: 0)
                    + String(c.corrected).padding(toLength: 11, withPad: " ", startingAt: 0)
                    + String(format: "%.3f", c.recall).padding(toLength: 8, withPad: " ", startingAt: 0)
                    + String(c.changed).padding(toLength: 9, withPad: " ", startingAt: 0) + String(c.wrong))
        }
        if let clean = byKind.counts["clean"] {
            print(
                "clean sentences: \(clean.sentences), falsely changed: \(clean.changed) (\(String(format: "%.3f", Double(clean.changed) / Double(max(1, clean.sentences)))))"
            )
        }
    }
}

struct FalseAlarmsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "false-alarms",
        abstract: "干净文本上的错别字误报率 / typo findings per 10,000 characters on clean text"
    )

    @Argument(help: "干净文本所在目录（.txt，递归）/ folder of clean .txt files") var directory: String
    @OptionGroup var options: TypoEvalOptions
    @OptionGroup var input: InputOptions
    @Flag(help: "列出每条误报 / list every finding") var verbose = false

    func run() throws {
        let configuration = try options.configuration()
        let files = try EvalInput.textFiles(directory)
        var totalCharacters = 0, totalFindings = 0
        for name in files {
            let path = (directory as NSString).appendingPathComponent(name)
            let document: Document
            do { document = try Ingest.load(path: path, options: input.ingestOptions()) } catch let error as IngestError {
                Terminal.error(error.description); throw ExitCode(2)
            }
            let alarms = EvaluationOperation.falseAlarms(document, configuration: configuration)
            let (characters, findings) = (alarms.characters, alarms.findings)
            totalCharacters += characters
            totalFindings += findings.count
            print("\(name): \(findings.count) findings in \(characters) characters")
            if verbose {
                for d in findings {
                    let context = document.string(max(0, d.range.lowerBound - 8)..<min(document.scalars.count, d.range.upperBound + 8))
                    print(
                        "  \(d.rule) \(document.string(d.range))→\(d.replacements.first ?? "") \(d.confidence.map { String(format: "%.2f", $0) } ?? "")  …\(context.replacingOccurrences(of: "\n", with: " "))…"
                    )
                }
            }
        }
        let rate = totalCharacters == 0 ? 0 : Double(totalFindings) * 10_000 / Double(totalCharacters)
        print(
            "total: \(totalFindings) typo findings in \(totalCharacters) characters = \(String(format: "%.2f", rate)) per 10,000 characters (threshold \(options.threshold))"
        )
    }
}

struct CalibrationCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "calibration",
        abstract: "置信度校准：各置信度区间的建议有多少是对的 / how often a typo finding at each confidence is right",
        discussion:
            "FILE 为 kind<TAB>source<TAB>target 开发集，DIR 为未改动的干净文本；干净文本上的每条建议都算错，按 --clean-weight 加权。/ FILE is a development set, DIR untouched text whose every finding is wrong, weighted by --clean-weight."
    )

    @Argument(help: "开发集 / development set") var file: String
    @Argument(help: "干净文本目录 / folder of untouched .txt files") var directory: String
    @Option(help: "干净文本上每条建议的权重 / weight of a finding on untouched text") var cleanWeight = 4.0
    @OptionGroup var options: TypoEvalOptions
    @OptionGroup var input: InputOptions

    func run() throws {
        let pairs = try EvalInput.pairs(file).pairs
        var untouched: [Document] = []
        for name in try EvalInput.textFiles(directory) {
            let path = (directory as NSString).appendingPathComponent(name)
            do { untouched.append(try Ingest.load(path: path, options: input.ingestOptions())) } catch let error as IngestError {
                Terminal.error(error.description)
                throw ExitCode(2)
            }
        }
        let calibration = EvaluationOperation.calibration(
            pairs, untouched: untouched, cleanWeight: cleanWeight,
            configuration: try options.configuration())
        print("confidence   findings  right  mean confidence  right share (untouched text weighted \(cleanWeight))")
        let edges = CSCEvaluation.Calibration.edges + [1]
        for (i, bin) in calibration.bins.enumerated() where edges[i] >= options.threshold || bin.findings > 0 {
            print(
                String(format: "%.2f–%.2f    ", edges[i], edges[i + 1])
                    + String(bin.findings).padding(toLength: 10, withPad: " ", startingAt: 0)
                    + String(bin.right).padding(toLength: 7, withPad: " ", startingAt: 0)
                    + String(format: "%.3f", bin.meanConfidence).padding(toLength: 17, withPad: " ", startingAt: 0)
                    + String(format: "%.3f", bin.precision))
        }
    }
}

struct MetricsEvalCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "metrics",
        abstract: "成果提取评测 / precision and recall of shuzhi metrics on hand-annotated sentences (S and R lines)"
    )

    @Argument(help: "标注文件 / annotation file") var file: String
    @Flag(help: "列出漏报与误报 / list every missed and every spurious result") var verbose = false

    func run() throws {
        guard let data = FileManager.default.contents(atPath: file), let text = String(data: data, encoding: .utf8) else {
            Terminal.error("错误：无法读取 \(file)（须为 UTF-8 文本）\nerror: cannot read \(file) (UTF-8 text expected)")
            throw ExitCode(2)
        }
        let sentences: [MetricsEvaluation.GoldSentence]
        do { sentences = try MetricsEvaluation.read(text) } catch let error as MetricsEvaluation.FormatError {
            Terminal.error("错误：\(file) \(error)\nerror: \(file) is not an annotation file")
            throw ExitCode(2)
        }
        var sets: [String] = []
        for sentence in sentences where !sets.contains(sentence.set) { sets.append(sentence.set) }
        let f = { (x: Double) in String(format: "%.3f", x) }
        print("set      sentences  gold  found  level     precision  recall  f1")
        for set in sets + (sets.count > 1 ? ["all"] : []) {
            let chosen = set == "all" ? sentences : sentences.filter { $0.set == set }
            let (score, differences) = MetricsEvaluation.score(chosen)
            for level in MetricsEvaluation.Level.allCases {
                let head =
                    level == .quantity
                    ? set.padding(toLength: 9, withPad: " ", startingAt: 0)
                        + String(chosen.count).padding(toLength: 11, withPad: " ", startingAt: 0)
                        + String(score.gold).padding(toLength: 6, withPad: " ", startingAt: 0)
                        + String(score.found).padding(toLength: 7, withPad: " ", startingAt: 0)
                    : String(repeating: " ", count: 33)
                print(
                    head + level.rawValue.padding(toLength: 10, withPad: " ", startingAt: 0)
                        + f(score.precision(level)).padding(toLength: 11, withPad: " ", startingAt: 0)
                        + f(score.recall(level)).padding(toLength: 8, withPad: " ", startingAt: 0) + f(score.f1(level)))
            }
            if verbose && set != "all" {
                for d in differences {
                    print("  \(d.sentence.id) \(d.sentence.text)")
                    let shown = { (v: Double?) in v.map { "\($0)" } ?? "x" }
                    for g in d.missed {
                        print("    missed   \(g.indicators.joined(separator: "|")) \(shown(g.value)) \(g.unit) \(g.change)")
                    }
                    for x in d.spurious { print("    spurious \(x.indicator) \(shown(x.value)) \(x.unit) \(x.change)") }
                }
            }
        }
        print(
            "levels: quantity = value and unit; lenient = and the indicator overlaps the annotator's (one contains the other, the shorter at least half as long); strict = and the indicator is the annotator's"
        )
    }
}

struct ResidueEvalCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "residue",
        abstract: "模板网站残留识别评测 / recall of marked residue lines, false alarms on report lines, titles",
        discussion:
            "目录中每个 .txt 的行以“§”开头表示网站残留、以“¶”开头表示报告标题（Scripts/make-residue-dev.py 生成）。/ In each .txt, a line starting with “§” is residue and one starting with “¶” the report's title (see Scripts/make-residue-dev.py)."
    )

    @Argument(help: "标注文本所在目录（.txt，递归）/ folder of marked .txt files") var directory: String
    @Flag(help: "列出漏掉的残留行、误报行与错误标题 / list every missed residue line, false alarm and wrong title") var verbose = false

    func run() throws {
        let files = try EvalInput.textFiles(directory)
        var residue = 0, found = 0, report = 0, falseAlarms = 0, titled = 0, titlesRight = 0, leftByFix = 0, lostByFix = 0
        for name in files {
            let text = try EvalInput.utf8Text((directory as NSString).appendingPathComponent(name))
            let result = ResidueEvaluation.evaluate(text)
            residue += result.residueLines; found += result.residueFound
            report += result.reportLines; falseAlarms += result.falseAlarms
            if result.titleMarked { titled += 1; if result.titleRight { titlesRight += 1 } }
            leftByFix += result.residueLeftByFix.count; lostByFix += result.reportLostByFix.count
            print(
                "\(name): \(result.residueFound)/\(result.residueLines) residue lines, \(result.falseAlarms) report lines flagged\(result.titleMarked && !result.titleRight ? ", title wrong" : "")"
            )
            guard verbose else { continue }
            for line in result.lines where line.isResidue != line.flagged {
                print("  \(line.isResidue ? "missed" : "flagged") \(line.text.prefix(60))")
            }
            if result.titleMarked && !result.titleRight { print("  title read as: \(result.foundTitle ?? "(none)")") }
            for line in result.residueLeftByFix { print("  left by fix \(line.prefix(60))") }
            for line in result.reportLostByFix { print("  removed by fix \(line.prefix(60))") }
        }
        let ratio = { (a: Int, b: Int) in b == 0 ? "—" : String(format: "%.3f", Double(a) / Double(b)) }
        print(
            "residue lines found: \(found)/\(residue) = \(ratio(found, residue)); report lines flagged: \(falseAlarms)/\(report) = \(ratio(falseAlarms, report)); titles right: \(titlesRight)/\(titled)"
        )
        print("after fix: residue lines left \(leftByFix)/\(residue); report lines removed or rewritten \(lostByFix)/\(report)")
    }
}
