// swift-tools-version:6.1
import PackageDescription

// libFuzzer harnesses for everything Shuzhi reads from untrusted bytes (issue 25). Built and run by
// Scripts/fuzz.sh, never by the main package's build: each target has no main of its own, libFuzzer supplies it
// (`swift build --sanitize fuzzer --sanitize address`).
let harnesses = ["FuzzTextIngest", "FuzzDocxIngest", "FuzzReportArchive", "FuzzConfiguration", "FuzzKnowledge", "FuzzPipeline"]

let package = Package(
    name: "ShuzhiFuzz",
    platforms: [.macOS(.v13)],
    dependencies: [
        .package(name: "Shuzhi", path: ".."),
        // The server harness drives `shuzhi serve`'s router in process, as the server tests do.
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
    ],
    targets: harnesses.map { name in
        .executableTarget(
            name: name, dependencies: [.product(name: "ShuzhiKit", package: "Shuzhi")], path: "Sources/\(name)",
            swiftSettings: [.unsafeFlags(["-parse-as-library"])])
    } + [
        .executableTarget(
            name: "FuzzServer",
            dependencies: [
                .product(name: "ShuzhiServer", package: "Shuzhi"), .product(name: "ShuzhiStore", package: "Shuzhi"),
                .product(name: "ShuzhiKit", package: "Shuzhi"), .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdTesting", package: "hummingbird"),
            ], path: "Sources/FuzzServer", swiftSettings: [.unsafeFlags(["-parse-as-library"])])
    ]
)
