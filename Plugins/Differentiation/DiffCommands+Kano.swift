import ValueCore
import Workbench

/// `diff kano`: Kano categories from a survey file.
extension DiffCommands {
    static let kano = CommandSpec(
        "diff kano", abstract: "Kano categories from functional/dysfunctional survey answers, with Better and Worse",
        discussion: """
            The CSV has columns feature, functional, dysfunctional (in any order; others are
            ignored), one row per respondent and feature; answers 1 Like, 2 Must-be, 3 Neutral,
            4 Live-with, 5 Dislike. Each pair is classified by the standard evaluation table
            (A attractive, O one-dimensional, M must-be, I indifferent, R reverse, Q questionable);
            a feature's category is its most frequent one, ties broken M > O > A > I (> R > Q).
            Better = (A+O)/(A+O+M+I), Worse = −(O+M)/(A+O+M+I).
            """,
        arguments: [ArgumentSpec("file", .file, help: "the survey CSV")],
        examples: ["diff kano notebooks/data/ev-battery-kano.csv"]
    ) { ctx in
        let path = try ctx.arguments.required("file")
        let bytes = EnterpriseCSV.lineEnds(try ctx.files.read(path))
        return KanoResult(try CommandError.naming(path, after: "diff kano: ") { try KanoCSV.parse(bytes) }).output()
    }
}
