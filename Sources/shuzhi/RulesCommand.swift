import ArgumentParser
import ShuzhiKit
import ShuzhiService

struct RulesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rules",
        abstract: "列出全部规则 / List every rule."
    ).underShuzhi

    enum Format: String, ExpressibleByArgument { case text, json, markdown }

    @Option(help: "输出格式 / output format: text, json, markdown") var format: Format = .text

    func run() {
        let rules = RuleRegistry.descriptions
        switch format {
        case .text:
            let width = rules.map(\.id.count).max() ?? 0
            for r in rules {
                var fix = r.fix.map { $0 == .safe ? "[可自动修复]" : "[可修复·需确认]" } ?? ""
                if !r.isEnabledByDefault { fix += "[默认关闭]" }
                Terminal.write(
                    "\(r.id.padding(toLength: width + 2, withPad: " ", startingAt: 0))\(r.severity.rawValue.padding(toLength: 9, withPad: " ", startingAt: 0))\(r.summary) \(fix)\n"
                )
            }
        case .json:
            Terminal.write(RuleCatalogue.json)
        case .markdown:
            Terminal.write(RulesDocumentation.markdown())
        }
    }
}
