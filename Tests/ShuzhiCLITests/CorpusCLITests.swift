import Foundation
import Testing
import ShuzhiKit
import ShuzhiStore
import ShuzhiTestSupport

/// `shuzhi corpus` end to end, and what a kill in the middle of `corpus add` leaves behind.
@Suite struct CorpusCLITests {
    /// Reports of made-up text, different from each other (each a stream of Han characters from its own seed).
    static func writeReports(_ count: Int, characters: Int, to dir: URL) throws {
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        for n in 0..<count {
            var x = UInt64(n + 1) &* 0x9E37_79B9_7F4A_7C15
            var text = "2023年述职报告\n"
            for i in 0..<characters {
                x = x &* 6364136223846793005 &+ 1442695040888963407
                text.unicodeScalars.append(Unicode.Scalar(0x4E00 + UInt32((x >> 33) % 5000))!)
                if i % 60 == 59 { text += "。\n" }
            }
            try text.write(to: dir.appendingPathComponent(String(format: "r%04d.txt", n)), atomically: true, encoding: .utf8)
        }
    }

    /// `shuzhi words`: taught once, honoured by check and fix (which read the store's list whenever a store is
    /// there), listed with the folder's .shuzhi.toml words, exported, removed.
    @Test func theWordListIsTaughtHonouredListedExportedAndRemoved() throws {
        let dir = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let store = dir.appendingPathComponent("corpus.sqlite").path
        let report = dir.appendingPathComponent("报告.txt")
        try "2024年度述职报告\n一年来，我认真落实营商环境的布署，推进稳钢稳岗。\n".write(to: report, atomically: true, encoding: .utf8)
        try "[words]\nallow = [\"稳钢\"]\n".write(to: dir.appendingPathComponent(".shuzhi.toml"), atomically: true, encoding: .utf8)
        let typos = { () throws -> Int in
            let r = try CLI.run(["check", report.path, "--store", store, "--format", "json"])
            return ((try r.json() as? [String: Any])?["diagnostics"] as? [[String: Any]] ?? []).count {
                ($0["family"] as? String) == "typo"
            }
        }
        #expect(try typos() == 1)
        let add = try CLI.run(["words", "add", "布署", "--note", "本局提法", "--store", store])
        #expect(add.status == 0 && add.stderr.contains("已加入 1 个词"), "\(add.stderr)")
        #expect(try typos() == 0)
        // Fix honours it too: nothing left to fix, so nothing is written.
        let fix = try CLI.run(["fix", report.path, "--unsafe", "--store", store])
        #expect(fix.stderr.contains("没有可自动修复的问题"), "\(fix.stderr)")
        let list = try CLI.run(["words", "list", "--store", store, "--folder", dir.path])
        #expect(list.out.contains("布署\t语料库\t本局提法") && list.out.contains("稳钢\t"), "\(list.out)")
        let exported = dir.appendingPathComponent("词库.txt")
        #expect(try CLI.run(["words", "export", "-o", exported.path, "--store", store, "--folder", dir.path]).status == 0)
        #expect(try String(contentsOf: exported, encoding: .utf8) == "布署\n稳钢\n")
        #expect(try CLI.run(["words", "remove", "布署", "--store", store]).status == 0)
        let missing = try CLI.run(["words", "remove", "稳钢", "--store", store])
        #expect(missing.status == 1 && missing.stderr.contains(".shuzhi.toml"))
        #expect(try typos() == 1)
        #expect(try CLI.run(["words", "add", String(repeating: "长", count: 41), "--store", store]).status == 2)
    }

    @Test func addListShowRemoveStats() throws {
        let dir = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let store = dir.appendingPathComponent("s/corpus.sqlite").path
        try Self.writeReports(3, characters: 800, to: dir.appendingPathComponent("in"))
        let add = try CLI.run(["corpus", "add", dir.appendingPathComponent("in").path, "--store", store, "--author", "李四", "--tag", "试点"])
        #expect(add.status == 0, "\(add.stderr)")
        #expect(add.out.components(separatedBy: "已加入").count - 1 == 3)
        // Re-adding is recognised, not duplicated; a template is added with its kind.
        let again = try CLI.run(["corpus", "add", dir.appendingPathComponent("in/r0001.txt").path, "--store", store])
        #expect(again.status == 0 && again.out.contains("已存在 #2"))
        let list = try CLI.run(["corpus", "list", "--store", store])
        #expect(list.out.contains("共 3 份") && list.out.contains("\t李四\t"))
        let show = try CLI.run(["corpus", "show", "2", "--store", store])
        #expect(show.status == 0 && show.out.contains("标签：试点") && show.out.contains("年度：2023"))
        #expect(try CLI.run(["corpus", "remove", "2", "--store", store]).status == 0)
        #expect(try CLI.run(["corpus", "remove", "2", "--store", store]).status == 2)
        #expect(try CLI.run(["corpus", "show", "2", "--store", store]).status == 2)
        let stats = try CLI.run(["corpus", "stats", "--store", store])
        #expect(stats.out.contains("文档：2（report 2"))
        // A store that is not a database, and a file that does not exist: clear messages, exit 2.
        let bogus = dir.appendingPathComponent("bogus.sqlite")
        try Data(repeating: 0x41, count: 4096).write(to: bogus)
        let bad = try CLI.run(["corpus", "list", "--store", bogus.path])
        #expect(bad.status == 2 && bad.stderr.contains("无法打开语料库"))
        #expect(try CLI.run(["corpus", "add", dir.appendingPathComponent("无.txt").path, "--store", store]).status == 2)
    }

