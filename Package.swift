// swift-tools-version:6.1
import PackageDescription

// ShuzhiKit is the core (ingest → analysis → rules → render/fix) and depends on nothing but the system zlib and its
// own compiled data, so it builds in seconds. ShuzhiStore (the corpus: SQLite through sqlite-nio, which carries its own
// SQLite, or a PostgreSQL server through postgres-nio) sits on top of it; ShuzhiService (the user operations) on top of
// both; ShuzhiServer (`shuzhi serve`, Hummingbird) and the CLI (swift-argument-parser) on top of the service.
let package = Package(
    name: "Shuzhi",
    platforms: [.macOS(.v13)],
    products: [
        .library(name: "ShuzhiKit", targets: ["ShuzhiKit"]),
        .library(name: "ShuzhiStore", targets: ["ShuzhiStore"]),
        .library(name: "ShuzhiService", targets: ["ShuzhiService"]),
        .library(name: "ShuzhiServer", targets: ["ShuzhiServer"]),
        .executable(name: "shuzhi", targets: ["shuzhi"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/vapor/sqlite-nio", from: "1.13.2"),
        .package(url: "https://github.com/vapor/postgres-nio", from: "1.33.2"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/apple/swift-nio-ssl", from: "2.37.6"),
        // No traits: the server reads its settings from the command line, not swift-configuration.
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1", traits: []),
    ],
    targets: [
        .systemLibrary(name: "CZlib", path: "Sources/CZlib"),
        // The compiled lexicon and language model (Scripts/build-lexicon.py), linked into the binary by data.S;
        // `.` on the header path lets the assembler's .incbin find the blobs beside it.
        .target(
            name: "CShuzhiData",
            exclude: ["lexicon.bin", "model.bin", "general.bin", "knowledge.json", "traditional.txt", "README.md"],
            cSettings: [.headerSearchPath(".")]
        ),
        .target(name: "ShuzhiKit", dependencies: ["CZlib", "CShuzhiData"]),
        .target(
            name: "ShuzhiStore",
            dependencies: [
                "ShuzhiKit",
                .product(name: "SQLiteNIO", package: "sqlite-nio"),
                .product(name: "PostgresNIO", package: "postgres-nio"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
            ]
        ),
        // One function per user operation (check, fix, annotate, format, outline, metrics, compare, review, corpus
        // intake, the rule catalogue), on top of the core and the store: the CLI and the server only parse, call and render.
        .target(name: "ShuzhiService", dependencies: ["ShuzhiKit", "ShuzhiStore"]),
        // The web page's files (page.html, app.js, app.css, openapi.json), linked into the binary by assets.S so that
        // `shuzhi serve` is one file and never needs anything from the network.
        .target(
            name: "CShuzhiWebAssets",
            exclude: ["page.html", "app.js", "app.css", "openapi.json"],
            cSettings: [.headerSearchPath(".")]
        ),
        .target(
            name: "ShuzhiServer",
            dependencies: [
                "ShuzhiKit",
                "ShuzhiStore",
                "ShuzhiService",
                "CShuzhiWebAssets",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .executableTarget(
            name: "shuzhi",
            dependencies: [
                "ShuzhiKit",
                "ShuzhiStore",
                "ShuzhiService",
                "ShuzhiServer",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(name: "ShuzhiKitTests", dependencies: ["ShuzhiKit"], resources: [.copy("Fixtures")]),
        // Where the store tests find their stores: a temporary SQLite file, or a new database on the PostgreSQL server
        // that `.ci/run` starts (Scripts/test-postgres.sh).
        .target(
            name: "ShuzhiTestSupport",
            dependencies: [
                "ShuzhiStore",
                .product(name: "PostgresNIO", package: "postgres-nio"),
                .product(name: "Logging", package: "swift-log"),
            ],
            path: "Tests/ShuzhiTestSupport"
        ),
        .testTarget(
            name: "ShuzhiStoreTests",
            dependencies: [
                "ShuzhiStore", "ShuzhiKit", "ShuzhiService", "ShuzhiTestSupport",
                .product(name: "SQLiteNIO", package: "sqlite-nio"),
                .product(name: "PostgresNIO", package: "postgres-nio"),
            ]
        ),
        .testTarget(
            name: "ShuzhiServerTests",
            dependencies: [
                "ShuzhiServer", "ShuzhiKit", "ShuzhiStore", "ShuzhiService", "ShuzhiTestSupport",
                .product(name: "HummingbirdTesting", package: "hummingbird"),
            ]
        ),
        // Runs the built `shuzhi` binary end to end; depending on the target makes `swift test` build it first.
        .testTarget(name: "ShuzhiCLITests", dependencies: ["ShuzhiKit", "ShuzhiStore", "ShuzhiTestSupport", "shuzhi"]),
    ]
)
