import Testing
import ValueCore
import Workbench

/// Tab completion of survey column names after the options that name a column, once the
/// command's file is typed, and of factor names from the whole workspace.
@Suite struct ColumnCompletionTests {
    static let completer = Completer(
        registry: Registry(plugins: allPlugins), workspace: Workspace(),
        surveyColumns: { $0 == "s.csv" ? ["Store", "Q1", "Q2", "QID1"] : [] })

    @Test(arguments: [
        ("kpi survey s.csv --nps ", ["Store", "Q1", "Q2", "QID1"]),
        ("kpi survey s.csv --nps Q1 --by St", ["Store"]),
        ("kpi nps --file s.csv --column Q", ["Q1", "Q2", "QID1"]),
        ("kpi nps --column Q", []),
        ("price psm s.csv --too-cheap QI", ["QID1"]),
        ("kpi survey other.csv --ces ", []),
    ])
    func columnsAfterColumnOptions(line: String, expected: [String]) {
        #expect(Self.completer.complete(line).candidates == expected)
    }
}
