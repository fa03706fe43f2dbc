import FuzzSupport
import Workbench

/// The entry point SwiftPM links as `main`.
@_cdecl("FuzzCommandLine_main")
public func fuzzCommandLineMain(_ argc: Int32, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> Int32 {
    runFuzzer(argc, argv, fuzzCommandLine)
}

/// The tokenizer and parser with the registry of every plugin: any line tokenizes or fails with
/// `Tokenizer.Failure`, parses or fails with `ParseError`, and completion never traps. Lines
/// that parse are not run (commands are fuzzed through their inputs in the other targets).
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzCommandLine(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    let line = String(decoding: bytes(data, size), as: UTF8.self)
    _ = Tokenizer.continues(line)
    _ = Tokenizer.partial(line)
    if let tokens = try? Tokenizer.tokenize(line), !tokens.isEmpty {
        _ = try? fuzzRegistry.parse(tokens)
        _ = fuzzRegistry.nextWords(after: tokens.map(\.text))
        for t in tokens { _ = Tokenizer.quote(t.text) }
    }
    return 0
}
