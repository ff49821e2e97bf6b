// swift-tools-version:6.1
import Foundation
import PackageDescription

let strict: [SwiftSetting] = [
    .swiftLanguageMode(.v6),
    .unsafeFlags(["-warnings-as-errors"]),
]

/// Every folder of Sources/ except SampleTrust's, which that target must exclude.
let otherSourceFolders =
    ((try? FileManager.default.contentsOfDirectory(atPath: Context.packageDirectory + "/Sources")) ?? [])
    .filter { $0 != "SampleTrust" && !$0.hasPrefix(".") }.map { "Sources/" + $0 }

let package = Package(
    name: "trustboard",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "trustboard", targets: ["trustboard"]),
        .executable(name: "generate-trust", targets: ["generate-trust"]),
        .executable(name: "trustboard-bench", targets: ["trustboard-bench"]),
        .library(name: "Metrics", targets: ["Metrics"]),
        .library(name: "TrustStore", targets: ["TrustStore"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.0.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.0.0"),
    ],
    targets: [
        // Domain model, CSV reading, validation, KPIs, rating, trends. No SQLite, no terminal.
        .target(
            name: "Metrics",
            dependencies: ["CSHA256", "CCSV", .product(name: "Yams", package: "Yams")],
            swiftSettings: strict
        ),
        // SHA-256's compression on the x86 SHA instructions, which Swift cannot reach.
        .target(name: "CSHA256", cSettings: [.unsafeFlags(["-Werror"])]),
        // The CSV scanner's fast paths sixteen bytes at a time (SSE2), which Swift cannot reach.
        .target(name: "CCSV", cSettings: [.unsafeFlags(["-Werror"])]),
        // The stop-signal handler that removes a pack left part-written: async-signal-safe C.
        .target(name: "CPartialFile", cSettings: [.unsafeFlags(["-Werror"])]),
        // The trust store: one SQLite file through GRDB.
        .target(
            name: "TrustStore",
            dependencies: ["Metrics", .product(name: "GRDB", package: "GRDB.swift")],
            swiftSettings: strict
        ),
        // The bundled sample trust, shipped as resources so the binary finds it anywhere.
        // Its path is the package root so that the top-level sample-data/ folder can be a
        // resource; its only source is Sources/SampleTrust.
        .target(
            name: "SampleTrust",
            path: ".",
            exclude: ["Tests", "README.md"] + otherSourceFolders,
            sources: ["Sources/SampleTrust"],
            resources: [.copy("sample-data")],
            swiftSettings: strict
        ),
        // The screens: state, commands and render(state, size) into a grid of cells with roles.
        .target(name: "Dashboard", dependencies: ["Metrics"], swiftSettings: strict),
        // ncursesw, through a small C shim header.
        .systemLibrary(
            name: "CNCurses", pkgConfig: "ncursesw", providers: [.apt(["libncurses-dev"])]),
        // The thin ncurses backend: cell grid to screen, key codes to keys, terminal restore.
        .target(name: "Terminal", dependencies: ["CNCurses", "Dashboard"], swiftSettings: strict),
        // The board pack: one self-contained HTML file of a drop's figures, charts and method,
        // for trust boards and local governing bodies. A view over Metrics, like the screens.
        .target(name: "BoardPack", dependencies: ["Metrics"], swiftSettings: strict),
        // Seeded generator of fictional trusts, for sample-data/ and the benchmark.
        .target(name: "TrustGenerator", swiftSettings: strict),
        .executableTarget(
            name: "trustboard",
            dependencies: [
                "Metrics", "TrustStore", "SampleTrust", "Dashboard", "Terminal", "BoardPack", "CPartialFile",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: strict
        ),
        .executableTarget(
            name: "generate-trust",
            dependencies: [
                "TrustGenerator",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: strict
        ),
        .executableTarget(
            name: "trustboard-bench",
            dependencies: ["Metrics", "TrustStore", "TrustGenerator", "Dashboard"],
            swiftSettings: strict
        ),
        // libFuzzer entry point for the CSV reader and validator; see README "Fuzzing".
        .executableTarget(name: "csv-fuzz", dependencies: ["Metrics"], swiftSettings: strict),
        .testTarget(name: "MetricsTests", dependencies: ["Metrics"], swiftSettings: strict),
        // Golden HTML and SVG files of the pack, its escaping and suppression; with Chromium
        // and pdftotext installed, the sample trust's pack printed to PDF.
        .testTarget(
            name: "BoardPackTests", dependencies: ["BoardPack", "Metrics"], exclude: ["Golden"],
            swiftSettings: strict),
        // The key decoder: escape sequences and mouse reports to keys, without a terminal.
        .testTarget(
            name: "TerminalTests", dependencies: ["Terminal", "CNCurses", "Dashboard"], swiftSettings: strict),
        .testTarget(
            name: "DashboardTests", dependencies: ["Dashboard", "Metrics"], exclude: ["Golden"],
            swiftSettings: strict),
        .testTarget(
            name: "TrustStoreTests",
            dependencies: ["TrustStore", "Metrics", .product(name: "GRDB", package: "GRDB.swift")],
            swiftSettings: strict
        ),
        .testTarget(
            name: "trustboardTests",
            dependencies: ["Metrics", "TrustGenerator"],
            swiftSettings: strict
        ),
    ]
)
