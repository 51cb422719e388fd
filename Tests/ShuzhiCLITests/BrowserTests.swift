import Foundation
import Testing
import ShuzhiKit

/// The web page in a real headless Chromium (Debian's chromium and chromedriver), against a real `shuzhi serve`:
/// what a writer pastes is checked, the findings shown are exactly `shuzhi check --format json`'s, the fixed file
/// downloads with exactly `shuzhi fix`'s text, markup in a report stays text, and a reviewer's batch shows its table
/// and matrix. Screenshots go to .build/artifacts/ to be looked at.
@Suite(.serialized) struct BrowserTests {
    static var available: Bool { WebDriver.chromium != nil && WebDriver.chromedriver != nil }
    static let artifacts = CLI.root.appendingPathComponent(".build/artifacts")
    /// A paragraph two reports share word for word.
    static let passage = "全年实施重点项目46个，完成投资12亿元，同比增长8.5%。深入基层调研12次，形成调研报告3篇，推动解决群众急难愁盼问题27件。组织开展安全生产大检查5轮，排查整改隐患143处。"

    @Test func theBrowserIsThereWhenRequired() {
        #expect(!WebDriver.required || Self.available, "SHUZHI_REQUIRE_BROWSER=1 but chromium/chromedriver is missing")
    }

    /// Runs `body` with a served Shuzhi and a browser; both stopped whatever happens.
    func withBrowser(store: URL? = nil, _ body: (ServedShuzhi, WebDriver) async throws -> Void) async throws {
        guard Self.available else { return }
        let server = try ServedShuzhi(store: store)
        defer { server.stop() }
        let browser = try await WebDriver()
        do {
            try await body(server, browser)
            await browser.quit()
        } catch {
            await browser.quit()
            throw error
        }
    }

