// swift-tools-version:6.0
import PackageDescription

// ShuzhiKit is the core (ingest → analysis → rules → render/fix) and depends on nothing but the system zlib and its
// own compiled data, so it builds in seconds. The CLI adds swift-argument-parser. Store and server targets come later, on top.
let package = Package(
    name: "Shuzhi",
    platforms: [.macOS(.v13)],
    products: [
        .library(name: "ShuzhiKit", targets: ["ShuzhiKit"]),
        .executable(name: "shuzhi", targets: ["shuzhi"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
    ],
    targets: [
        .systemLibrary(name: "CZlib", path: "Sources/CZlib"),
        // The compiled lexicon and language model (Scripts/build-lexicon.py), linked into the binary by data.S;
        // `.` on the header path lets the assembler's .incbin find the blobs beside it.
        .target(
            name: "CShuzhiData",
            exclude: ["lexicon.bin", "model.bin", "knowledge.json", "README.md"],
            cSettings: [.headerSearchPath(".")]
        ),
        .target(name: "ShuzhiKit", dependencies: ["CZlib", "CShuzhiData"]),
        .executableTarget(
            name: "shuzhi",
            dependencies: [
                "ShuzhiKit",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(name: "ShuzhiKitTests", dependencies: ["ShuzhiKit"], resources: [.copy("Fixtures")]),
        // Runs the built `shuzhi` binary end to end; depending on the target makes `swift test` build it first.
        .testTarget(name: "ShuzhiCLITests", dependencies: ["ShuzhiKit", "shuzhi"]),
    ]
)
