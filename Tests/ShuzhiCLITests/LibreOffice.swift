import Foundation
import Testing

/// A real LibreOffice, for what Word output must survive: `soffice --headless --convert-to pdf` opens the file the
/// way the application does (a file it would have to repair fails to convert), and the PDF shows what it saw.
/// `.ci/run` installs it and sets SHUZHI_REQUIRE_LIBREOFFICE, so CI cannot skip these checks.
enum LibreOffice {
    static let executable: String? = ["/usr/bin/soffice", "/usr/local/bin/soffice", "/opt/libreoffice/program/soffice"]
        .first { FileManager.default.isExecutableFile(atPath: $0) }

    static var required: Bool { ProcessInfo.processInfo.environment["SHUZHI_REQUIRE_LIBREOFFICE"] == "1" }

    /// Converts `file` to PDF (comments exported as PDF notes) in a folder of its own; nil when LibreOffice fails.
    static func pdf(_ file: URL, fontconfig: URL? = nil) throws -> URL? {
        let out = FileManager.default.temporaryDirectory.appendingPathComponent("shuzhi-lo-\(UUID().uuidString)")
        return try convert(
            file, to: #"pdf:writer_pdf_Export:{"ExportNotes":{"type":"boolean","value":"true"}}"#, in: out, fontconfig: fontconfig)
    }

    /// `soffice --convert-to FILTER` into `folder`; the converted file, or nil when LibreOffice fails. One conversion
    /// at a time: instances share the user profile.
    static func convert(_ file: URL, to filter: String, in folder: URL, fontconfig: URL? = nil) throws -> URL? {
        guard let executable else { return nil }
        return try lock.withLock {
            // A font configuration of its own needs a profile of its own (LibreOffice keeps its font list there).
            let profile = FileManager.default.temporaryDirectory.appendingPathComponent(
                fontconfig == nil ? "shuzhi-lo-profile" : "shuzhi-lo-profile-fonts")
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            let process = Process()
            process.executableURL = URL(fileURLWithPath: executable)
            process.arguments = [
                "-env:UserInstallation=file://\(profile.path)", "--headless", "--norestore",
                "--convert-to", filter, "--outdir", folder.path, file.path,
            ]
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            if let fontconfig {
                var environment = ProcessInfo.processInfo.environment
                environment["FONTCONFIG_FILE"] = fontconfig.path
                process.environment = environment
            }
            try process.run()
            process.waitUntilExit()
            let ext = String(filter.prefix { $0 != ":" })
            let result = folder.appendingPathComponent(file.deletingPathExtension().lastPathComponent + "." + ext)
            return process.terminationStatus == 0 && FileManager.default.fileExists(atPath: result.path) ? result : nil
        }
    }

    static let lock = NSLock()

    /// The text of the PDF's pages (poppler's pdftotext).
    static func text(_ pdf: URL) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/pdftotext")
        process.arguments = [pdf.path, "-"]
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self)
    }

    /// The texts of the PDF's note annotations (the comments), decoded from their UTF-16 hex strings.
    static func notes(_ pdf: URL) throws -> [String] {
        let raw = String(decoding: try Data(contentsOf: pdf), as: UTF8.self)
        var out: [String] = []
        for part in raw.components(separatedBy: "/Subtype /Text").dropFirst() {
            guard let open = part.range(of: "/Contents <FEFF"), let close = part[open.upperBound...].firstIndex(of: ">") else { continue }
            let hex = Array(part[open.upperBound..<close].utf8)
            var units: [UInt16] = []
            var i = 0
            while i + 4 <= hex.count {
                units.append(UInt16(String(decoding: hex[i..<(i + 4)], as: UTF8.self), radix: 16) ?? 0xFFFD)
                i += 4
            }
            out.append(String(decoding: units, as: UTF16.self))
        }
        return out
    }
}
