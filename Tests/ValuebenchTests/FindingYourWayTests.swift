import Foundation
import Testing
@testable import valuebench

/// Finding one's way: `help GROUP`, help search, `exit` and `\q`, and what `undo` says.
@Suite struct FindingYourWayTests {
    @Test func helpOfAGroupListsItsCommandsWithTheirAbstracts() throws {
        let r = try runValuebench(["-c", "help kpi"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.hasPrefix("kpi: "))
        #expect(r.stdout.contains("\n  kpi nps "))
        #expect(r.stdout.contains("\n  kpi survey "))
        #expect(!r.stdout.contains("diff canvas"))
        let price = try runValuebench(["-c", "help price"])
        #expect(price.stdout.contains("  price psm "), "\(price.stdout)")
    }

    @Test func helpFindsCommandsByAWordOfTheirNameOrAbstract() throws {
        let r = try runValuebench(["-c", "help nps"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.hasPrefix("Commands about 'nps':\n  kpi nps "), "\(r.stdout)")
        #expect(r.stdout.contains("  kpi compare "))
        let unknown = try runValuebench(["-c", "help enterprize"])
        #expect(unknown.status == 1)
        #expect(unknown.stderr.contains("did you mean 'enterprise'?"))
    }

    @Test(arguments: ["exit", "\\q", "  EXIT  "])
    func exitAndBackslashQLeaveAsQuitDoes(word: String) throws {
        let r = try runValuebench([], input: "enterprise add A\n\(word)\nenterprise add B\n")
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout == "Added enterprise A.\n")
    }

    @Test func undoAndRedoSayWhatTheyTookBack() throws {
        let r = try runValuebench(
            [], input: "enterprise add 胖东来\nfactor set 胖东来 Service 10\nfactor set 胖东来 Price 4\nundo\nundo\nredo 2\n")
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains("Undid: factor set 胖东来 Price 4\nUndid: factor set 胖东来 Service 10\n"))
        #expect(r.stdout.hasSuffix("Redid 2 steps: factor set 胖东来 Service 10; factor set 胖东来 Price 4\n"))
    }

    @Test func surveyColumnsAreReadFromTheHeaderRows() {
        let path = MachineOutputTests.survey
        #expect(
            SurveyHeaders.columns(path) == [
                "StartDate", "EndDate", "ResponseId", "Store", "Q1", "Q2", "Q3", "Q4",
                "startDate", "endDate", "_recordId", "QID5", "QID1", "QID2", "QID3", "QID4_TEXT",
            ])
        #expect(SurveyHeaders.columns(path + ".missing") == [])
    }
}
