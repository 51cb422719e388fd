import Foundation
import ShuzhiKit

/// Printing an HTML page (the reviewer's sheets) to PDF on this machine: with Chromium when it is installed (the
/// page's print styles, A4, no header or footer), else with LibreOffice. Nothing leaves the machine; without either
/// the page is still there to print from a browser.
public enum PrintOperation {
    /// The browser, if there is one (`SHUZHI_CHROMIUM` names it; empty turns it off).
    public static var chromium: String? {
        if let named = ProcessInfo.processInfo.environment["SHUZHI_CHROMIUM"] {
            return named.isEmpty || !FileManager.default.isExecutableFile(atPath: named) ? nil : named
        }
        return ExternalProgram.find(["chromium", "chromium-browser", "google-chrome", "google-chrome-stable"])
    }

    public static let timeout: TimeInterval = 120

    public static func pdf(fromHTML html: String) throws(ServiceError) -> [UInt8] {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("shuzhi-print-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let page = folder.appendingPathComponent("sheets.html"), pdf = folder.appendingPathComponent("sheets.pdf")
        do {
            try FileManager.default.createDirectory(at: folder.appendingPathComponent("profile"), withIntermediateDirectories: true)
            try Data(html.utf8).write(to: page)
        } catch {
            throw ServiceError("无法写临时文件", "cannot write a temporary file")
        }
        if let browser = chromium {
            _ = ExternalProgram.run(
                browser,
                [
                    "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-pdf-header-footer",
                    "--user-data-dir=\(folder.appendingPathComponent("profile").path)", "--print-to-pdf=\(pdf.path)", page.absoluteString,
                ], home: folder, timeout: timeout)
        } else if let office = LegacyConverter.program {
            _ = ExternalProgram.run(
                office,
                [
                    "-env:UserInstallation=file://\(folder.appendingPathComponent("profile").path)", "--headless", "--norestore",
                    "--convert-to", "pdf:writer_web_pdf_Export", "--outdir", folder.path, page.path,
                ], home: folder, timeout: timeout)
        } else {
            throw ServiceError(
                "写 PDF 需要本机安装 Chromium 或 LibreOffice；可以写出 .html，在浏览器中打印",
                "printing to PDF needs Chromium or LibreOffice on this machine; write .html and print it from a browser")
        }
        guard let data = try? Data(contentsOf: pdf), data.starts(with: Array("%PDF".utf8)) else {
            throw ServiceError("无法生成 PDF（浏览器或 LibreOffice 未能完成）", "the PDF could not be made")
        }
        return [UInt8](data)
    }
}
