import FuzzSupport
import Workbench

/// The entry point SwiftPM links as `main`.
@_cdecl("FuzzDiffImport_main")
public func fuzzDiffImportMain(_ argc: Int32, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> Int32 {
    runFuzzer(argc, argv, fuzzDiffImport)
}

/// `diff import` on any file: it imports (and undo removes every enterprise) or fails with one
/// error and leaves the workspace as it was.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzDiffImport(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    var session = Session(registry: fuzzRegistry, files: MemoryFiles(["in.csv": bytes(data, size)]))
    _ = session.execute("enterprise add Existing")
    let before = session.workspace.enterprises.count
    switch session.execute("diff import in.csv") {
    case .success:
        _ = session.execute("undo")
        let left = session.workspace.enterprises.count
        if left != before { fatalError("undo left \(left) enterprises, not \(before)") }
    case let .failure(error):
        if session.workspace.enterprises.count != before { fatalError("a failed import changed the workspace") }
        if error.message.contains("\n") { fatalError("a multi-line error: \(error.message)") }
    case .nothing:
        fatalError("diff import did nothing")
    }
    return 0
}
