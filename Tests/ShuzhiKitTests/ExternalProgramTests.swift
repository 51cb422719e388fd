import Foundation
import Testing

@testable import ShuzhiKit

/// A program Shuzhi starts (LibreOffice, Chromium) writes its caches and settings in the caller's temporary folder,
/// never in the user's home, and is stopped at its deadline.
@Suite struct ExternalProgramTests {
    @Test func aProgramsHomeAndXDGFoldersAreTheGivenFolder() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("shuzhi-program-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let script =
            #"mkdir -p "$XDG_CACHE_HOME" "$XDG_CONFIG_HOME" && echo "$HOME" > "$HOME/home" && touch "$XDG_CACHE_HOME/c" "$XDG_CONFIG_HOME/s""#
        #expect(ExternalProgram.run("/bin/sh", ["-c", script], home: folder, timeout: 20) == .finished(0))
        #expect(try String(contentsOf: folder.appendingPathComponent("home"), encoding: .utf8) == folder.path + "\n")
        #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent("cache/c").path))
        #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent("config/s").path))
    }

    @Test func aProgramPastItsDeadlineIsStopped() {
        let start = Date()
        #expect(ExternalProgram.run("/bin/sleep", ["30"], home: FileManager.default.temporaryDirectory, timeout: 0.5) == .timedOut)
        #expect(Date().timeIntervalSince(start) < 10)
        #expect(ExternalProgram.run("/nonexistent/program", [], home: FileManager.default.temporaryDirectory, timeout: 1) == .couldNotStart)
    }
}
