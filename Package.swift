// swift-tools-version:6.0
// Otklik: a terminal console for answering citizens' complaints.
// Swift 6 language mode: strict concurrency checking is on for every target.
import PackageDescription

let package = Package(
    name: "Otklik",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "otklik", targets: ["otklik"]),
        .executable(name: "otklik-ingest", targets: ["otklik-ingest"]),
        .library(name: "OtklikCore", targets: ["OtklikCore"]),
        .library(name: "OtklikStore", targets: ["OtklikStore"]),
    ],
    dependencies: [
        // Exact pins: packages come from the machine's local mirror only.
        .package(url: "https://github.com/groue/GRDB.swift", exact: "7.10.0"),
        .package(url: "https://github.com/apple/swift-argument-parser", exact: "1.8.2"),
    ],
    targets: [
        // The ncursesw C API plus a shim for the macros and globals Swift cannot import.
        .systemLibrary(name: "CNcurses", path: "Sources/CNcurses"),

        // sqlite3_config, which Swift cannot call (it is variadic).
        .systemLibrary(name: "CSQLiteConfig", path: "Sources/CSQLiteConfig"),

        // The domain: plain values and pure functions. Foundation only, no I/O.
        .target(name: "OtklikCore"),

        // The only module that imports GRDB.
        .target(
            name: "OtklikStore",
            dependencies: [
                "OtklikCore", "OtklikIngest", "CSQLiteConfig",
                .product(name: "GRDB", package: "GRDB.swift"),
                // SQLite's C API, for the demo's bulk inserts.
                .product(name: "GRDBSQLite", package: "GRDB.swift"),
            ]
        ),

        // Channel formats into canonical records: parsers over bytes, no I/O.
        .target(name: "OtklikIngest", dependencies: ["OtklikCore"]),

        // Console state, actions, pure update and rendering into a cell grid. No ncurses.
        .target(name: "OtklikConsole", dependencies: ["OtklikCore"]),

        // The only module that imports ncurses.
        .target(name: "OtklikTerminal", dependencies: ["OtklikConsole", "CNcurses"]),

        // Command implementations shared by the executables (wiring store, console, terminal).
        .target(
            name: "OtklikApp",
            dependencies: [
                "OtklikCore", "OtklikStore", "OtklikConsole", "OtklikTerminal", "OtklikIngest",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),

        .executableTarget(name: "otklik", dependencies: ["OtklikApp"]),
        .executableTarget(name: "otklik-ingest", dependencies: ["OtklikApp"]),

        .testTarget(name: "OtklikCoreTests", dependencies: ["OtklikCore"]),
        .testTarget(
            name: "OtklikStoreTests",
            dependencies: ["OtklikStore", "OtklikCore", "OtklikIngest", .product(name: "GRDB", package: "GRDB.swift")]
        ),
        .testTarget(name: "OtklikIngestTests", dependencies: ["OtklikIngest", "OtklikCore"]),
        .testTarget(name: "OtklikConsoleTests", dependencies: ["OtklikConsole", "OtklikCore"]),
        .testTarget(
            name: "OtklikEndToEndTests",
            dependencies: ["OtklikCore", "OtklikStore", .product(name: "GRDB", package: "GRDB.swift")]
        ),
    ]
)
