import Workbench

/// The export formats recognised from the file's first rows (`--format` overrides).
public enum SurveyFormat: String, Sendable, CaseIterable {
    /// One header row.
    case plain
    /// Three header rows: column ids, question text, ImportId JSON.
    case qualtrics
    /// Two header rows: questions, then sub-labels (`Response`, `Open-Ended Response`, choices).
    case surveymonkey
    /// One header row starting with `Timestamp`.
    case googleForms = "google-forms"
    /// One header row starting with `#`, with `Submit Date (UTC)`.
    case typeform
    /// An SPSS `.sav` file (recognised by its first bytes, whatever `--format` says), read as one
    /// header row of variable names (SPSS.swift).
    case spss

    /// The formats `--format` can force: the CSV ones (an SPSS file is recognised by its bytes).
    public static var csvCases: [SurveyFormat] { allCases.filter { $0 != .spss } }

    /// `--format`, for every command that reads a CSV export.
    public static let option = OptionSpec(
        "format", .choice(csvCases.map(\.rawValue)), help: "the export format, when detection guesses wrong")

    /// The CSV formats in words, for help texts: "plain, Qualtrics, …, Google Forms" and then
    /// `last` before the final one ("or Typeform"), or a comma when `last` is nil.
    public static func csvNames(last: String? = nil) -> String {
        let names = csvCases.map { $0 == .plain ? "plain" : $0.title }
        guard let last, let final = names.last else { return names.joined(separator: ", ") }
        return names.dropLast().joined(separator: ", ") + " \(last) " + final
    }

    public var headerRows: Int {
        switch self {
        case .qualtrics: return 3
        case .surveymonkey: return 2
        default: return 1
        }
    }

    public var title: String {
        switch self {
        case .plain: return "plain CSV"
        case .qualtrics: return "Qualtrics"
        case .surveymonkey: return "SurveyMonkey"
        case .googleForms: return "Google Forms"
        case .typeform: return "Typeform"
        case .spss: return "SPSS"
        }
    }

    /// The format the first rows show.
    public static func detect(_ rows: [[String]]) -> SurveyFormat {
        guard let first = rows.first else { return .plain }
        if rows.count >= 3, rows[2].first?.hasPrefix("{\"ImportId\"") == true { return .qualtrics }
        if first.first == "Respondent ID" || first.contains("Collector ID")
            || (rows.count >= 2 && rows[1].contains { $0 == "Response" || $0 == "Open-Ended Response" })
        {
            return .surveymonkey
        }
        if first.first == "Timestamp" { return .googleForms }
        if first.first == "#" || first.contains("Submit Date (UTC)") { return .typeform }
        return .plain
    }
}
