import KPI
import Workbench

/// Column names of a survey export for tab completion, from its header rows alone (a file of
/// millions of answers completes as fast as a small one).
enum SurveyHeaders {
    /// The headers, then the question ids that differ from them (Qualtrics' `QID1`); none when
    /// the file cannot be read as a survey export.
    static func columns(_ path: String) -> [String] {
        guard let file = try? SurveyFile.open(path, files: LocalFileAccess()) else { return [] }
        let names = file.columns.map(\.name).filter { !$0.isEmpty }
        let ids = file.columns.compactMap(\.importId).filter { !names.contains($0) }
        return names + ids
    }
}
