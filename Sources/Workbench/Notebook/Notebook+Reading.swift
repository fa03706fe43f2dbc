/// Why a notebook could not be read: one line a user can act on.
public struct NotebookError: Error, CustomStringConvertible, Equatable, Sendable {
    public var message: String
    public init(_ message: String) { self.message = message }
    public var description: String { message }
}

extension Notebook {
    /// The largest notebook file ValueBench reads, and writes: `save` refuses a larger one, so
    /// that whatever it writes `open` reads (a million imported enterprises save as about 570 MB;
    /// the cap was 256 MB for reading only). Anything much larger would only exhaust memory.
    public static let maxFileBytes = 2 << 30

    /// Reads a notebook from the bytes of an `.ipynb` file.
    ///
    /// Accepts nbformat 4 (any minor version; cells without ids get fresh ones), multi-line text
    /// as a string or a list of strings, and keeps every key it does not know.
    /// - Throws: `NotebookError` naming what is wrong (bad JSON and where, a field of the wrong
    ///   type and in which cell, duplicate cell ids, a file too large).
    public static func read(_ bytes: [UInt8]) throws -> Notebook {
        try bytes.withUnsafeBufferPointer { try read(bytes: $0) }
    }

    /// Reads a notebook from bytes in memory (e.g. a mapped file); nothing refers to them afterwards.
    public static func read(bytes: UnsafeBufferPointer<UInt8>) throws -> Notebook {
        guard bytes.count <= maxFileBytes else {
            throw NotebookError(
                "the file is \(bytes.count >> 20) MB; notebooks of up to \(maxFileBytes >> 20) MB are read")
        }
        let root: JSON
        do {
            root = try JSON.parse(bytes: bytes, limits: JSON.Limits(maxDepth: 256, maxStringBytes: maxFileBytes))
        } catch let e as JSONError {
            throw NotebookError("not valid JSON: \(e.description)")
        }
        return try read(root)
    }

    /// Reads a notebook from its parsed JSON.
    public static func read(_ root: JSON) throws -> Notebook {
        guard let top = root.objectValue else {
            throw NotebookError("not a notebook: the top level is not a JSON object")
        }
        var nb = Notebook()
        var sawCells = false, sawMajor = false
        for (key, value) in top {
            switch key {
            case "nbformat":
                guard let v = value.intValue else { throw NotebookError("'nbformat' must be an integer") }
                guard v == 4 else {
                    throw NotebookError("nbformat \(v) is not supported (ValueBench reads nbformat 4)")
                }
                nb.nbformat = v; sawMajor = true
            case "nbformat_minor":
                guard let v = value.intValue, v >= 0 else {
                    throw NotebookError("'nbformat_minor' must be a non-negative integer")
                }
                nb.nbformatMinor = v
            case "metadata":
                guard value.objectValue != nil else { throw NotebookError("'metadata' must be an object") }
                nb.metadata = value
                for key in ["orig_nbformat", "orig_nbformat_minor", "signature"] where value[key] != nil {
                    nb.metadata = nb.metadata.removing(key)
                }
            case "cells":
                guard let list = value.arrayValue else { throw NotebookError("'cells' must be a list") }
                nb.cells.reserveCapacity(list.count)
                for (i, c) in list.enumerated() { nb.cells.append(try Cell.read(c, position: i + 1)) }
                sawCells = true
            default:
                nb.extra.append((key, value))
            }
        }
        guard sawMajor else { throw NotebookError("not a notebook: 'nbformat' is missing") }
        guard sawCells else { throw NotebookError("not a notebook: 'cells' is missing") }
        if let wb = nb.metadata["valuebench"], wb.objectValue == nil {
            throw NotebookError("'metadata.valuebench' must be an object")
        }
        // Ids: nbformat 4.5 requires them, unique. Older notebooks get fresh ones.
        var seen = Set<String>()
        seen.reserveCapacity(nb.cells.count)
        for i in nb.cells.indices where !nb.cells[i].id.isEmpty {
            guard seen.insert(nb.cells[i].id).inserted else {
                throw NotebookError(
                    "cell \(i + 1): id '\(nb.cells[i].id)' is used by an earlier cell; cell ids must be unique")
            }
        }
        if seen.count < nb.cells.count {
            var next = nb.nextCellNumber
            for i in nb.cells.indices where nb.cells[i].id.isEmpty {
                var id: String
                repeat {
                    id = (nb.cells[i].kind == .code ? "c" : "m") + String(next)
                    next += 1
                } while seen.contains(id)
                seen.insert(id)
                nb.cells[i].id = id
            }
            nb.setWorkbench("next_cell", .int(next))
        }
        nb.nbformatMinor = max(nb.nbformatMinor, 5)
        return nb
    }
}

