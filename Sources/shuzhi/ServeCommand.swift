import ArgumentParser
import Foundation
import ShuzhiKit
import ShuzhiServer
import ShuzhiStore

/// `shuzhi serve`: the web page for writers and reviewers, on this machine or an office server.
struct ServeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "启动本地网页：检查、审阅、语料库 / Serve the web page: check, review, corpus.",
        discussion: """
            默认只监听本机（127.0.0.1），其他机器无法访问；监听其他地址（如 0.0.0.0）必须设置访问令牌（--token 或环境变量
            SHUZHI_TOKEN），浏览器登录一次即可。报告只在内存中处理，不写入磁盘；语料库页面使用 --store 指定的语料库。
            By default only this machine can connect (127.0.0.1). Any other host needs an access token (--token or
            SHUZHI_TOKEN); browsers log in once. Reports are processed in memory and never written to disk.
            """
    ).underShuzhi

    @Option(help: "监听地址 / address to listen on") var host = "127.0.0.1"
    @Option(help: "端口（0 为任选空闲端口）/ port (0 picks a free one)") var port = 8080
    @Option(help: ArgumentHelp("访问令牌（也可用环境变量 SHUZHI_TOKEN）/ access token (or SHUZHI_TOKEN)", valueName: "token"))
    var token: String?
    @OptionGroup var store: StoreOptions
    @OptionGroup var input: InputOptions
    @OptionGroup var rules: RuleOptions

    func run() throws {
        var cache: [String: Configuration] = [:]
        let configuration: Configuration
        do { configuration = try rules.configuration(for: "-", cache: &cache) } catch let f as InputFailure {
            Terminal.error(f.message); throw ExitCode(2)
        }
        let environmentToken = ProcessInfo.processInfo.environment["SHUZHI_TOKEN"].flatMap { $0.isEmpty ? nil : $0 }
        let settings = ServerSettings(
            host: host, port: port, token: token ?? environmentToken, storeLocation: store.path,
            configuration: configuration, ingest: try input.ingestOptions())
        do { try settings.validate() } catch { Terminal.error(error.description); throw ExitCode(2) }
        Interrupt.unblock()
        let host = self.host
        do {
            try AsyncBridge.run {
                try await ShuzhiServer.run(settings) { port in
                    let shown = host.contains(":") ? "[\(host)]" : host
                    Terminal.write("Shuzhi 网页已启动：http://\(shown):\(port)/  （Ctrl-C 停止 / to stop）\n")
                }
            }
        } catch let error as StoreError {
            Terminal.error("错误：\(error)\nerror: \(error)")
            throw ExitCode(2)
        } catch {
            Terminal.error("错误：无法启动网页服务（\(error)）\nerror: cannot start the server (\(error))")
            throw ExitCode(2)
        }
    }
}
