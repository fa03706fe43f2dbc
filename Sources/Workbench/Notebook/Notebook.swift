/// A Jupyter notebook (nbformat 4.5) as ValueBench reads and writes it.
///
/// The model keeps everything it does not use — unknown metadata keys, cell fields, tags, output
/// mime types — exactly as found, so a notebook edited in JupyterLab opens and saves without
/// loss. Multi-line text is held joined (one `String`), as nbformat holds it in memory; the
/// writer splits it into lines again where Jupyter does (`Notebook+Writing.swift`).
public struct Notebook: Sendable, Equatable {
    public var cells: [Cell]
    /// The notebook's `metadata` object. ValueBench's own state lives only under `valuebench`.
    public var metadata: JSON
    public var nbformat: Int
    public var nbformatMinor: Int
    /// Top-level keys other than `cells`, `metadata`, `nbformat`, `nbformat_minor`.
    public var extra: [(String, JSON)]

    public init(
        cells: [Cell] = [], metadata: JSON = .object([]), nbformat: Int = 4, nbformatMinor: Int = 5,
        extra: [(String, JSON)] = []
    ) {
        self.cells = cells; self.metadata = metadata; self.nbformat = nbformat; self.nbformatMinor = nbformatMinor
        self.extra = extra
    }

    public static func == (a: Notebook, b: Notebook) -> Bool {
        a.cells == b.cells && a.metadata == b.metadata && a.nbformat == b.nbformat
            && a.nbformatMinor == b.nbformatMinor && JSON.object(a.extra) == JSON.object(b.extra)
    }

    /// The kernel Jupyter is told about (there is no kernel: the notebook is a record).
    public static let kernelspec: JSON = [
        "name": "valuebench", "display_name": "ValueBench", "language": "valuebench",
    ]
    public static let languageInfo: JSON = [
        "name": "valuebench", "file_extension": ".vbench", "mimetype": "text/x-valuebench", "pygments_lexer": "text",
    ]
    /// The mime type of a command's typed result.
    public static let dataMime = "application/vnd.valuebench+json"

    /// `metadata.valuebench`, or an empty object.
    public var workbench: JSON { metadata["valuebench"] ?? .object([]) }

    /// Replaces (or adds) `metadata.valuebench.<key>`; nil removes it.
    public mutating func setWorkbench(_ key: String, _ value: JSON?) {
        var wb = workbench.objectValue ?? []
        if let i = wb.firstIndex(where: { $0.0 == key }) {
            if let value { wb[i].1 = value } else { wb.remove(at: i) }
        } else if let value {
            wb.append((key, value))
        }
        metadata = metadata.setting("valuebench", .object(wb))
    }

    /// Sets the kernelspec and language_info ValueBench notebooks carry, keeping other keys.
    public mutating func stampKernel() {
        metadata = metadata.setting("kernelspec", Notebook.kernelspec).setting("language_info", Notebook.languageInfo)
    }

    // MARK: Cell ids

    /// The next free cell number: above every number used by an id of the form `c12`/`m12`,
    /// and above `metadata.valuebench.next_cell`, so that an id is never handed out twice even
    /// after the cell that had it was deleted.
    public var nextCellNumber: Int {
        // A hostile value cannot make the counter overflow: numbers stay below 10^12.
        var next = min(workbench["next_cell"]?.intValue ?? 1, Notebook.maxCellNumber)
        if let known = scannedNext, known.count == cells.count {
            next = max(next, known.next)
        } else {
            for i in cells.indices {
                if let n = Cell.number(ofID: cells[i].id) { next = max(next, min(n + 1, Notebook.maxCellNumber)) }
            }
        }
        return max(next, 1)
    }

    /// The cell-id scan's result, valid while the cell count is unchanged; `append` keeps it,
    /// so recording a long session does not rescan every cell for each new one.
    private var scannedNext: (count: Int, next: Int)?

    /// Appends a cell, giving it the next id (`c<N>` for code, `m<N>` otherwise).
    @discardableResult
    public mutating func append(_ cell: Cell) -> String {
        var cell = cell
        let n = nextCellNumber
        cell.id = (cell.kind == .code ? "c" : "m") + String(n)
        if n == Notebook.maxCellNumber {
            // Only a hostile counter gets here: keep ids unique all the same.
            var k = cells.count
            while cells.contains(where: { $0.id == cell.id }) { cell.id = "x\(n)-\(k)"; k += 1 }
        }
        cells.append(cell)
        setWorkbench("next_cell", .int(n + 1))
        scannedNext = (cells.count, min(n + 1, Notebook.maxCellNumber))
        return cell.id
    }

    /// The largest execution count among the code cells (0 when none), at most 10^12.
    public var lastExecutionCount: Int {
        var last = 0
        for i in cells.indices { last = max(last, cells[i].executionCount ?? 0) }
        return min(last, Notebook.maxCellNumber)
    }

    /// Cell numbers and execution counts are kept below this (ids have at most 11 digits).
    static let maxCellNumber = 999_999_999_999
}

/// One cell. Code cells hold a workbench command and what it returned.
public struct Cell: Sendable, Equatable {
    public enum Kind: String, Sendable { case code, markdown, raw }
    public var kind: Kind
    public var id: String
    /// The text, joined (lists of lines in the file are joined on reading).
    public var source: String
    /// The cell's `metadata` object (tags, and anything else found).
    public var metadata: JSON
    /// Code cells: the outputs, as JSON objects with multi-line text joined.
    public var outputs: [JSON]
    /// Code cells: `execution_count` (nil is `null`).
    public var executionCount: Int?
    /// Other keys (e.g. `attachments`), kept as found.
    public var extra: [(String, JSON)]

