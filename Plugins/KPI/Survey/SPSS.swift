import CReadStat
import ValueCore
import Workbench

/// SPSS `.sav` (and compressed `.zsav`) files, read with ReadStat through the command's file
/// capability (ReadStat's I/O handlers read the `RandomAccessFile`; it never opens the path).
///
/// The file becomes a one-header-row CSV in memory that the usual scanner reads: the header is
/// the variables' names, a cell is the value's label when its variable has one for it, else the
/// number (or the string); missing values (system- or user-defined) are blank. Each variable's
/// label is its column's question text, and its value labels become the column's label map, so
/// that `--map` can still override them.
enum SPSS {
    /// Whether `head` (the first bytes of a file) starts like a `.sav` or `.zsav` file.
    static func isSAV(_ head: [UInt8]) -> Bool {
        head.count >= 4 && head[0] == 0x24 && head[1] == 0x46 && head[2] == 0x4C
            && (head[3] == 0x32 || head[3] == 0x33)  // "$FL2", "$FL3"
    }

    /// Opens `path` (already opened as `file`) as a survey file.
    static func open(_ path: String, file: any RandomAccessFile) throws -> SurveyFile {
        let data = try read(path, file: file)
        var csv: [UInt8] = []
        func append(_ text: String) {
            if text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) {
                csv.append(CSV.quote)
                for b in text.utf8 { if b == CSV.quote { csv.append(CSV.quote) }; csv.append(b) }
                csv.append(CSV.quote)
            } else {
                csv.append(contentsOf: text.utf8)
            }
        }
        for (i, v) in data.variables.enumerated() {
            if i > 0 { csv.append(CSV.comma) }
            append(v.name)
        }
        csv.append(CSV.newline)
        let dataStart = csv.count
        for row in 0..<data.rows {
            for (i, v) in data.variables.enumerated() {
                if i > 0 { csv.append(CSV.comma) }
                switch v.values[row] {
                case .missing: break
                case let .number(x): append(v.labels[labelKey(x)] ?? number(x))
                case let .text(s): append(v.labels[s] ?? s)
                }
            }
            csv.append(CSV.newline)
        }
        let columns = data.variables.enumerated().map { i, v in
            SurveyColumn(index: i, name: v.name, question: v.label.isEmpty ? nil : v.label)
        }
        var labelSets: [Int: [String: Int]] = [:]
        for (i, v) in data.variables.enumerated() where !v.labels.isEmpty {
            var map: [String: Int] = [:]
            for (key, label) in v.labels { if let n = Int(key) { map[Name.foldTrim(label)] = n } }
            if !map.isEmpty { labelSets[i] = map }
        }
        return SurveyFile(
            path: path, format: .spss, detected: true, columns: columns, dataStart: dataStart,
            file: MemoryFile(bytes: csv), labelSets: labelSets)
    }

    /// A number as a cell: whole numbers without decimals.
    static func number(_ x: Double) -> String {
        if x == x.rounded(), abs(x) < 1e15 { return String(Int(x)) }
        return String(x)
    }

    /// The key of a numeric value label: the number as `number` writes it.
    static func labelKey(_ x: Double) -> String { number(x) }

    enum Value { case missing, number(Double), text(String) }

    struct Variable {
        var name: String
        var label: String
        var labelSet: String
        var values: [Value] = []
        /// Value (as `labelKey` or the string) → label.
        var labels: [String: String] = [:]
    }

    /// What the handlers collect.
    final class Reading {
        let file: any RandomAccessFile
        var position = 0
        var variables: [Variable] = []
        var labelSets: [String: [String: String]] = [:]
        var rows = 0
        var error: String?
        init(file: any RandomAccessFile) { self.file = file }
    }

    /// Reads every variable, value label and value.
    static func read(_ path: String, file: any RandomAccessFile) throws -> (variables: [Variable], rows: Int) {
        guard let parser = readstat_parser_init() else {
            throw CommandError("BadFile", "\(path): ReadStat could not start")
        }
        defer { readstat_parser_free(parser) }
        let reading = Reading(file: file)
        let context = Unmanaged.passUnretained(reading).toOpaque()
        readstat_set_open_handler(parser) { _, _ in 0 }
        readstat_set_close_handler(parser) { _ in 0 }
        readstat_set_seek_handler(parser) { offset, whence, io in
            let r = Unmanaged<Reading>.fromOpaque(io!).takeUnretainedValue()
            let base: Int
            switch whence {
            case READSTAT_SEEK_SET: base = 0
            case READSTAT_SEEK_CUR: base = r.position
            default: base = r.file.size
            }
            let target = base + Int(offset)
            guard target >= 0, target <= r.file.size else { return -1 }
            r.position = target
            return readstat_off_t(target)
        }
        readstat_set_read_handler(parser) { buffer, count, io in
            let r = Unmanaged<Reading>.fromOpaque(io!).takeUnretainedValue()
            guard let buffer else { return -1 }
            var done = 0
            while done < count {
                guard
                    let n = try? r.file.read(
                        into: UnsafeMutableRawBufferPointer(start: buffer + done, count: count - done),
                        at: r.position + done)
                else { return -1 }
                if n == 0 { break }
                done += n
            }
            r.position += done
            return done
        }
        readstat_set_update_handler(parser) { _, _, _, _ in READSTAT_OK }
        readstat_set_io_ctx(parser, context)
        readstat_set_error_handler(parser) { message, ctx in
            let r = Unmanaged<Reading>.fromOpaque(ctx!).takeUnretainedValue()
            if r.error == nil, let message { r.error = String(cString: message).trimmingSpaces }
        }
        readstat_set_metadata_handler(parser) { metadata, ctx in
            let r = Unmanaged<Reading>.fromOpaque(ctx!).takeUnretainedValue()
            r.rows = max(0, Int(readstat_get_row_count(metadata)))
            return handlerOK
        }
        readstat_set_variable_handler(parser) { _, variable, labelSet, ctx in
            let r = Unmanaged<Reading>.fromOpaque(ctx!).takeUnretainedValue()
            let name =
                readstat_variable_get_name(variable).map { String(cString: $0) } ?? "column \(r.variables.count + 1)"
            let label = readstat_variable_get_label(variable).map { String(cString: $0) } ?? ""
            var v = Variable(name: name, label: label, labelSet: labelSet.map { String(cString: $0) } ?? "")
            v.values.reserveCapacity(r.rows)
            r.variables.append(v)
            return handlerOK
        }
        readstat_set_value_label_handler(parser) { set, value, label, ctx in
            let r = Unmanaged<Reading>.fromOpaque(ctx!).takeUnretainedValue()
            guard let set, let label else { return handlerOK }
            let key: String
            if readstat_value_type_class(value) == READSTAT_TYPE_CLASS_STRING {
                key = readstat_string_value(value).map { String(cString: $0) } ?? ""
            } else {
                key = SPSS.labelKey(readstat_double_value(value))
            }
            r.labelSets[String(cString: set), default: [:]][key] = String(cString: label)
            return handlerOK
        }
        readstat_set_value_handler(parser) { _, variable, value, ctx in
            let r = Unmanaged<Reading>.fromOpaque(ctx!).takeUnretainedValue()
            let index = Int(readstat_variable_get_index(variable))
            guard index < r.variables.count else { return handlerOK }
            let v: Value
            if readstat_value_is_missing(value, variable) != 0 {
                v = .missing
            } else if readstat_value_type_class(value) == READSTAT_TYPE_CLASS_STRING {
                let s = readstat_string_value(value).map { String(cString: $0) } ?? ""
                v = s.isEmpty ? .missing : .text(s)
            } else {
                v = .number(readstat_double_value(value))
            }
            r.variables[index].values.append(v)
            return handlerOK
        }
        let status = readstat_parse_sav(parser, path, context)
        guard status == READSTAT_OK else {
            let why =
                reading.error ?? readstat_error_message(status).map { String(cString: $0) }
                ?? "error \(status.rawValue)"
            throw CommandError("BadFile", "\(path): not a readable SPSS file (\(why))")
        }
        var variables = reading.variables
        let rows = variables.map(\.values.count).max() ?? 0
        for i in variables.indices {
            variables[i].labels = reading.labelSets[variables[i].labelSet] ?? [:]
            while variables[i].values.count < rows { variables[i].values.append(.missing) }
        }
        return (variables, rows)
    }
}

/// What a ReadStat handler returns to go on (READSTAT_HANDLER_OK, imported as an Int).
private let handlerOK = Int32(READSTAT_HANDLER_OK)

/// Bytes in memory, read like a file (an SPSS file turned into CSV).
struct MemoryFile: RandomAccessFile {
    let bytes: [UInt8]
    var size: Int { bytes.count }
    func read(into buffer: UnsafeMutableRawBufferPointer, at offset: Int) throws -> Int {
        guard offset < bytes.count else { return 0 }
        let n = min(buffer.count, bytes.count - offset)
        bytes.withUnsafeBytes { buffer.baseAddress!.copyMemory(from: $0.baseAddress! + offset, byteCount: n) }
        return n
    }
}
