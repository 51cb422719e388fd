import Foundation

/// A real headless Chromium driven over the W3C WebDriver protocol by Debian's chromedriver: what the browser tests
/// use to load the page, type, click and read it back as a person's browser shows it.
final class WebDriver: @unchecked Sendable {
    static var chromium: String? {
        ["/usr/bin/chromium", "/usr/bin/chromium-browser"].first { FileManager.default.isExecutableFile(atPath: $0) }
    }
    static var chromedriver: String? {
        ["/usr/bin/chromedriver", "/usr/lib/chromium/chromedriver"].first { FileManager.default.isExecutableFile(atPath: $0) }
    }
    /// `.ci/run` sets this, so that a missing browser fails the tests instead of skipping them.
    static var required: Bool { ProcessInfo.processInfo.environment["SHUZHI_REQUIRE_BROWSER"] == "1" }

    struct Failure: Error, CustomStringConvertible { let description: String }

    let driver: Process
    let base: URL
    let session: String
    let profile: URL
    let downloads: URL

    init() async throws {
        guard let chromium = Self.chromium, let chromedriver = Self.chromedriver else {
            throw Failure(description: "chromium or chromedriver missing")
        }
        profile = FileManager.default.temporaryDirectory.appendingPathComponent("shuzhi-chrome-\(UUID().uuidString)")
        downloads = profile.appendingPathComponent("downloads")
        try FileManager.default.createDirectory(at: downloads, withIntermediateDirectories: true)
        let port = Int.random(in: 20000...40000)
        driver = Process()
        driver.executableURL = URL(fileURLWithPath: chromedriver)
        driver.arguments = ["--port=\(port)"]
        driver.standardOutput = FileHandle.nullDevice
        driver.standardError = FileHandle.nullDevice
        try driver.run()
        base = URL(string: "http://127.0.0.1:\(port)")!
        var ready = false
        for _ in 0..<100 {
            if let status = try? await Self.request(base.appendingPathComponent("status"), method: "GET", body: nil),
                (status["value"] as? [String: Any])?["ready"] as? Bool == true
            {
                ready = true; break
            }
            try await Task.sleep(for: .milliseconds(100))
        }
        guard ready else {
            kill(driver.processIdentifier, SIGKILL)
            throw Failure(description: "chromedriver did not start")
        }
        let capabilities: [String: Any] = [
            "capabilities": [
                "alwaysMatch": [
                    "browserName": "chrome",
                    "goog:chromeOptions": [
                        "binary": chromium,
                        "args": [
                            "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--window-size=1440,900",
                            "--lang=zh-CN", "--user-data-dir=\(profile.appendingPathComponent("profile").path)",
                        ],
                        "prefs": ["download.default_directory": downloads.path, "download.prompt_for_download": false],
                    ],
                ]
            ]
        ]
        let created = try await Self.request(base.appendingPathComponent("session"), method: "POST", body: capabilities)
        guard let value = created["value"] as? [String: Any], let id = value["sessionId"] as? String else {
            kill(driver.processIdentifier, SIGKILL)
            throw Failure(description: "no session: \(created)")
        }
        session = id
    }

    func quit() async {
        _ = try? await call("DELETE", "", nil)
        // chromedriver ignores SIGTERM; the session (and its Chromium) is closed above.
        kill(driver.processIdentifier, SIGKILL)
        driver.waitUntilExit()
        try? FileManager.default.removeItem(at: profile)
    }

    static func request(_ url: URL, method: String, body: Any?) async throws -> [String: Any] {
        let payload = try body.map { try JSONSerialization.data(withJSONObject: $0) }
        let response = try RawHTTP.request(
            port: url.port ?? 80, method: method, path: url.path, headers: payload == nil ? [:] : ["Content-Type": "application/json"],
            body: payload)
        return (try JSONSerialization.jsonObject(with: response.body)) as? [String: Any] ?? [:]
    }

    @discardableResult
    func call(_ method: String, _ path: String, _ body: Any?) async throws -> Any? {
        let url = base.appendingPathComponent("session/\(session)" + path)
        let answer = try await Self.request(url, method: method, body: body ?? (method == "POST" ? [String: Any]() : nil))
        if let value = answer["value"] as? [String: Any], let error = value["error"] as? String {
            throw Failure(description: "\(method) \(path): \(error): \(value["message"] ?? "")")
        }
        return answer["value"]
    }

