#if canImport(Glibc)
    import Glibc
#endif
import Workbench

/// Where command lines come from: libedit on a terminal, a pipe or file otherwise, or a list
/// (`-c`, tests). `nil` means the input is over.
protocol LineSource: AnyObject {
    /// The next physical line, without its newline. `prompt` is shown only by interactive sources.
    func readLine(prompt: String) -> String?
    /// Why the line just read cannot be run (bytes that are not UTF-8), or nil.
    var lineProblem: String? { get }
}

extension LineSource {
    var lineProblem: String? { nil }
}

/// Lines read from a file descriptor in large chunks (a pipe, a redirected file, a script).
///
/// A line is at most `maxLineBytes` long: a longer one (`< /dev/zero`, a binary file) ends the
/// input with `failure` set, rather than growing the buffer until memory runs out.
final class DescriptorLines: LineSource {
    /// The longest line read: 1 MiB.
    static let maxLineBytes = 1 << 20
    private let fd: Int32
    private let maxLine: Int
    private var buffer = [UInt8](repeating: 0, count: 1 << 16)
    private var start = 0
    private var end = 0
    private var eof = false
    private var lines = 0
    /// Why the input ended early (a folder, an I/O error, a line over the limit), or nil.
    private(set) var failure: String?
    private(set) var lineProblem: String?

    init(fd: Int32, maxLine: Int = DescriptorLines.maxLineBytes) { self.fd = fd; self.maxLine = maxLine }

    func readLine(prompt: String) -> String? {
        guard let bytes = nextLine() else { return nil }
        lines += 1
        // Bytes that are not UTF-8 would silently become U+FFFD and name something else.
        if let line = String(validating: bytes, as: UTF8.self) {
            lineProblem = nil
            return line
        }
        lineProblem = "the line holds bytes that are not UTF-8 text; commands are UTF-8"
        return ""
    }

    private func nextLine() -> ArraySlice<UInt8>? {
        if failure != nil { return nil }
        while true {
            let found = buffer.withUnsafeBytes { raw -> Int? in
                guard end > start, let p = memchr(raw.baseAddress! + start, 0x0A, end - start) else { return nil }
                return raw.baseAddress!.distance(to: UnsafeRawPointer(p))
            }
            if let nl = found, nl - start <= maxLine {
                var stop = nl
                if stop > start, buffer[stop - 1] == 0x0D { stop -= 1 }
                let line = buffer[start..<stop]
                start = nl + 1
                return line
            }
            if found != nil || end - start > maxLine {
                failure =
                    """
                    line \(lines + 1) is longer than \
                    \(maxLine >> 20 > 0 ? "\(maxLine >> 20) MiB" : "\(maxLine) bytes"), the longest line \
                    read (is this a script?)
                    """
                return nil
            }
            if eof {
                guard start < end else { return nil }
                let line = buffer[start..<end]
                start = end
                return line
            }
            // Move the partial line to the front and read more.
            if start > 0 {
                buffer.withUnsafeMutableBytes { raw in
                    _ = memmove(raw.baseAddress!, raw.baseAddress! + start, end - start)
                }
                end -= start
                start = 0
            }
            if end == buffer.count {
                buffer.append(contentsOf: repeatElement(0, count: min(buffer.count, maxLine + 2)))
            }
            let n = buffer.withUnsafeMutableBytes { raw in read(fd, raw.baseAddress! + end, raw.count - end) }
            if n < 0 {
                if errno == EINTR { continue }
                failure = String(cString: strerror(errno))
                eof = true
            } else if n == 0 {
                eof = true
            } else {
                end += n
            }
        }
    }
}

/// Lines given up front (`-c` arguments).
final class ListLines: LineSource {
    private var lines: [String]
    private var index = 0
    init(_ lines: [String]) { self.lines = lines }
    func readLine(prompt: String) -> String? {
        guard index < lines.count else { return nil }
        defer { index += 1 }
        return lines[index]
    }
}

/// A text's command lines as `Driver.run` reads them from a script: one a line, and a line
/// ending with `\` continues on the next (the `\` dropped). For the Jupyter kernel's cells.
enum LogicalLines {
    struct Line: Equatable {
        var text: String
        /// Ends with a continuing `\` that no line followed.
        var continues = false
    }

    static func split(_ text: String) -> [Line] {
        // By bytes: "\r\n" is one Character, which a split on "\n" would not cut.
        let source = ListLines(
            text.utf8.split(separator: 0x0A, omittingEmptySubsequences: false).map { line in
                String(decoding: line.last == 0x0D ? line.dropLast() : line, as: UTF8.self)
            })
        var lines: [Line] = []
        while var line = source.readLine(prompt: "") {
            var open = false
            while Tokenizer.continues(line) {
                line.removeLast()
                guard let more = source.readLine(prompt: "") else { open = true; break }
                line += more
            }
            lines.append(Line(text: line, continues: open))
        }
        return lines
    }
}
