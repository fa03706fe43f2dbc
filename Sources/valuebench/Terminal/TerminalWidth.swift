#if canImport(Glibc)
    import Glibc
#endif

/// The width of the terminal on stdout, asked before each command's output (it may have been
/// resized); nil when stdout is not a terminal: pipes and files keep full values.
enum TerminalWidth {
    static func columns(of stream: OutputStream) -> Int? {
        guard stream.fd == 1, stream.autoFlush else { return nil }  // autoFlush: stdout is a terminal
        var size = winsize()
        guard ioctl(1, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 else {
            return getenv("COLUMNS").flatMap { Int(String(cString: $0)) }
        }
        return Int(size.ws_col)
    }
}