    @Test(.enabled(if: BrowserTests.available, "chromium and chromedriver are not installed"))
    func aPastedReportShowsTheCLIsFindingsAndDownloadsTheFixedText() async throws {
        let text = try String(contentsOf: CLI.root.appendingPathComponent(CLI.sample), encoding: .utf8)
        let cli = try CLI.run(["check", "--format", "json", CLI.sample])
        let json = try JSONSerialization.jsonObject(with: cli.stdout) as! [String: Any]
        let expected = (json["diagnostics"] as! [[String: Any]]).map { "\($0["rule"]!)@\($0["start"]!)-\($0["end"]!)" }.sorted()
        // One card per entry of the reading order (a paragraph's placeholders share one), the most important first.
        let entries = ((json["readingOrder"] as! [String: Any])["entries"] as! [[String: Any]]).map {
            ($0["indices"] as! [Int]).map(String.init).joined(separator: " ")
        }
        let folder = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let fixedByCLI = folder.appendingPathComponent("fixed.txt")
        _ = try CLI.run(["fix", CLI.sample, "-o", fixedByCLI.path])

        try await withBrowser { server, browser in
            try await browser.go(server.url + "#/check")
            try await browser.type("#check-text", text)
            try await browser.click("#check-run")
            _ = try await browser.wait(for: "return document.querySelectorAll('#finding-list .finding').length > 0")
            let cards =
                try await browser.run(
                    "return Array.from(document.querySelectorAll('#finding-list .finding')).map(e => e.dataset.indices)") as? [String] ?? []
            #expect(cards.sorted() == entries.sorted())
            #expect(cards.first == entries.first)
            #expect(entries.count < expected.count, "the sample's placeholders are gathered per paragraph")
            let shown =
                try await browser.run(
                    """
                    const d = check.result.diagnostics;
                    return Array.from(document.querySelectorAll('#finding-list .finding'))
                      .flatMap(e => e.dataset.indices.split(' ').map(i => d[i].rule + '@' + d[i].start + '-' + d[i].end))
                    """) as? [String] ?? []
            #expect(shown.sorted() == expected)
            #expect(expected.count > 10)
            let headline = try await browser.run("return document.querySelector('#check-summary .headline').textContent") as? String
            #expect(headline == (json["readingOrder"] as! [String: Any])["headline"] as? String)
            // Every finding is highlighted in the text, in its family's colour.
            let marked =
                try await browser.run(
                    """
                    const ids = new Set(); for (const m of document.querySelectorAll('#report-text mark')) m.dataset.ids.split(' ').forEach(i => ids.add(i));
                    return ids.size
                    """) as? Int
            #expect(marked == expected.count)
            let typoMark = try await browser.run("return !!document.querySelector('#report-text mark.fam-typo')") as? Bool
            #expect(typoMark == true)
            // The page as it shows the result is the text we pasted.
            let pageText =
                try await browser.run("return Array.from(document.querySelectorAll('#report-text p')).map(p => p.textContent).join('\\n')")
                as? String
            #expect(pageText == text)

            // Keyboard: J selects the first finding.
            try await browser.run("document.activeElement.blur()")
            try await browser.press("j")
            let current =
                try await browser.wait(
                    for: "return document.querySelector('.finding.current') && document.querySelector('.finding.current').dataset.index")
                as? String
            #expect(current == "0")
            try await browser.screenshot(to: Self.artifacts.appendingPathComponent("check-page.png"))

            try await browser.click("[data-download=text]")
            let file = try #require(try await browser.downloaded())
            // Pasted text is named by its title, not "粘贴的文本".
            #expect(file.lastPathComponent == "2023年度个人述职述廉报告.fixed.txt")
            #expect(try Data(contentsOf: file) == Data(contentsOf: fixedByCLI))
            try FileManager.default.removeItem(at: file)

            // I ignores the current finding: the summary counts it, and the JSON download carries the choice.
            try await browser.press("i")
            let choices = try await browser.wait(
                for: "const c = document.getElementById('check-choices'); return c && c.textContent")
            #expect(choices as? String == "；已接受 0 处，已忽略 1 处，待处理 \(expected.count - 1) 处")
            try await browser.click("[data-download=json]")
            let saved = try #require(try await browser.downloaded())
            let report = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: saved)) as? [String: Any])
            let states = (report["diagnostics"] as? [[String: Any]] ?? []).map { $0["state"] as? String ?? "" }
            #expect(states.first == "ignored" && states.dropFirst().allSatisfy { $0.isEmpty })
            #expect((report["choices"] as? [String: Int]) == ["accepted": 0, "ignored": 1, "open": expected.count - 1])
        }
    }

    @Test(.enabled(if: BrowserTests.available, "chromium and chromedriver are not installed"))
    func markupInAReportIsShownAsTextAndNeverRun() async throws {
        let hostile = """
            一、<script>document.title='pwned-script'</script>工作情况
            "><img src=x onerror="document.title='pwned-img'">我们要再接再励,<b>加粗</b>。
            """
        try await withBrowser { server, browser in
            try await browser.go(server.url + "#/check")
            try await browser.type("#check-text", hostile)
            try await browser.click("#check-run")
            _ = try await browser.wait(for: "return document.querySelectorAll('#finding-list .finding').length > 0")
            try await Task.sleep(for: .milliseconds(500))
            #expect(try await browser.run("return document.title") as? String == "述职报告检查 · Shuzhi")
            #expect(
                try await browser.run("return document.querySelectorAll('#report-text script, #report-text img, #report-text b').length")
                    as? Int == 0)
            let shown = try await browser.run("return document.getElementById('report-text').textContent") as? String ?? ""
            #expect(shown.contains("<script>document.title='pwned-script'</script>"))
            #expect(shown.contains("<img src=x onerror="))
        }
    }

    @Test(.enabled(if: BrowserTests.available, "chromium and chromedriver are not installed"))
    func aBatchShowsItsTableMatrixAndOpensAReport() async throws {
        let folder = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let shared = Self.passage
        let texts = [
            "2024年述职报告\n一、工作情况\n一年来，" + shared,
            "2024年述职报告\n一、工作情况\n今年以来，" + shared,
            "2024年个人总结\n一、主要工作\n牵头修订财务管理制度7项，压减一般性支出1800万元。新建农村公路38公里，改造危桥4座，完成农村饮水安全巩固提升工程覆盖2.1万人。",
        ]
        var paths: [String] = []
        for (i, t) in texts.enumerated() {
            let url = folder.appendingPathComponent("报告\(i + 1).txt")
            try t.write(to: url, atomically: true, encoding: .utf8)
            paths.append(url.path)
        }
        try await withBrowser { server, browser in
            try await browser.go(server.url + "#/review")
            try await browser.type("#review-files", paths.joined(separator: "\n"))
            try await browser.click("#review-run")
            _ = try await browser.wait(for: "return !document.getElementById('review-result').hidden")
            let rows = try await browser.run("return document.querySelectorAll('#review-table tbody tr').length") as? Int
            #expect(rows == 3)
            let clusters = try await browser.run("return document.getElementById('review-clusters').textContent") as? String
            #expect(clusters == "第 1 组：1、2")
            try await browser.screenshot(to: Self.artifacts.appendingPathComponent("review-page.png"))
            let sheetsURL = try #require(try await browser.run("return document.getElementById('review-sheets').href") as? String)
            for (link, name) in [("#review-csv", "审阅结果.csv"), ("#review-html", "审阅结果.html")] {
                try await browser.click(link)
                let file = try #require(try await browser.downloaded(), "\(link)")
                let size = try Data(contentsOf: file).count
                #expect(file.lastPathComponent == name && size > 100)
                try FileManager.default.removeItem(at: file)
            }
            // Open the second report in the check page.
            try await browser.click("#review-table tbody tr:nth-child(2) a")
            _ = try await browser.wait(
                for:
                    "return !document.getElementById('view-check').hidden && document.getElementById('check-summary').textContent.includes('报告2.txt')"
            )
            // The reviewer's sheets, to print: the ranking, then a page for each report.
            try await browser.go(sheetsURL)
            let sheets = try await browser.wait(for: "const n = document.querySelectorAll('section.sheet').length; return n > 0 && n")
            #expect(sheets as? Int == 3)
            // Its own styles apply (the server lets this page, and only this one, use inline styles, and no script).
            let border = try await browser.run("return getComputedStyle(document.querySelector('td')).borderTopStyle") as? String
            #expect(border == "solid")
            try await browser.screenshot(to: Self.artifacts.appendingPathComponent("review-sheets.png"))
        }
    }

    /// A report checked against the store: the similarity tab names the stored source by its title and number, and
    /// the store's page says which kind of store it is, never its path on the server.
    @Test(.enabled(if: BrowserTests.available, "chromium and chromedriver are not installed"))
    func theSimilarityTabNamesItsSourcesAndTheStorePageHidesItsPath() async throws {
        let folder = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let passage = Self.passage
        let stored = folder.appendingPathComponent("张三述职.txt")
        try ("2023年度述职报告\n一、工作情况\n" + passage).write(to: stored, atomically: true, encoding: .utf8)
        let store = folder.appendingPathComponent("corpus.sqlite")
        #expect(try CLI.run(["corpus", "add", stored.path, "--store", store.path]).status == 0)
        try await withBrowser(store: store) { server, browser in
            try await browser.go(server.url + "#/check")
            try await browser.type("#check-text", "2024年度述职报告\n一、主要工作\n一年来，" + passage)
            try await browser.click("#check-corpus")
            try await browser.click("#check-run")
            _ = try await browser.wait(for: "return document.querySelectorAll('#finding-list .finding').length > 0")
            try await browser.click("#tab-similarity")
            let heading = try await browser.wait(for: "const h = document.querySelector('#pane-similarity h3'); return h && h.textContent")
            #expect(heading as? String == "《2023年度述职报告》（语料库第 1 号）")
            try await browser.screenshot(to: Self.artifacts.appendingPathComponent("similarity-tab.png"))
            try await browser.go(server.url + "#/corpus")
            let stats = try await browser.wait(
                for: "const t = document.getElementById('corpus-stats').textContent; return t.length > 0 && t")
            #expect((stats as? String)?.hasPrefix("语料库（SQLite）：1 份文档") == true, "\(String(describing: stats))")
            #expect((stats as? String)?.contains(folder.path) == false)
        }
    }

    /// Every view at a desktop's, a laptop's and a phone's width: screenshots saved to be looked at, and what breaks a
    /// layout asserted — the page never scrolls sideways (wide tables scroll in their own box), the three views'
    /// links stay on screen, and the batch table's headers never wrap a character a line.
    @Test(.enabled(if: BrowserTests.available, "chromium and chromedriver are not installed"))
    func everyViewFitsADesktopALaptopAndAPhone() async throws {
        let folder = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        var paths: [String] = []
        for i in 1...6 {
            let url = folder.appendingPathComponent("第\(i)位同志的\(2020 + i)年度述职述廉述学述法报告.txt")
            try ("\(2020 + i)年度述职述廉述学述法报告\n一、工作情况\n一年来，" + (i % 2 == 0 ? Self.passage : "牵头修订财务管理制度\(i)项。"))
                .write(to: url, atomically: true, encoding: .utf8)
            paths.append(url.path)
        }
        let sample = try String(contentsOf: CLI.root.appendingPathComponent(CLI.sample), encoding: .utf8)
        try await withBrowser { server, browser in
            try await browser.go(server.url + "#/review")
            try await browser.type("#review-files", paths.joined(separator: "\n"))
            try await browser.click("#review-run")
            _ = try await browser.wait(for: "return !document.getElementById('review-result').hidden")
            try await browser.go(server.url + "#/check")
            try await browser.type("#check-text", sample)
            try await browser.click("#check-run")
            _ = try await browser.wait(for: "return document.querySelectorAll('#finding-list .finding').length > 0")
            for (width, height) in [(1440, 900), (1366, 768), (390, 844)] {
                try await browser.resize(width: width, height: height)
                for view in ["check", "review", "corpus"] {
                    try await browser.go(server.url + "#/" + view)
                    _ = try await browser.wait(for: "return !document.getElementById('view-\(view)').hidden")
                    try await Task.sleep(for: .milliseconds(200))
                    let layout =
                        try await browser.run(
                            """
                            const links = Array.from(document.querySelectorAll('.top nav a')).map(a => a.getBoundingClientRect());
                            const headers = Array.from(document.querySelectorAll('#review-table th')).map(th => th.getBoundingClientRect().height);
                            return [document.documentElement.scrollWidth - window.innerWidth,
                                    Math.max(0, ...links.map(r => r.right - window.innerWidth)),
                                    Math.max(0, ...headers)]
                            """) as? [Double] ?? []
                    #expect(layout.count == 3 && layout[0] <= 1, "\(view) at \(width) px scrolls sideways by \(layout)")
                    #expect(layout.count == 3 && layout[1] <= 0, "\(view) at \(width) px: a view link is off screen")
                    #expect(layout.count == 3 && layout[2] < 45, "\(view) at \(width) px: a batch table header wraps (\(layout))")
                    try await browser.screenshot(to: Self.artifacts.appendingPathComponent("\(view)-\(width)x\(height).png"))
                }
            }
        }
    }

    /// The word list taught from a finding's card: the check runs again without it, the store page lists it, the
    /// export holds it, and removing it there brings the finding back.
    @Test(.enabled(if: BrowserTests.available, "chromium and chromedriver are not installed"))
    func aWordTaughtOnACardIsHonouredListedAndRemoved() async throws {
        let report = "2024年度述职报告\n一、主要工作\n一年来，我认真落实营商环境的布署，推进项目建设。\n"
        try await withBrowser { server, browser in
            try await browser.go(server.url + "#/check")
            try await browser.type("#check-text", report)
            try await browser.click("#check-run")
            _ = try await browser.wait(
                for: "return document.querySelectorAll('#finding-list .finding[data-rule=\"typo.char\"]').length === 1")
            // The card names the family, not the rule id (that is in a hover), and offers the word list.
            let label =
                try await browser.run("return document.querySelector('.finding[data-rule=\"typo.char\"] .rule').textContent") as? String
            #expect(label?.contains("错别字") == true && label?.contains("typo.char") == false)
            try await browser.click(".finding[data-rule=\"typo.char\"] button.teach")
            _ = try await browser.wait(
                for: "return document.getElementById('check-status').textContent.includes('已加入本单位词库：布署')")
            let left =
                try await browser.run("return document.querySelectorAll('#finding-list .finding[data-rule=\"typo.char\"]').length") as? Int
            #expect(left == 0)

            try await browser.go(server.url + "#/corpus")
            let listed = try await browser.wait(
                for: "const c = document.querySelector('#words-table tbody td'); return c && c.textContent")
            #expect(listed as? String == "布署")
            try await browser.screenshot(to: Self.artifacts.appendingPathComponent("word-list.png"))
            try await browser.click("#words-export")
            let exported = try #require(try await browser.downloaded())
            #expect(try String(contentsOf: exported, encoding: .utf8) == "布署\n")
            try await browser.click("#words-table tbody button")
            _ = try await browser.wait(for: "return document.querySelectorAll('#words-table tbody tr').length === 0")

            try await browser.go(server.url + "#/check")
            try await browser.click("#check-run")
            _ = try await browser.wait(
                for: "return document.querySelectorAll('#finding-list .finding[data-rule=\"typo.char\"]').length === 1")
        }
    }

    /// A writer's Word round trip in the page: the .docx chosen as a file, every tab shown, a family filtered out and
    /// back, a fix accepted with A, and each Word download — commented, tracked and laid out — named after the file.
    @Test(.enabled(if: BrowserTests.available, "chromium and chromedriver are not installed"))
    func aWordReportGoesThroughEveryTabFilterAndDownload() async throws {
        let folder = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let word = folder.appendingPathComponent("述职报告.docx")
        try FileManager.default.copyItem(at: CLI.root.appendingPathComponent("Tests/ShuzhiKitTests/Fixtures/report.docx"), to: word)
        try await withBrowser { server, browser in
            try await browser.go(server.url + "#/check")
            try await browser.type("#check-file", word.path)
            try await browser.click("#check-run")
            _ = try await browser.wait(for: "return document.querySelectorAll('#finding-list .finding').length > 0")
            for (tab, pane) in [("#tab-outline", "pane-outline"), ("#tab-metrics", "pane-metrics"), ("#tab-similarity", "pane-similarity")]
            {
                try await browser.click(tab)
                let text = try await browser.wait(
                    for:
                        "const p = document.getElementById('\(pane)'); return !p.hidden && p.textContent.trim().length > 0 && p.textContent"
                )
                #expect((text as? String)?.isEmpty == false, "\(pane)")
                try await browser.screenshot(to: Self.artifacts.appendingPathComponent("\(pane).png"))
            }
            try await browser.click("#tab-findings")
            let summary = try await browser.run("return document.getElementById('check-summary').textContent") as? String ?? ""
            #expect(summary.hasPrefix("述职报告.docx：共") && !summary.contains("null") && !summary.contains("undefined"), "\(summary)")
            // A family's chip hides its cards, and brings them back.
            let family = try #require(try await browser.run("return document.querySelector('#filter-family label').textContent") as? String)
            let before = try await browser.run("return document.querySelectorAll('#finding-list .finding').length") as? Int ?? 0
            try await browser.click("#filter-family input")
            let after = try await browser.run("return document.querySelectorAll('#finding-list .finding').length") as? Int ?? 0
            #expect(after < before, "\(family)")
            try await browser.click("#filter-family input")
            #expect(try await browser.run("return document.querySelectorAll('#finding-list .finding').length") as? Int == before)
            // A: the current finding's fix is accepted, and the summary counts it.
            let fixable = try #require(
                try await browser.run(
                    "const c = Array.from(document.querySelectorAll('#finding-list .finding')).find(e => e.querySelector('.actions button').textContent.startsWith('接受')); return c && c.dataset.index"
                ) as? String)
            try await browser.click(".finding[data-index=\"\(fixable)\"] .rule")
            try await browser.press("a")
            _ = try await browser.wait(
                for: "return document.querySelector('.finding[data-index=\"\(fixable)\"]').classList.contains('accepted')")
            #expect(
                (try await browser.run("return document.getElementById('check-choices').textContent") as? String)?.contains("已接受 1 处")
                    == true)
            for (download, name) in [
                ("annotated", "述职报告.annotated.docx"), ("tracked", "述职报告.fixed.docx"), ("format", "述职报告.formatted.docx"),
            ] {
                try await browser.click("[data-download=\(download)]")
                let file = try #require(try await browser.downloaded(), "\(download)")
                #expect(file.lastPathComponent == name)
                #expect(try Ingest.document(from: Array(try Data(contentsOf: file)), name: name).text.isEmpty == false)
                try FileManager.default.removeItem(at: file)
            }
        }
    }

}
