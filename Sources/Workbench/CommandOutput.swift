/// A table of strings with a header row. Rendered aligned on a terminal, as CSV with
/// `set format csv`.
public struct Table: Sendable, Equatable {
    public enum Alignment: Sendable, Equatable { case left, right }
    public var headers: [String]
    public var rows: [[String]]
    /// Per column; missing entries are left-aligned.
    public var alignments: [Alignment]
    /// The table for CSV and TSV when cells shown to people cannot be read as figures (a column
    /// mixing "54 / 19 / 15" with "75 satisfied"): see `Table.forMachines()`.
    public var delimited: Delimited?
    public init(headers: [String], rows: [[String]], alignments: [Alignment] = [], delimited: Delimited? = nil) {
        self.headers = headers; self.rows = rows; self.alignments = alignments; self.delimited = delimited
    }

    /// Plain cells: numbers at full precision, one figure per cell.
    public struct Delimited: Sendable, Equatable {
        public var headers: [String]
        public var rows: [[String]]
        public init(headers: [String], rows: [[String]]) { self.headers = headers; self.rows = rows }
    }
}

/// A chart in two renderings: Unicode text for the terminal (readable at 80 columns, monochrome)
/// and SVG for notebooks. Both must escape every name they show.
public struct Chart: Sendable, Equatable {
    public var title: String
    public var text: String
    public var svg: String
    public init(title: String, text: String, svg: String) { self.title = title; self.text = text; self.svg = svg }
}

/// One part of what a command shows.
public enum OutputBlock: Sendable, Equatable {
    case text(String)
    case table(Table)
    case chart(Chart)
    /// Markdown: shown as text on the terminal, stored as `text/markdown` in notebooks.
    case markdown(String)
    /// One content in two forms (a guide screen): `text` laid out for the terminal, `markdown`
    /// (every name escaped) stored as `text/markdown` in notebooks.
    case prose(text: String, markdown: String)
}

/// What a command returns: blocks for people, and the typed value for `--json`, scripts and
/// notebooks (`application/vnd.valuebench+json`).
public struct CommandOutput: Sendable, Equatable {
    public var blocks: [OutputBlock]
    /// The result as data. nil: the command has no data to give (e.g. `help`).
    public var data: JSON?
    /// Lines for stderr that are not errors (e.g. a warning that a file format was guessed).
    public var notes: [String]
    /// The text only confirms what the command did ("Added enterprise CATL."): `--quiet` leaves
    /// it out, and machine formats (JSON, CSV, TSV) keep it off stdout. Set by `message`.
    public var isConfirmation: Bool

    public init(blocks: [OutputBlock] = [], data: JSON? = nil, notes: [String] = [], isConfirmation: Bool = false) {
        self.blocks = blocks; self.data = data; self.notes = notes; self.isConfirmation = isConfirmation
    }

    /// A one-line confirmation with its data.
    public static func message(_ text: String, data: JSON? = nil) -> CommandOutput {
        CommandOutput(blocks: [.text(text)], data: data, isConfirmation: true)
    }

    public static let empty = CommandOutput()

    /// The first chart, if any (notebooks store it as `image/svg+xml`).
    public var chart: Chart? {
        for case let .chart(c) in blocks { return c }
        return nil
    }
}