extension Cell {
    /// One cell from its JSON; `position` (1-based) names it in errors.
    static func read(_ json: JSON, position: Int) throws -> Cell {
        func fail(_ what: String) -> NotebookError { NotebookError("cell \(position): \(what)") }
        guard let pairs = json.objectValue else { throw fail("not a JSON object") }
        var kind: Kind?
        var cell = Cell(kind: .raw, source: "")
        var sawSource = false
        for (key, value) in pairs {
            switch key {
            case "cell_type":
                guard let s = value.stringValue, let k = Kind(rawValue: s) else {
                    throw fail("'cell_type' must be \"code\", \"markdown\" or \"raw\"")
                }
                kind = k
            case "id":
                guard let s = value.stringValue else { throw fail("'id' must be a string") }
                guard Cell.isValidID(s) else {
                    throw fail("id '\(s.prefix(80))' is not 1–64 letters, digits, '-' or '_'")
                }
                cell.id = s
            case "source":
                cell.source = try Cell.text(value) ?? { throw fail("'source' must be a string or a list of strings") }()
                sawSource = true
            case "metadata":
                guard value.objectValue != nil else { throw fail("'metadata' must be an object") }
                cell.metadata = value["trusted"] == nil ? value : value.removing("trusted")
                if let tags = value["tags"], tags.arrayValue?.allSatisfy({ $0.stringValue != nil }) != true {
                    throw fail("'metadata.tags' must be a list of strings")
                }
            case "outputs":
                guard let list = value.arrayValue else { throw fail("'outputs' must be a list") }
                cell.outputs = try list.enumerated().map { try Cell.readOutput($1, cell: position, index: $0 + 1) }
            case "execution_count":
                switch value {
                case .null: cell.executionCount = nil
                case let .int(n) where n >= 0: cell.executionCount = n
                default: throw fail("'execution_count' must be a non-negative integer or null")
                }
            case "attachments":
                guard let atts = value.objectValue else { throw fail("'attachments' must be an object") }
                cell.extra.append(
                    (
                        key,
                        .object(
                            atts.map { name, bundle in
                                (name, bundle.objectValue.map { JSON.object(Cell.rejoin(bundle: $0)) } ?? bundle)
                            })
                    ))
            default:
                cell.extra.append((key, value))
            }
        }
        guard let kind else { throw fail("'cell_type' is missing") }
        guard sawSource else { throw fail("'source' is missing") }
        cell.kind = kind
        if kind != .code, pairs.contains(where: { $0.0 == "outputs" }) {
            throw fail("a \(kind.rawValue) cell has 'outputs' (only code cells have outputs)")
        }
        return cell
    }

    /// Ids as nbformat 4.5 allows them.
    static func isValidID(_ s: String) -> Bool {
        let u = s.utf8
        return !u.isEmpty && u.count <= 64
            && u.allSatisfy { b in
                (b >= 0x30 && b <= 0x39) || (b >= 0x41 && b <= 0x5A) || (b >= 0x61 && b <= 0x7A) || b == 0x2D
                    || b == 0x5F
            }
    }

    /// A multi-line text field: a string, or a list of strings joined.
    static func text(_ value: JSON) -> String? {
        switch value {
        case let .string(s): return s
        case let .array(parts):
            var s = ""
            for p in parts {
                guard let line = p.stringValue else { return nil }
                s += line
            }
            return s
        default: return nil
        }
    }

    /// nbformat's `_rejoin_mimebundle`: lists of strings joined, except under JSON mime types.
    static func rejoin(bundle: [(String, JSON)]) -> [(String, JSON)] {
        guard
            bundle.contains(where: {
                if case .array = $0.1 { return !Cell.isJSONMime($0.0) }; return false
            })
        else { return bundle }
        return bundle.map { mime, value in
            if !Cell.isJSONMime(mime), case .array = value, let joined = Cell.text(value) {
                return (mime, .string(joined))
            }
            return (mime, value)
        }
    }

    static func isJSONMime(_ mime: String) -> Bool {
        mime == "application/json" || (mime.hasPrefix("application/") && mime.hasSuffix("+json"))
    }

    /// One output, checked for the fields its type requires, text joined.
    static func readOutput(_ json: JSON, cell: Int, index: Int) throws -> JSON {
        func fail(_ what: String) -> NotebookError { NotebookError("cell \(cell), output \(index): \(what)") }
        guard let pairs = json.objectValue else { throw fail("not a JSON object") }
        guard let type = json["output_type"]?.stringValue else {
            throw fail("'output_type' is missing or not a string")
        }
        var out = pairs
        switch type {
        case "execute_result", "display_data":
            guard let data = json["data"]?.objectValue else { throw fail("'data' must be an object") }
            if data.contains(where: {
                if case .array = $0.1 { return true }; return false
            }),
                let i = out.firstIndex(where: { $0.0 == "data" })
            {
                out[i].1 = .object(Cell.rejoin(bundle: data))
            }
            if let m = json["metadata"], m.objectValue == nil { throw fail("'metadata' must be an object") }
        case "stream":
            guard json["name"]?.stringValue != nil else { throw fail("a stream needs a 'name' string") }
            guard let t = json["text"], let text = Cell.text(t) else {
                throw fail("a stream needs 'text', a string or a list of strings")
            }
            if case .array = t, let i = out.firstIndex(where: { $0.0 == "text" }) { out[i].1 = .string(text) }
        case "error":
            guard json["ename"]?.stringValue != nil, json["evalue"]?.stringValue != nil else {
                throw fail("an error needs 'ename' and 'evalue' strings")
            }
            guard json["traceback"]?.arrayValue?.allSatisfy({ $0.stringValue != nil }) == true else {
                throw fail("an error needs 'traceback', a list of strings")
            }
        default:
            throw fail("output_type '\(type.prefix(40))' is not one of execute_result, display_data, stream, error")
        }
        return .object(out)
    }
}
