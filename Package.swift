// swift-tools-version: 6.1
import PackageDescription

/// The plugins, in the order `help` lists them: each is a folder under Plugins/ (a library target
/// of that name exporting `<Name>Plugin`, with a test target `<Name>Tests`) and its name here.
/// The executable's list of plugins is generated from this one (BuildTools/RegisterPlugins).
let plugins = ["Modeling", "Guide", "KPI", "Differentiation", "Pricing"]

/// Extra dependencies of a plugin beyond ValueCore and Workbench.
let pluginDependencies: [String: [Target.Dependency]] = [
    "KPI": ["CFastScan", "CReadStat"],
    "Differentiation": ["CNearest"],
    "Guide": ["KPI", "Differentiation"],
    "Pricing": ["KPI"],
]

/// Extra dependencies of a plugin's tests: the modeling plugin's examples build the workspace the
/// others' examples run on (`checkConformance`), and GuideTests parses every command line the
/// guide suggests against the registry of all plugins.
let pluginTestDependencies: [String: [Target.Dependency]] = [
    "KPI": ["Modeling"],
    "Differentiation": ["Modeling"],
    "Pricing": ["Modeling"],
    "Guide": ["Modeling", "KPI", "Differentiation", "Pricing"],
]

let swiftSettings: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny")
]

var targets: [Target] = [
    // The domain: workspace, enterprises and their value models. Value types, no I/O.
    .target(name: "ValueCore"),
    // The command language, plugin protocol, output model, notebooks and replay.
    .target(name: "Workbench", dependencies: ["ValueCore"]),
    // libedit, seen through pkg-config, and a tiny C shim for its variadic calls and globals.
    .systemLibrary(
        name: "CEditLine", path: "Sources/CEditLine", pkgConfig: "libedit",
        providers: [.apt(["libedit-dev"])]),
    .target(name: "CLibEdit", dependencies: ["CEditLine"]),
    // glibc's <malloc.h> (mallopt), which Swift's Glibc module leaves out: the heap tuning of
    // `HugePages`.
    .systemLibrary(name: "CMalloc", path: "Sources/CMalloc"),
    // ReadStat, for SPSS .sav survey files. Debian's libreadstat-dev ships no readstat.pc, so it
    // is found on the default include and library paths rather than through pkg-config.
    .systemLibrary(name: "CReadStat", path: "Sources/CReadStat", providers: [.apt(["libreadstat-dev"])]),
    // SIMD block classification for the survey scanner, with a portable fallback.
    .target(name: "CFastScan", cSettings: [.unsafeFlags(["-O3"])]),
    // Exact all-k-nearest-neighbours for `diff nearest`: a k-d tree walked by blocks of queries,
    // SIMD leaf scans (AVX-512 VNNI, AVX2 or baseline, chosen at run time).
    .target(name: "CNearest", cSettings: [.unsafeFlags(["-O3"])]),
    // libzmq and libcrypto for the Jupyter kernel, opened with dlopen when a kernel starts (so the
    // REPL does not load them), behind functions with their signatures.
    .target(name: "CKernel", linkerSettings: [.linkedLibrary("dl", .when(platforms: [.linux]))]),
    // The Jupyter wire protocol: connection files, signed multipart messages, the five sockets.
    .target(name: "Jupyter", dependencies: ["CKernel", "Workbench"]),
    // The executable: terminal, files, signals, process flags, the Jupyter kernel. The only place that prints.
    .executableTarget(
        name: "valuebench",
        dependencies: [
            "ValueCore", "Workbench", "CLibEdit", "CMalloc", "Jupyter",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ]
            + plugins.map { .target(name: $0) },
        plugins: ["RegisterPlugins"]),
    // Writes the executable's `allPlugins` from its dependencies under Plugins/.
    .executableTarget(name: "plugin-list", path: "BuildTools/PluginList"),
    .plugin(
        name: "RegisterPlugins", capability: .buildTool(), dependencies: ["plugin-list"],
        path: "BuildTools/RegisterPlugins"),
    // What several test targets share (a seeded random generator, TestBench).
    .target(name: "TestSupport", dependencies: ["ValueCore", "Workbench"], path: "Tests/TestSupport"),
    .testTarget(name: "ValueCoreTests", dependencies: ["ValueCore", "TestSupport"]),
    // The shared plugin tests see every plugin through the same generated `allPlugins`.
    .testTarget(
        name: "WorkbenchTests",
        dependencies: ["Workbench", "ValueCore", "TestSupport"] + plugins.map { .target(name: $0) },
        exclude: ["Golden"], plugins: ["RegisterPlugins"]),
    .testTarget(name: "ValuebenchTests", dependencies: ["valuebench", "TestSupport"]),
    .testTarget(name: "JupyterTests", dependencies: ["Jupyter", "Workbench"]),
]
/// Data files beside a plugin's tests that are read by path, not built (e.g. KPI's CSV fixtures).
let pluginTestExcludes: [String: [String]] = [
    "KPI": ["Fixtures"]
]
for name in plugins {
    targets.append(
        .target(
            name: name,
            dependencies: ["ValueCore", "Workbench"] + (pluginDependencies[name] ?? []),
            path: "Plugins/\(name)"))
    // A plugin's tests that use other plugins (GuideTests parses every suggestion) get the
    // generated `allPlugins` of those they depend on, as the executable does.
    targets.append(
        .testTarget(
            name: "\(name)Tests",
            dependencies: [.target(name: name), "ValueCore", "Workbench", "TestSupport"]
                + (pluginTestDependencies[name] ?? []),
            exclude: pluginTestExcludes[name] ?? [],
            plugins: pluginTestDependencies[name] == nil ? [] : ["RegisterPlugins"]))
}
for index in targets.indices where targets[index].type != .system && targets[index].type != .plugin {
    if targets[index].swiftSettings == nil { targets[index].swiftSettings = [] }
    targets[index].swiftSettings! += swiftSettings
}

let package = Package(
    name: "ValueBench",
    platforms: [.macOS(.v14)],
    products: [.executable(name: "valuebench", targets: ["valuebench"])],
    dependencies: [.package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0")],
    targets: targets
)
