import FuzzSupport
import Workbench

/// The entry point SwiftPM links as `main`.
@_cdecl("FuzzNotebook_main")
public func fuzzNotebookMain(_ argc: Int32, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> Int32 {
    runFuzzer(argc, argv, fuzzNotebook)
}

/// The notebook reader and the snapshot decoder: any bytes read as a notebook or fail with an
/// error; a notebook that reads has its snapshot restored (or refused) without a trap, and the
/// JSON tree decodes as a workspace snapshot or fails.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzNotebook(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    let input = bytes(data, size)
    if let notebook = try? Notebook.read(input) {
        _ = Snapshot.restore(from: notebook)
        _ = Snapshot.cellsHash(notebook)
    }
    if let tree = try? JSON.parse(bytes: input) {
        if let workspace = try? Snapshot.decode(tree) { _ = try? Snapshot.encode(workspace) }
        _ = Snapshot.checksum(tree)
    }
    return 0
}
