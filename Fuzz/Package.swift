// swift-tools-version: 6.1
import PackageDescription

/// libFuzzer targets for ValueBench, a package of its own so that the main `swift build` and
/// `swift test` never see them. The library modules are the main package's own sources, reached
/// through the symbolic links in Modules/ (SwiftPM keeps target paths inside the package).
/// Built by Fuzz/run.sh with `-sanitize=fuzzer,address` into `.build/fuzz`.
let plugins = ["Modeling", "Guide", "KPI", "Differentiation", "Pricing"]
let pluginDependencies: [String: [Target.Dependency]] = [
    "KPI": ["CFastScan", "CReadStat"],
    "Differentiation": ["CNearest"],
    "Guide": ["KPI", "Differentiation"],
    "Pricing": ["KPI"],
]

var targets: [Target] = [
    .target(name: "ValueCore", path: "Modules/ValueCore"),
    .target(name: "Workbench", dependencies: ["ValueCore"], path: "Modules/Workbench"),
    .systemLibrary(name: "CReadStat", path: "Modules/CReadStat"),
    .target(name: "CFastScan", path: "Modules/CFastScan", cSettings: [.unsafeFlags(["-O2"])]),
    .target(name: "CNearest", path: "Modules/CNearest", cSettings: [.unsafeFlags(["-O2"])]),
    // What the targets share: every plugin (the executable's list) and files held in memory.
    .target(name: "CFuzzDriver", path: "Support/CFuzzDriver"),
    .target(
        name: "FuzzSupport", dependencies: ["Workbench", "CFuzzDriver"] + plugins.map { .target(name: $0) },
        path: "Support/FuzzSupport"),
]
for name in plugins {
    targets.append(
        .target(
            name: name, dependencies: ["ValueCore", "Workbench"] + (pluginDependencies[name] ?? []),
            path: "Modules/\(name)"))
}
/// One executable per target: Targets/<Name>/<Name>.swift, whose `<Name>_main` runs libFuzzer on its input function.
let fuzzTargets = ["FuzzCommandLine", "FuzzNotebook", "FuzzSurveyCSV", "FuzzDiffImport"]
for name in fuzzTargets {
    targets.append(
        .executableTarget(
            name: name, dependencies: ["FuzzSupport", "Workbench", "ValueCore", "KPI"],
            path: "Targets/\(name)",
            swiftSettings: [.unsafeFlags(["-parse-as-library"])]))
}
for index in targets.indices where targets[index].type != .system {
    targets[index].swiftSettings = (targets[index].swiftSettings ?? []) + [.enableUpcomingFeature("ExistentialAny")]
}

let package = Package(name: "ValueBenchFuzz", platforms: [.macOS(.v14)], targets: targets)
