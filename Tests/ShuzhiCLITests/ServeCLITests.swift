import Foundation
import Testing

/// `shuzhi serve` as an office runs it: refusing to start where it would be open to others without a token, answering
/// only to loopback names, refusing a large upload before reading it, writing nothing beside its store, and stopping
/// cleanly on SIGTERM.
@Suite struct ServeCLITests {
    @Test func aHostOthersCanReachWithoutATokenDoesNotStart() throws {
        let result = try CLI.run(
            ["serve", "--host", "0.0.0.0", "--port", "0", "--store", "/nonexistent/never-opened.sqlite"],
            environment: ["SHUZHI_TOKEN": ""])
        #expect(result.status == 2)
        #expect(result.stderr.contains("访问令牌") && result.stderr.contains("SHUZHI_TOKEN"))
        let weak = try CLI.run(["serve", "--host", "0.0.0.0", "--token", "123", "--store", "/nonexistent/x.sqlite"])
        #expect(weak.status == 2)
        #expect(weak.stderr.contains("至少 12 个字符"))
    }

    @Test func onlyLoopbackNamesAreServedAndNothingIsWrittenBesideTheStore() throws {
        let server = try ServedShuzhi()
        defer { server.stop() }
        let port = Int(server.url.split(separator: ":").last!.dropLast())!
        #expect(try RawHTTP.request(port: port, method: "GET", path: "/api/health").status == 200)
        #expect(try RawHTTP.request(port: port, method: "GET", path: "/api/health", host: "localhost:\(port)").status == 200)
        // A page elsewhere that rebinds its own name to 127.0.0.1 still sends its own name.
        let rebound = try RawHTTP.request(port: port, method: "GET", path: "/api/health", host: "attacker.example:\(port)")
        #expect(rebound.status == 421)
        #expect(String(decoding: rebound.body, as: UTF8.self).contains("本机地址"))
        // Too large: refused from its declared length, with a JSON message.
        let large = Data(repeating: 0x41, count: 33 * 1_048_576)
        let refused = try RawHTTP.request(port: port, method: "POST", path: "/api/check?name=big.txt", body: large)
        #expect(refused.status == 413)
        #expect(String(decoding: refused.body, as: UTF8.self).contains("过大"))
        // A check, a fix and a review later, the server's folder holds its store and nothing else.
        let report = Data("一、工作情况\n我们要再接再励,把工作做好。".utf8)
        #expect(try RawHTTP.request(port: port, method: "POST", path: "/api/check?name=../../x.txt", body: report).status == 200)
        #expect(try RawHTTP.request(port: port, method: "POST", path: "/api/fix?name=/tmp/y.txt", body: report).status == 200)
        let files = try FileManager.default.contentsOfDirectory(atPath: server.folder.path).filter { !$0.hasPrefix("corpus.sqlite") }
        #expect(files.isEmpty, "\(files)")
        #expect(!FileManager.default.fileExists(atPath: "/tmp/y.fixed.txt"))
    }

    @Test func sigtermStopsTheServerCleanly() throws {
        let server = try ServedShuzhi()
        server.process.terminate()
        server.process.waitUntilExit()
        #expect(server.process.terminationStatus == 0)
        server.stop()
    }
}
