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
        let folders =
            (environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin").split(separator: ":").map(String.init)
            + ["/usr/lib/libreoffice/program", "/opt/libreoffice/program", "/Applications/LibreOffice.app/Contents/MacOS"]
        for folder in folders {
            for name in ["soffice", "libreoffice"] {
                let path = (folder as NSString).appendingPathComponent(name)
                if FileManager.default.isExecutableFile(atPath: path) { return path }
            }
        }
        return nil
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
        let process = Process()
        process.executableURL = URL(fileURLWithPath: program)
        process.arguments = [
            "-env:UserInstallation=file://\(folder.appendingPathComponent("profile").path)", "--headless", "--norestore",
            "--convert-to", "docx:MS Word 2007 XML", "--outdir", folder.path, input.path,
        ]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        do { try process.run() } catch { throw .conversionFailed(name, "无法启动 \(program) / cannot start it") }
        let deadline = Date().addingTimeInterval(timeout)
        while process.isRunning && Date() < deadline { usleep(20_000) }
        if process.isRunning {
            process.terminate()
            process.waitUntilExit()
            throw .conversionFailed(name, "LibreOffice 超过 \(Int(timeout)) 秒未完成 / LibreOffice took longer than \(Int(timeout)) s")
        }
        let output = folder.appendingPathComponent("input.docx")
        guard process.terminationStatus == 0, let data = try? Data(contentsOf: output), !data.isEmpty else {
            throw .conversionFailed(name, "LibreOffice 无法打开这个文件 / LibreOffice could not open it")
        }
        return [UInt8](data)
    }
}
