import Foundation
import Testing
@testable import ShuzhiKit

/// `shuzhi format` rendered by a real LibreOffice and measured from the PDF's text positions (poppler's
/// `pdftotext -bbox-layout`) and its pixels (`pdftoppm`), not by eye: 22 lines of 28 characters on a full page, the margins within 1 mm, page
/// numbers right on odd and left on even pages.
@Suite struct FormatCLITests {
    /// A report of several pages: title, name line, headings of two levels, a run-in heading, long paragraphs.
    static func report() -> String {
        var random = CopyBenchmark.SplitMix(seed: 9704)
        func sentence(_ n: Int) -> String {
            String(String.UnicodeScalarView((0..<n).map { _ in Unicode.Scalar(0x4E00 + UInt32(random.next() % 2000))! })) + "。"
        }
        func paragraph() -> String { (0..<6).map { _ in sentence(15 + Int(random.next() % 26)) }.joined() }
        var lines = ["2024年度述职报告", "某某县发展和改革局局长 张三", "一、加强理论学习"]
        lines += (0..<4).map { _ in paragraph() }
        lines.append("（一）坚持学习制度化")
        lines += (0..<4).map { _ in paragraph() }
        lines.append("二、履职尽责。" + (0..<5).map { _ in sentence(30) }.joined())
        lines += (0..<8).map { _ in paragraph() }
        return lines.joined(separator: "\n") + "\n"
    }

    struct Line {
        let page: Int
        let xMin: Double, yMin: Double, xMax: Double, yMax: Double
        let text: String
    }

    /// Every text line of the PDF with its box, in points from the page's top left.
    static func lines(_ pdf: URL) throws -> [Line] {
        let out = pdf.deletingPathExtension().appendingPathExtension("html")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/pdftotext")
        process.arguments = ["-bbox-layout", pdf.path, out.path]
        try process.run()
        process.waitUntilExit()
        let html = try String(contentsOf: out, encoding: .utf8)
        var result: [Line] = []
        for (p, page) in html.components(separatedBy: "<page ").dropFirst().enumerated() {
            for chunk in page.components(separatedBy: "<line ").dropFirst() {
                func number(_ name: String) -> Double {
                    guard let r = chunk.range(of: name + "=\"") else { return .nan }
                    return Double(chunk[r.upperBound...].prefix { $0 != "\"" }) ?? .nan
                }
                let words = chunk.components(separatedBy: "<word ").dropFirst().compactMap { w -> String? in
                    guard let s = w.firstIndex(of: ">"), let e = w.range(of: "</word>") else { return nil }
                    return String(w[w.index(after: s)..<e.lowerBound])
                }
                result.append(
                    Line(
                        page: p + 1, xMin: number("xMin"), yMin: number("yMin"), xMax: number("xMax"), yMax: number("yMax"),
                        text: words.joined()))
            }
        }
        return result
    }

    static let mm = 72 / 25.4

