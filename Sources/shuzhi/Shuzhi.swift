import ArgumentParser
import Foundation
import ShuzhiKit

/// Exit codes: 0 no error-severity finding, 1 at least one, 2 usage or input errors (ArgumentParser's own usage
/// errors included, which it would otherwise report as 64).
@main
struct Main {
    static func main() {
        do {
            let arguments = Array(CommandLine.arguments.dropFirst())
            var command = try Shuzhi.parsedDirectly(arguments) ?? Shuzhi.parseAsRoot(arguments)
            try command.run()
        } catch {
            let code = Shuzhi.exitCode(for: error)
            if code == .success || [1, 2, 130].contains(code.rawValue) { Shuzhi.exit(withError: error) }
            // A usage error: ArgumentParser's message and usage, then exit 2 as documented.
            FileHandle.standardError.write(Data((Shuzhi.fullMessage(for: error) + "\n").utf8))
            Foundation.exit(code == .validationFailure ? 2 : code.rawValue)
        }
    }
}

struct Shuzhi: ParsableCommand {
    static let version = "0.2.0"

    static let configuration = CommandConfiguration(
        commandName: "shuzhi",
        abstract: "述职：检查述职报告、年度工作总结 / Checks Chinese officials' annual duty reports.",
        discussion: """
            退出码 / exit codes: 0 无错误级问题 / no error-level finding; 1 有错误级问题 / errors found; 2 用法或输入错误 / usage or input error; 130 被 Ctrl-C 中断 / interrupted.
            """,
        version: version,
        subcommands: [
            CheckCommand.self, FixCommand.self, FormatCommand.self, OutlineCommand.self, MetricsCommand.self, CompareCommand.self,
            ReviewCommand.self, ServeCommand.self, CorpusCommand.self, WordsCommand.self, RulesCommand.self, EvalCommand.self,
        ],
        defaultSubcommand: nil
    )
}

extension Shuzhi {
    /// The command of an ordinary invocation (`shuzhi check report.docx`), parsed by the subcommand alone, or nil.
    /// Parsing from the root reflects every subcommand's options to see whether any passes arguments through, and
    /// each option type's first reflection scans the binary's whole protocol conformance table: about 28M
    /// instructions, more than the check of a short report's analysis (BENCHMARKS.md). Help, the version, completion
    /// scripts and any error go through the root, so that what they print is ArgumentParser's own.
    static func parsedDirectly(_ arguments: [String]) -> ParsableCommand? {
        guard let name = arguments.first,
            let subcommand = configuration.subcommands.first(where: { $0._commandName == name }),
            !arguments.contains(where: { rootOnly.contains($0) || $0.hasPrefix("--generate-completion") || $0.hasPrefix("--experimental") })
        else { return nil }
        return try? subcommand.parseAsRoot(Array(arguments.dropFirst()))
    }

    /// Arguments whose meaning depends on where they stand in the command tree.
    private static let rootOnly: Set<String> = ["help", "-h", "--help", "--version"]
}

extension CommandConfiguration {
    /// A top-level subcommand's configuration, marked as part of `shuzhi` for the one time it is parsed as a root,
    /// by `Shuzhi.parsedDirectly`: a root without a super-command first parses the arguments twice more, as the two
    /// completion-script commands (about 10M instructions of reflection), to see whether a script is asked for —
    /// which `parsedDirectly` has already ruled out. Only a root's super-command name is read elsewhere (help and
    /// usage text), and the root of every other parse is `Shuzhi`, so nothing printed changes.
    var underShuzhi: CommandConfiguration {
        var configuration = self
        configuration._superCommandName = Shuzhi.configuration.commandName
        return configuration
    }
}
