import Foundation

/// Old Word (.doc), WPS (.wps) and RTF files, converted to .docx by LibreOffice when it is installed
/// (`soffice --headless --convert-to docx`): nothing leaves the machine, and the .docx is read like any other.
/// `SHUZHI_SOFFICE` names the program (an empty value turns conversion off).
public enum LegacyConverter {
    /// The LibreOffice program, if there is one.
    public static var program: String? {
        let environment = ProcessInfo.processInfo.environment
        if let named = environment["SHUZHI_SOFFICE"] {
            return named.isEmpty || !FileManager.default.isExecutableFile(atPath: named) ? nil : named
        }
        return ExternalProgram.find(
            ["soffice", "libreoffice"],
            extraFolders: ["/usr/lib/libreoffice/program", "/opt/libreoffice/program", "/Applications/LibreOffice.app/Contents/MacOS"])
    }

    /// The longest a conversion may take; a file LibreOffice hangs on is refused after it.
    public static let timeout: TimeInterval = 120

    /// `bytes` (an old-format file called `name`) as .docx bytes. LibreOffice runs in a folder and profile of its
    /// own, removed afterwards, so two conversions at once do not meet.
    static func convert(_ bytes: [UInt8], name: String, program: String) throws(IngestError) -> [UInt8] {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("shuzhi-convert-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let ext = (name as NSString).pathExtension.lowercased()
        let input = folder.appendingPathComponent("input." + (["doc", "wps", "rtf", "wpt", "dot"].contains(ext) ? ext : "doc"))
        do {
            try FileManager.default.createDirectory(at: folder.appendingPathComponent("profile"), withIntermediateDirectories: true)
            try Data(bytes).write(to: input)
        } catch {
            throw .conversionFailed(name, "无法写临时文件 / cannot write a temporary file")
        }
        let outcome = ExternalProgram.run(
            program,
            [
                "-env:UserInstallation=file://\(folder.appendingPathComponent("profile").path)", "--headless", "--norestore",
                "--convert-to", "docx:MS Word 2007 XML", "--outdir", folder.path, input.path,
            ], home: folder, timeout: timeout)
        switch outcome {
        case .couldNotStart: throw .conversionFailed(name, "无法启动 \(program) / cannot start it")
        case .timedOut:
            throw .conversionFailed(name, "LibreOffice 超过 \(Int(timeout)) 秒未完成 / LibreOffice took longer than \(Int(timeout)) s")
        case .finished: break
        }
        let output = folder.appendingPathComponent("input.docx")
        guard outcome == .finished(0), let data = try? Data(contentsOf: output), !data.isEmpty else {
            throw .conversionFailed(name, "LibreOffice 无法打开这个文件 / LibreOffice could not open it")
        }
        return [UInt8](data)
    }
}
