#if canImport(Glibc)
    import Glibc
#endif

/// Writing notebooks byte for byte as Jupyter does (`nbformat.writes`): `json.dumps(nb,
/// indent=1, sort_keys=True, separators=(",", ": "), ensure_ascii=False)` after `split_lines`
/// and `strip_transient`, plus the final newline Jupyter's file manager adds.
extension Notebook {
    /// The file's bytes.
    /// - Parameter capacity: the expected size (e.g. the size of the file read), to avoid regrowing.
    public func jupyterBytes(capacity: Int = 0) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(max(capacity + capacity / 8, cells.count * 600 + 4096))
        if !extra.isEmpty {
            JupyterWriter.write(diskJSON(), into: &out, indent: 0)
        } else {
            // Written directly, cell by cell, without building the on-disk tree first.
            out.append(contentsOf: "{\n \"cells\": ".utf8)
            if cells.isEmpty {
                out.append(contentsOf: "[]".utf8)
            } else {
                out.append(UInt8(ascii: "["))
                for (i, cell) in cells.enumerated() {
                    if i > 0 { out.append(UInt8(ascii: ",")) }
                    JupyterWriter.newline(&out, 2)
                    JupyterWriter.write(cell, into: &out, indent: 2)
                }
                out.append(contentsOf: "\n ]".utf8)
            }
            out.append(contentsOf: ",\n \"metadata\": ".utf8)
            JupyterWriter.write(diskMetadata, into: &out, indent: 1)
            out.append(contentsOf: ",\n \"nbformat\": \(nbformat),\n \"nbformat_minor\": \(nbformatMinor)\n}".utf8)
        }
        out.append(0x0A)
        return out
    }

    var diskMetadata: JSON {
        var m = metadata
        for key in ["orig_nbformat", "orig_nbformat_minor", "signature"] where m[key] != nil { m = m.removing(key) }
        return m
    }

    /// The file's text.
    public func jupyterText() -> String { String(decoding: jupyterBytes(), as: UTF8.self) }

    /// The notebook as it is stored on disk: multi-line text split into lists of lines.
    public func diskJSON() -> JSON {
        var top: [(String, JSON)] = [
            ("cells", .array(cells.map { $0.diskJSON() })),
            ("metadata", diskMetadata),
            ("nbformat", .int(nbformat)),
            ("nbformat_minor", .int(nbformatMinor)),
        ]
        top.append(contentsOf: extra)
        return .object(top)
    }
}

extension Cell {
    /// The cell as stored (nbformat's `split_lines`).
    public func diskJSON() -> JSON {
        // Built in sorted key order, so that the writer need not sort.
        var pairs: [(String, JSON)] = []
        pairs.reserveCapacity(7 + extra.count)
        var others = false
        for (key, value) in extra {
            if key == "attachments", let atts = value.objectValue {
                pairs.append(
                    (
                        key,
                        .object(
                            atts.map { name, bundle in
                                (name, bundle.objectValue.map { JSON.object(Cell.split(bundle: $0)) } ?? bundle)
                            })
                    ))
            } else {
                others = true
            }
        }
        pairs.append(("cell_type", .string(kind.rawValue)))
        if kind == .code { pairs.append(("execution_count", executionCount.map { .int($0) } ?? .null)) }
        pairs.append(("id", .string(id)))
        pairs.append(("metadata", metadata["trusted"] == nil ? metadata : metadata.removing("trusted")))
        if kind == .code { pairs.append(("outputs", .array(outputs.map(Cell.diskOutput)))) }
        pairs.append(("source", JupyterWriter.lines(source)))
        if others {
            pairs += extra.filter { $0.0 != "attachments" }
            return .object(JupyterWriter.sorted(pairs))
        }
        return .object(pairs)
    }

    static func diskOutput(_ output: JSON) -> JSON {
        guard var pairs = output.objectValue else { return output }
        switch output["output_type"]?.stringValue {
        case "execute_result", "display_data":
            if let i = pairs.firstIndex(where: { $0.0 == "data" }), let data = pairs[i].1.objectValue {
                pairs[i].1 = .object(Cell.split(bundle: data))
            }
        case "stream":
            if let i = pairs.firstIndex(where: { $0.0 == "text" }), case let .string(s) = pairs[i].1 {
                pairs[i].1 = JupyterWriter.lines(s)
            }
        default: break
        }
        return .object(pairs)
    }

    /// nbformat's `_split_mimebundle` (`JupyterWriter.isSplit(mime:)`); everything else stays as it is.
    static func split(bundle: [(String, JSON)]) -> [(String, JSON)] {
        bundle.map { mime, value in
            if case let .string(s) = value, JupyterWriter.isSplit(mime: mime) {
                return (mime, JupyterWriter.lines(s))
            }
            return (mime, value)
        }
    }
}