    func go(_ url: String) async throws { try await call("POST", "/url", ["url": url]) }

    /// Runs `script` in the page (its `arguments` are `args`) and returns what it returns.
    @discardableResult
    func run(_ script: String, _ args: [Any] = []) async throws -> Any? {
        try await call("POST", "/execute/sync", ["script": script, "args": args])
    }

    func element(_ css: String) async throws -> String {
        let value = try await call("POST", "/element", ["using": "css selector", "value": css]) as? [String: Any]
        guard let id = value?.values.first as? String else { throw Failure(description: "no element \(css)") }
        return id
    }

    func click(_ css: String) async throws { try await call("POST", "/element/\(try await element(css))/click", nil) }

    /// Types into an element as a keyboard would (WebDriver's Element Send Keys).
    func type(_ css: String, _ text: String) async throws {
        try await call("POST", "/element/\(try await element(css))/value", ["text": text])
    }

    /// Key presses to the focused element (W3C key actions).
    func press(_ keys: String) async throws {
        let actions = keys.unicodeScalars.flatMap { k in [["type": "keyDown", "value": String(k)], ["type": "keyUp", "value": String(k)]] }
        try await call("POST", "/actions", ["actions": [["type": "key", "id": "keyboard", "actions": actions]]])
    }

    /// Waits until `script` returns something truthy; returns it.
    func wait(for script: String, timeout: Duration = .seconds(30)) async throws -> Any {
        let clock = ContinuousClock()
        let deadline = clock.now + timeout
        while clock.now < deadline {
            if let v = try await run(script), !(v is NSNull), (v as? Bool) != false { return v }
            try await Task.sleep(for: .milliseconds(100))
        }
        throw Failure(description: "timed out waiting for: \(script)")
    }

    /// The window's outer size, as a desktop or a phone would have it.
    func resize(width: Int, height: Int) async throws {
        try await call("POST", "/window/rect", ["width": width, "height": height])
    }

    /// A PNG of the window, written to `file`.
    func screenshot(to file: URL) async throws {
        guard let base64 = try await call("GET", "/screenshot", nil) as? String, let data = Data(base64Encoded: base64) else {
            throw Failure(description: "no screenshot")
        }
        try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        try data.write(to: file)
    }

    /// The file that appears in the download folder (complete, not a .crdownload), or nil after `timeout`.
    // 60 s, not 20: a batch's review download waited past 20 s on two cores shared with other work (fifth session).
    func downloaded(timeout: Duration = .seconds(60)) async throws -> URL? {
        let clock = ContinuousClock()
        let deadline = clock.now + timeout
        while clock.now < deadline {
            let files = (try? FileManager.default.contentsOfDirectory(atPath: downloads.path)) ?? []
            if let done = files.first(where: { !$0.hasSuffix(".crdownload") && !$0.hasPrefix(".") }) {
                return downloads.appendingPathComponent(done)
            }
            try await Task.sleep(for: .milliseconds(100))
        }
        return nil
    }
}

/// `shuzhi serve` started as a real process on a free loopback port, stopped with SIGTERM.
final class ServedShuzhi: @unchecked Sendable {
    let process = Process()
    let url: String
    let folder: URL

    /// `store`: an existing store to serve instead of a new one in the server's own folder.
    init(arguments: [String] = [], store: URL? = nil) throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("shuzhi-serve-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        process.executableURL = CLI.binary
        let storePath = (store ?? folder.appendingPathComponent("corpus.sqlite")).path
        process.arguments = ["serve", "--port", "0", "--store", storePath] + arguments
        process.currentDirectoryURL = folder
        let out = Pipe()
        process.standardOutput = out
        process.standardError = FileHandle.nullDevice
        try process.run()
        // "Shuzhi 网页已启动：http://127.0.0.1:PORT/ …" once it listens.
        var line = Data()
        while !line.contains(0x0A) {
            let chunk = out.fileHandleForReading.availableData
            if chunk.isEmpty { break }
            line += chunk
        }
        let text = String(decoding: line, as: UTF8.self)
        guard let match = text.firstMatch(of: /http:\/\/[0-9.]+:[0-9]+\//) else {
            process.terminate()
            throw WebDriver.Failure(description: "serve did not start: \(text)")
        }
        url = String(match.0)
    }

    func stop() {
        if process.isRunning { process.terminate() }
        process.waitUntilExit()
        try? FileManager.default.removeItem(at: folder)
    }
}