    /// One page rendered by `pdftoppm -gray -r 72` as a binary PGM: width, height and 8-bit grey pixels.
    static func page(_ n: Int, of pdf: URL) throws -> (width: Int, height: Int, pixels: [UInt8]) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/pdftoppm")
        process.arguments = ["-gray", "-r", "72", "-f", "\(n)", "-l", "\(n)", pdf.path]
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let data = [UInt8](pipe.fileHandleForReading.readDataToEndOfFile())
        process.waitUntilExit()
        // "P5 <width> <height> <max>" and one byte per pixel after a single whitespace.
        var fields: [Int] = [], i = 2, current = ""
        while fields.count < 3 && i < data.count {
            let c = Character(Unicode.Scalar(data[i]))
            if c.isNumber { current.append(c) } else if !current.isEmpty { fields.append(Int(current)!); current = "" }
            i += 1
        }
        guard fields.count == 3, data.starts(with: Array("P5".utf8)) else { return (0, 0, []) }
        return (fields[0], fields[1], Array(data[i...]))
    }

    @Test(.enabled(if: LibreOffice.executable != nil, "LibreOffice (soffice) is not installed"))
    func aFullPageHas22LinesOf28CharactersInsideTheStandardsMargins() throws {
        let dir = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let input = dir.appendingPathComponent("report.txt")
        try Self.report().write(to: input, atomically: true, encoding: .utf8)
        let output = dir.appendingPathComponent("report.docx")
        #expect(try CLI.run(["format", input.path, "-o", output.path]).status == 0)
        let pdf = try #require(try LibreOffice.pdf(output), "LibreOffice could not open the formatted file")
        let all = try Self.lines(pdf)
        let pages = Set(all.map(\.page)).count
        #expect(pages >= 4, "\(pages) pages")
        let isFooter = { (l: Line) in l.text.hasPrefix("—") && l.text.hasSuffix("—") }
        // Full pages: all but the first (title) and the last (may be short).
        for page in 2..<pages {
            let body = all.filter { $0.page == page && !isFooter($0) }
            #expect(body.count == 22, "page \(page): \(body.count) lines")
            // 28 characters a line; a full stop may hang past the edge (行尾点号悬挂, as Chinese typesetting allows:
            // LibreOffice hangs it whatever overflowPunct says; Word honours overflowPunct and does not).
            let hanging = { (l: Line) in
                l.text.unicodeScalars.last.map { "。，、；：？！”".unicodeScalars.contains($0) } == true && l.xMax > (210 - 26 + 1) * Self.mm
            }
            let characters = body.map { $0.text.unicodeScalars.count - (hanging($0) ? 1 : 0) }
            #expect(characters.max() == 28, "page \(page): \(characters)")
            // Left 28 mm, right 26 mm (a full line reaches the type area's right edge), top 37 mm, bottom 35 mm.
            let left = body.map(\.xMin).min()! / Self.mm, right = 210 - body.filter { !hanging($0) }.map(\.xMax).max()! / Self.mm
            let top = body.map(\.yMin).min()! / Self.mm, bottom = 297 - body.map(\.yMax).max()! / Self.mm
            #expect(abs(left - 28) <= 1 && abs(right - 26) <= 1, "page \(page): left \(left) mm, right \(right) mm")
            // Glyphs sit inside their 28.95 pt line boxes: the first starts within one line of the top margin, the
            // last ends above the bottom margin.
            #expect(top >= 37 - 1 && top <= 37 + 10.2, "page \(page): top \(top) mm")
            #expect(bottom >= 35 - 1, "page \(page): bottom \(bottom) mm")
            // The page number: "— n —", its line 7 mm under the type area, one character (4号, 14 pt) in from the
            // right edge on odd pages and from the left edge on even ones.
            let footer = try #require(all.first { $0.page == page && isFooter($0) }, "page \(page): no page number")
            #expect(footer.text == "—\(page)—")
            #expect(abs(footer.yMin / Self.mm - (297 - 35 + 7)) <= 1.5, "page \(page): number at \(footer.yMin / Self.mm) mm")
            if page % 2 == 0 {
                #expect(abs(footer.xMin / Self.mm - (28 + 14 / Self.mm)) <= 1, "page \(page): number at x \(footer.xMin / Self.mm) mm")
            } else {
                #expect(
                    abs(210 - footer.xMax / Self.mm - (26 + 14 / Self.mm)) <= 1,
                    "page \(page): number ends \(210 - footer.xMax / Self.mm) mm from the edge")
            }
        }
        // The same page as an image (poppler's pdftoppm, 72 dpi grey): A4, and ink starts at the left and top margins.
        let image = try Self.page(2, of: pdf)
        // 595.3 × 841.9 pt, rounded
        #expect(abs(image.width - 595) <= 1 && abs(image.height - 842) <= 1, "\(image.width) × \(image.height)")
        let inked = { (x: Int, y: Int) in image.pixels[y * image.width + x] < 128 }
        let typeArea = Int(262 * Self.mm)  // above the page number
        let columns = (0..<image.width).filter { x in (0..<typeArea).contains { inked(x, $0) } }
        let rows = (0..<typeArea).filter { y in (0..<image.width).contains { inked($0, y) } }
        #expect(abs(Double(columns.first ?? 0) / Self.mm - 28) <= 1, "ink from x = \(Double(columns.first ?? 0) / Self.mm) mm")
        #expect(Double(rows.first ?? 0) / Self.mm >= 37 - 1, "ink from y = \(Double(rows.first ?? 0) / Self.mm) mm")
        // The title is centred on page 1, the headings come out as lines of their own.
        let title = try #require(all.first { $0.page == 1 })
        #expect(title.text == "2024年度述职报告" && abs((title.xMin + title.xMax) / 2 / Self.mm - (28 + 78)) <= 1)
        #expect(all.contains { $0.text == "一、加强理论学习" } && all.contains { $0.text == "（一）坚持学习制度化" })
    }

    @Test func stylesNameTheStandardsFontsAndTheHeadingsUseThem() throws {
        let document = try Ingest.document(from: Array(Self.report().utf8), name: "r.txt")
        let archive = try ZipArchive(DocxFormatter.format(Analysis(document)))
        func part(_ name: String) throws -> String {
            String(decoding: try archive.data(of: try #require(archive.entry(named: name)), limit: 1 << 24), as: UTF8.self)
        }
        let styles = try part("word/styles.xml"), main = try part("word/document.xml"), settings = try part("word/settings.xml")
        for (id, font) in [("Title", "方正小标宋简体"), ("Heading1", "黑体"), ("Heading2", "楷体_GB2312"), ("Normal", "仿宋_GB2312")] {
            let style = try #require(styles.components(separatedBy: "w:styleId=\"\(id)\"").dropFirst().first)
            #expect(
                style.prefix(while: { $0 != "/" || true }).contains("w:eastAsia=\"\(font)\"")
                    && style.contains("w:ascii=\"Times New Roman\""), "\(id)")
        }
        #expect(main.contains("<w:pStyle w:val=\"Heading1\"/></w:pPr><w:r><w:t xml:space=\"preserve\">一、加强理论学习</w:t>"))
        #expect(main.contains("<w:pStyle w:val=\"Heading2\"/></w:pPr><w:r><w:t xml:space=\"preserve\">（一）坚持学习制度化</w:t>"))
        // The run-in heading: its words in the heading's font, the rest in the body's.
        #expect(main.contains("<w:rStyle w:val=\"Heading1Char\"/></w:rPr><w:t xml:space=\"preserve\">二、履职尽责。</w:t>"))
        #expect(
            main.contains("<w:pgSz w:w=\"11906\" w:h=\"16838\"/>")
                && main.contains("w:top=\"2098\" w:right=\"1474\" w:bottom=\"1984\" w:left=\"1587\""))
        #expect(settings.contains("<w:evenAndOddHeaders/>") && styles.contains("<w:kinsoku w:val=\"1\"/>"))
    }

    /// The sample as a writer downloaded it: the site's lines above the title and its notes are left out, the title
    /// is the report's own, 述职人 and the date end it set right, and the marking lines head it when given.
    @Test(.enabled(if: LibreOffice.executable != nil, "LibreOffice (soffice) is not installed"))
    func theReportsOwnTitleItsClosingLinesAndTheMarkingWhenGiven() throws {
        let dir = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let output = dir.appendingPathComponent("排版.docx")
        let r = try CLI.run([
            "format", CLI.sample, "-o", output.path, "--copy-number", "000001", "--secrecy", "秘密★1年", "--document-number", "X发改〔2024〕1号",
        ])
        #expect(r.status == 0, "\(r.stderr)")
        let archive = try ZipArchive(Array(try Data(contentsOf: output)))
        let main = String(
            decoding: try archive.data(of: try #require(archive.entry(named: "word/document.xml")), limit: 1 << 24), as: UTF8.self)
        let styled = main.components(separatedBy: "<w:p>").dropFirst().map { p -> (String, String) in
            let style = p.firstMatch(of: /w:pStyle w:val="(\w+)"/).map { String($0.1) } ?? ""
            let text = p.matches(of: /<w:t[^>]*>([^<]*)<\/w:t>/).map { String($0.1) }.joined()
            return (style, text)
        }
        #expect(styled.prefix(3).map(\.0) == ["Marking", "Marking", "DocumentNumber"])
        #expect(styled.prefix(3).map(\.1) == ["000001", "秘密★1年", "X发改〔2024〕1号"])
        #expect(styled.first { $0.0 == "Title" }?.1 == "2023年度个人述职述廉报告")
        #expect(!main.contains("范文大全") && !main.contains("公众号") && !main.contains("本文来源于网络") && !main.contains("客服QQ"))
        #expect(styled.suffix(2).map(\.0) == ["Closing", "Closing"] && styled.last?.1 == "2023年12月20日")
        // Rendered: the date ends four characters (4 × 16 pt) in from the type area's right edge (26 mm margin).
        let pdf = try #require(try LibreOffice.pdf(output))
        let date = try #require(try Self.lines(pdf).last { $0.text == "2023年12月20日" })
        let edge = 210 * Self.mm - 26 * Self.mm
        #expect(abs(edge - date.xMax - 64) < 6, "the date ends \(edge - date.xMax) pt from the edge")
    }

    @Test func aDocxIsFormattedTooAndBadInputWritesNothing() throws {
        let dir = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let input = dir.appendingPathComponent("报告.docx")
        try FileManager.default.copyItem(at: AnnotateCLITests.fixture("report.docx"), to: input)
        #expect(try CLI.run(["format", input.path]).status == 0)
        let formatted = dir.appendingPathComponent("报告.formatted.docx")
        #expect(try Ingest.load(path: formatted.path).text == Ingest.load(path: input.path).text)
        for bad in [AnnotateCLITests.fixture("encrypted.docx"), AnnotateCLITests.fixture("bomb.docx"), dir.appendingPathComponent("无.txt")]
        {
            let out = dir.appendingPathComponent("out.docx")
            #expect(try CLI.run(["format", bad.path, "-o", out.path]).status == 2)
            #expect(!FileManager.default.fileExists(atPath: out.path))
        }
        #expect(try CLI.run(["format", input.path, "-o", dir.appendingPathComponent("out.pdf").path]).status == 2)
    }
}

/// The fonts the formatted report asks for, seen in LibreOffice's PDF: the standard's fonts are not free, so a font
/// configuration maps each to a free face of its kind (黑体 → WenQuanYi Zen Hei, 楷体 → AR PL UKai, 仿宋 → AR PL
/// UMing; Debian's fonts-wqy-zenhei, fonts-arphic-ukai, fonts-arphic-uming), and poppler's `pdftohtml -xml` tells
/// which face each line was set in.
@Suite struct FormatFontsTests {
    static let faces = ["WenQuanYi Zen Hei", "AR PL UKai CN", "AR PL UMing CN"]

    static var facesInstalled: Bool {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/fc-list")
        let pipe = Pipe()
        process.standardOutput = pipe
        guard (try? process.run()) != nil else { return false }
        let list = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        return faces.allSatisfy(list.contains)
    }

    @Test(
        .enabled(if: LibreOffice.executable != nil, "LibreOffice (soffice) is not installed"),
        .enabled(if: LibreOffice.required || FormatFontsTests.facesInstalled, "the stand-in Chinese fonts are not installed"))
    func headingsBylineAndBodyAreEachInTheirFont() throws {
        try #require(Self.facesInstalled, "the stand-in fonts are missing (.ci/run installs them)")
        let dir = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let conf = dir.appendingPathComponent("fonts.conf")
        let aliases = [("黑体", "WenQuanYi Zen Hei"), ("楷体_GB2312", "AR PL UKai CN"), ("仿宋_GB2312", "AR PL UMing CN")]
        try
            ("<?xml version=\"1.0\"?><!DOCTYPE fontconfig SYSTEM \"fonts.dtd\"><fontconfig><include ignore_missing=\"yes\">/etc/fonts/fonts.conf</include>"
            + aliases.map { "<alias binding=\"same\"><family>\($0.0)</family><prefer><family>\($0.1)</family></prefer></alias>" }.joined()
            + "</fontconfig>").write(to: conf, atomically: true, encoding: .utf8)
        let input = dir.appendingPathComponent("report.txt")
        try FormatCLITests.report().write(to: input, atomically: true, encoding: .utf8)
        let output = dir.appendingPathComponent("report.docx")
        #expect(try CLI.run(["format", input.path, "-o", output.path]).status == 0)
        let pdf = try #require(try LibreOffice.pdf(output, fontconfig: conf))

        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/pdftohtml")
        process.arguments = ["-xml", "-i", "-stdout", pdf.path]
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let xml = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        // Font ids → families, then each line's family.
        var families: [String: String] = [:]
        for spec in xml.components(separatedBy: "<fontspec ").dropFirst() {
            func attribute(_ name: String) -> String {
                spec.components(separatedBy: name + "=\"").dropFirst().first?.prefix { $0 != "\"" }.description ?? ""
            }
            families[attribute("id")] = attribute("family")
        }
        // Each line of text with its face.
        let lines: [(text: String, face: String)] = xml.components(separatedBy: "<text ").dropFirst().compactMap { chunk in
            guard let open = chunk.firstIndex(of: ">"), let close = chunk.range(of: "</text>"),
                let font = chunk.components(separatedBy: "font=\"").dropFirst().first.map({ String($0.prefix { $0 != "\"" }) })
            else { return nil }
            return (String(chunk[chunk.index(after: open)..<close.lowerBound]), families[font] ?? "")
        }
        func face(of line: String) -> String? { lines.first { $0.text == line }?.face }
        #expect(face(of: "一、加强理论学习")?.contains("WenQuanYiZenHei") == true, "\(face(of: "一、加强理论学习") ?? "none")")
        #expect(face(of: "（一）坚持学习制度化")?.contains("UKai") == true, "\(face(of: "（一）坚持学习制度化") ?? "none")")
        #expect(face(of: "某某县发展和改革局局长 张三")?.contains("UKai") == true, "\(face(of: "某某县发展和改革局局长 张三") ?? "none")")
        // A body line: a full line of the first paragraph.
        let bodyFont = lines.first { $0.text.count >= 20 && !$0.text.hasPrefix("一、") }?.face
        #expect(bodyFont?.contains("UMing") == true, "\(bodyFont ?? "none")")
    }
}
