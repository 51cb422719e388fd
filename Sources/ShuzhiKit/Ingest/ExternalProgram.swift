import Foundation

/// A program of the machine run to completion with a deadline (LibreOffice converting a .doc, a browser printing a
/// page to PDF): its output discarded, stopped when it takes longer than `timeout`. Its home and XDG folders are
/// `home`, a temporary folder of the caller's: left to themselves, both programs write caches and settings into the
/// user's home (~/.cache/dconf, ~/.config), and a server must write nowhere but its store and temporary files.
public enum ExternalProgram {
    public enum Outcome: Sendable, Equatable {
        case finished(Int32)
        case couldNotStart
        case timedOut
    }

    public static func run(_ program: String, _ arguments: [String], home: URL, timeout: TimeInterval) -> Outcome {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: program)
        process.arguments = arguments
        var environment = ProcessInfo.processInfo.environment
        environment["HOME"] = home.path
        for (name, folder) in [("XDG_CACHE_HOME", "cache"), ("XDG_CONFIG_HOME", "config"), ("XDG_DATA_HOME", "data")] {
            environment[name] = home.appendingPathComponent(folder).path
        }
        process.environment = environment
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        do { try process.run() } catch { return .couldNotStart }
        let deadline = Date().addingTimeInterval(timeout)
        while process.isRunning && Date() < deadline { usleep(20_000) }
        if process.isRunning {
            // SIGTERM first; a program that does not heed it (it may inherit SIGTERM blocked from the caller's
            // threads, as under the test runner, where a `sleep` slept on) is killed after two seconds.
            process.terminate()
            let grace = Date().addingTimeInterval(2)
            while process.isRunning && Date() < grace { usleep(20_000) }
            if process.isRunning { kill(process.processIdentifier, SIGKILL) }
            process.waitUntilExit()
            return .timedOut
        }
        return .finished(process.terminationStatus)
    }

    /// The first of `names` found on PATH (or in `extraFolders`) as an executable file.
    public static func find(_ names: [String], extraFolders: [String] = []) -> String? {
        let folders =
            (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin").split(separator: ":").map(String.init)
            + extraFolders
        for folder in folders {
            for name in names {
                let path = (folder as NSString).appendingPathComponent(name)
                if FileManager.default.isExecutableFile(atPath: path) { return path }
            }
        }
        return nil
    }
}
