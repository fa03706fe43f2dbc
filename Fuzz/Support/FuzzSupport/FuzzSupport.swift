import CFuzzDriver
import Differentiation
import Guide
import KPI
import Modeling
import Pricing
import Workbench

/// Every plugin, in the executable's order (what BuildTools/PluginList generates for it).
public let allPlugins: [any WorkbenchPlugin] = [
    CorePlugin(), ModelingPlugin(), GuidePlugin(), KPIPlugin(), DifferentiationPlugin(), PricingPlugin(),
]

/// The registry of every plugin, built once.
public let fuzzRegistry = Registry(plugins: allPlugins)

/// Files held in memory: the fuzz input is a file that commands read by name.
public struct MemoryFiles: FileAccess {
    public var files: [String: [UInt8]]
    public init(_ files: [String: [UInt8]]) { self.files = files }
    public func resolve(_ path: String) throws -> String { path }
    public func read(_ path: String) throws -> [UInt8] {
        guard let bytes = files[path] else { throw CommandError("NoFile", "cannot read \(path): No such file") }
        return bytes
    }
    public func open(_ path: String) throws -> any RandomAccessFile { MemoryFile(bytes: try read(path)) }
    public func write(_ path: String, _ bytes: [UInt8]) throws { throw CommandError("NoFile", "read-only") }
}

/// One file in memory, read at offsets.
public struct MemoryFile: RandomAccessFile {
    public let bytes: [UInt8]
    public var size: Int { bytes.count }
    public func read(into buffer: UnsafeMutableRawBufferPointer, at offset: Int) throws -> Int {
        guard offset < bytes.count else { return 0 }
        let n = min(buffer.count, bytes.count - offset)
        bytes.withUnsafeBytes { buffer.baseAddress!.copyMemory(from: $0.baseAddress! + offset, byteCount: n) }
        return n
    }
}

/// The fuzz input as a `[UInt8]`.
public func bytes(_ data: UnsafePointer<UInt8>?, _ size: Int) -> [UInt8] {
    guard let data, size > 0 else { return [] }
    return Array(UnsafeBufferPointer(start: data, count: size))
}

/// Runs libFuzzer (its flags and corpus folders in `argv`) on `body`: what a target's entry point does.
public func runFuzzer(
    _ argc: Int32, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?,
    _ body: @convention(c) (UnsafePointer<UInt8>?, Int) -> Int32
) -> Int32 {
    var argc = argc
    var argv = argv
    return LLVMFuzzerRunDriver(&argc, &argv, body)
}