    public init(
        kind: Kind, id: String = "", source: String, metadata: JSON = .object([]), outputs: [JSON] = [],
        executionCount: Int? = nil, extra: [(String, JSON)] = []
    ) {
        self.kind = kind; self.id = id; self.source = source; self.metadata = metadata; self.outputs = outputs
        self.executionCount = executionCount; self.extra = extra
    }

    public static func == (a: Cell, b: Cell) -> Bool {
        a.kind == b.kind && a.id == b.id && a.source == b.source && a.metadata == b.metadata
            && a.outputs == b.outputs && a.executionCount == b.executionCount
            && JSON.object(a.extra) == JSON.object(b.extra)
    }

    /// `metadata.tags`, the strings among them.
    public var tags: [String] { metadata["tags"]?.arrayValue?.compactMap(\.stringValue) ?? [] }

    public func hasTag(_ tag: String) -> Bool { tags.contains(tag) }

    /// Adds a tag (once).
    public mutating func addTag(_ tag: String) {
        guard !hasTag(tag) else { return }
        var list = metadata["tags"]?.arrayValue ?? []
        list.append(.string(tag))
        metadata = metadata.setting("tags", .array(list))
    }

    /// Whether replay (and open) leave this cell out: nbval's `nbval-skip` and Jupyter's `skip-execution`.
    public var isSkipped: Bool { hasTag("nbval-skip") || hasTag("skip-execution") }

    /// `12` for ids `c12` or `m12`; nil for ids of another shape.
    static func number(ofID id: String) -> Int? {
        guard let first = id.utf8.first, first == UInt8(ascii: "c") || first == UInt8(ascii: "m") else { return nil }
        let digits = id.utf8.dropFirst()
        guard !digits.isEmpty, digits.count < 12, digits.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) else { return nil }
        return Int(String(decoding: digits, as: UTF8.self))
    }

    /// A markdown cell (a `note`).
    public static func markdown(_ text: String) -> Cell { Cell(kind: .markdown, source: text) }

    /// The code cell for a command that ran: an `execute_result` (text/plain always, the typed
    /// value, an SVG chart, HTML or Markdown by `Renderer.richForm`), and notes as a `stderr` stream.
    public static func code(_ source: String, output: CommandOutput, executionCount: Int) -> Cell {
        Cell(
            kind: .code, source: source, outputs: Cell.outputs(for: output, executionCount: executionCount),
            executionCount: executionCount)
    }

    /// The code cell for a command that failed: an `error` output, tagged `raises-exception` so
    /// that replay expects the error again.
    public static func code(_ source: String, error: CommandError, executionCount: Int) -> Cell {
        var cell = Cell(kind: .code, source: source, outputs: [Cell.errorOutput(error)], executionCount: executionCount)
        cell.addTag("raises-exception")
        return cell
    }

    /// The outputs a command's result is stored as (the Jupyter kernel sends the same bundle).
    public static func outputs(for output: CommandOutput, executionCount: Int?) -> [JSON] {
        outputs(for: output, executionCount: executionCount, rich: true)
    }

    /// - Parameter rich: add the HTML or Markdown form; replay, which compares `text/plain` and
    ///   the typed JSON only, saves building it (a third of a table-heavy notebook's bytes).
    static func outputs(for output: CommandOutput, executionCount: Int?, rich: Bool) -> [JSON] {
        var outputs: [JSON] = []
        if !output.notes.isEmpty {
            outputs.append([
                "name": "stderr", "output_type": "stream",
                "text": .string(output.notes.map { "note: \($0)\n" }.joined()),
            ])
        }
        let plain = Renderer.plain(output)
        if output.blocks.isEmpty && output.data == nil { return outputs }
        // In sorted key order (the writer then has nothing to sort).
        var data: [(String, JSON)] = []
        if let value = output.data { data.append((Notebook.dataMime, value)) }
        if let chart = output.chart { data.append(("image/svg+xml", .string(chart.svg))) }
        switch rich ? Renderer.richForm(of: output) : nil {
        case .html: data.append(("text/html", .string(Renderer.html(output))))
        case .markdown: data.append(("text/markdown", .string(Renderer.markdown(output))))
        case nil: break
        }
        data.append(("text/plain", .string(plain)))
        outputs.append([
            "data": .object(data), "execution_count": executionCount.map { .int($0) } ?? .null,
            "metadata": .object([]), "output_type": "execute_result",
        ])
        return outputs
    }

    /// An `error` output: `ename` is the stable code; the traceback's one line is what viewers show.
    public static func errorOutput(_ error: CommandError) -> JSON {
        [
            "ename": .string(error.code), "evalue": .string(error.message), "output_type": "error",
            "traceback": [.string("\(error.code): \(error.message)")],
        ]
    }
}

extension JSON {
    /// A copy of this object with `key` set to `value` (replaced in place, or appended).
    /// A non-object becomes an object holding only `key`.
    public func setting(_ key: String, _ value: JSON) -> JSON {
        var pairs = objectValue ?? []
        if let i = pairs.firstIndex(where: { $0.0 == key }) { pairs[i].1 = value } else { pairs.append((key, value)) }
        return .object(pairs)
    }

    /// A copy of this object without `key`.
    public func removing(_ key: String) -> JSON {
        guard var pairs = objectValue else { return self }
        pairs.removeAll { $0.0 == key }
        return .object(pairs)
    }
}