    /// `corpus add` killed with SIGKILL part-way through a folder: every document in the store has all its
    /// fingerprints, none has a fingerprint left without its document, and adding the folder again completes it.
    @Test(arguments: Backend.available) func aKilledAddLeavesTheStoreConsistent(_ backend: Backend) async throws {
        let count = 400
        let (dir, input, store) = try await Self.reportsAndStore(count, backend)
        defer { try? FileManager.default.removeItem(at: dir) }

        let process = Process()
        process.executableURL = CLI.binary
        process.arguments = ["corpus", "add", input.path, "--store", store]
        let log = dir.appendingPathComponent("out.txt")
        _ = FileManager.default.createFile(atPath: log.path, contents: nil)
        let out = try FileHandle(forWritingTo: log)
        process.standardOutput = out
        process.standardError = FileHandle.nullDevice
        try process.run()
        // Wait until some documents are in (a line each on standard output), then kill without warning.
        let deadline = Date().addingTimeInterval(60)
        while Date() < deadline {
            // Blocking on purpose: a suspended task could wait for a busy test thread while the child finishes.
            usleep(10_000)
            let lines = (try? String(contentsOf: log, encoding: .utf8))?.components(separatedBy: "已加入").count ?? 0
            if lines > 10 { break }
        }
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        try out.close()
        #expect(process.terminationReason == .uncaughtSignal)

        let stored = try await Self.check(store)
        #expect(stored > 0 && stored < count, "killed after \(stored) of \(count)")
        let rerun = try CLI.run(["corpus", "add", input.path, "--store", store])
        #expect(rerun.status == 0)
        #expect(rerun.out.components(separatedBy: "已存在").count - 1 == stored)
        #expect(try await Self.check(store) == count)
    }

    /// Ctrl-C typed during `corpus add` on a terminal: progress was shown, the add stops after the document in hand
    /// (exit 130), the store is consistent and holds only whole documents, and adding again completes it.
    @Test(arguments: Backend.available) func ctrlCDuringAnAddStopsCleanly(_ backend: Backend) async throws {
        let count = 300
        let (dir, input, store) = try await Self.reportsAndStore(count, backend)
        defer { try? FileManager.default.removeItem(at: dir) }
        let (status, shown) = try CLI.interruptOnTerminal(
            ["corpus", "add", input.path, "--store", store], when: "加入语料库 10/",
            log: dir.appendingPathComponent("tty.txt"))
        #expect(status == 130 && shown.contains("已中断") && shown.contains("份/秒"), "\(status) \(shown.suffix(300))")
        let stored = try await Self.check(store)
        #expect(stored >= 10 && stored < count, "stopped after \(stored) of \(count)")
        #expect(try CLI.run(["corpus", "add", input.path, "--store", store]).status == 0)
        #expect(try await Self.check(store) == count)
    }

    /// A temporary folder with `count` reports of 6,000 characters in `in/`, and a new store.
    static func reportsAndStore(_ count: Int, _ backend: Backend) async throws -> (dir: URL, input: URL, store: String) {
        let dir = try CLI.temporaryDirectory()
        let input = dir.appendingPathComponent("in")
        try writeReports(count, characters: 6000, to: input)
        return (dir, input, try await backend.newLocation())
    }

    /// The store's own verification (integrity, orphans, counts) passes, `corpus verify` agrees, and each stored
    /// document's fingerprints are those of its text; returns how many documents it holds.
    static func check(_ location: String) async throws -> Int {
        let store = try await CorpusStores.open(location)
        let problems = try await store.verify()
        #expect(problems.isEmpty, "\(problems)")
        let documents = try await store.documents()
        for document in documents {
            let body = try await store.text(of: document.id) ?? ""
            let prints = Winnowing.fingerprints(ComparableText(Array(body.unicodeScalars)))
            #expect(document.fingerprints == prints.count)
            let stored = try await store.occurrences(of: prints.map(\.hash)).filter { $0.document == document.id }
            #expect(stored.count == prints.count)
        }
        try await store.close()
        #expect(try CLI.run(["corpus", "verify", "--store", location]).status == 0)
        return documents.count
    }
}
