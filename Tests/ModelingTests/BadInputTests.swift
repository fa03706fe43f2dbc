import Testing
import ValueCore
import Workbench
import Modeling

/// Every command refuses bad input with one line naming what was wrong, and changes nothing.
@Suite struct BadInputTests {
    /// (line, error code, a fragment the message must hold), run on the example workspace.
    static let cases: [(String, String, String)] = [
        // enterprise
        ("enterprise add catl", "DuplicateName", "'CATL' already exists"),
        ("enterprise add \"\"", "BadValue", "empty"),
        ("enterprise add \"   \"", "BadValue", "the enterprise name is empty"),  // blank names were added
        ("enterprise add \"a\u{1B}[31mb\"", "BadValue", "enterprise add: NAME holds the control character U+001B"),
        ("resource add \"a\tb\"", "BadValue", "resource add: NAME holds the control character U+0009"),
        ("enterprise show CATLL", "UnknownName", "did you mean 'CATL'"),
        ("enterprise show Tesla", "UnknownName", "no enterprise named 'Tesla'"),
        ("enterprise set CATL", "BadValue", "nothing to change"),
        ("enterprise set CATL --name byd", "DuplicateName", "'BYD' already exists"),
        ("enterprise set CATL --competitor catl", "BadValue", "its own competitor"),
        ("enterprise set CATL --competitor byd --competitor BYD", "DuplicateName", "competitor 'BYD'"),
        ("enterprise set CATL --competitor BDY", "UnknownName", "no enterprise named 'BDY'; did you mean 'BYD'?"),
        ("enterprise set CATL --competitor Yonghui", "UnknownName", "add it first: `enterprise add Yonghui`"),
        ("enterprise set CATL --competitor X --no-competitors", "BadValue", "contradict"),
        ("enterprise set CATL --price -1", "OutOfRange", "outside 0…"),
        ("enterprise set CATL --price cheap", "BadValue", "must be a number"),
        ("enterprise set CATL --industry", "MissingValue", "--industry needs a value"),
        ("enterprise remove Nobody", "UnknownName", "no enterprise named 'Nobody'"),
        ("enterprise list extra", "ExtraArgument", "unexpected argument 'extra'"),
        ("use Nobody", "UnknownName", "no enterprise named 'Nobody'"),
        ("use catk", "UnknownName", "did you mean 'CATL'"),
        // resource
        ("resource add \"battery r&d\"", "DuplicateName", "'Battery R&D' already exists"),
        ("resource add X --strength 11", "OutOfRange", "--strength is 11, outside 0…10"),
        ("resource add X --strength high", "BadValue", "--strength must be a number from 0 to 10"),
        ("resource add X --kind magic", "BadValue", "must be one of technology"),
        ("resource add X --kind tecnology", "BadValue", "did you mean 'technology'"),
        ("resource add X --strenght 5", "UnknownOption", "did you mean --strength"),
        ("resource add X --enterprise Nobody", "UnknownName", "no enterprise named 'Nobody'"),
        ("resource add", "MissingArgument", "missing NAME"),
        ("resource add \"Battery", "BadSyntax", "unbalanced quote"),
        ("resource show \"Batery R&D\"", "UnknownName", "did you mean 'Battery R&D'"),
        ("resource show Nothing", "UnknownName", "no resource named 'Nothing'"),
        ("resource set Brand", "BadValue", "nothing to change"),
        ("resource set Brand --rare --no-rare", "BadValue", "contradict"),
        ("resource set Brand --name \"battery R&D\"", "DuplicateName", "'Battery R&D' already exists"),
        ("resource set Brand --strength -0.5", "OutOfRange", "outside 0…10"),
        ("resource remove Nothing", "UnknownName", "no resource named 'Nothing'"),
        ("resource list --enterprise Nobody", "UnknownName", "no enterprise named 'Nobody'"),
        ("resource frobnicate", "UnknownCommand", "resource takes"),
        // segment
        ("segment add \"ev makers\"", "DuplicateName", "'EV makers' already exists"),
        ("segment add X --size -5", "OutOfRange", "outside 0…"),
        ("segment add X --size 1.5", "BadValue", "whole number"),
        ("segment list --enterprise Nobody", "UnknownName", "no enterprise named 'Nobody'"),
        ("segment show Nobody", "UnknownName", "no segment named 'Nobody'"),
        ("segment set \"EV makers\"", "BadValue", "nothing to change"),
        ("segment set \"EV makers\" --name \"energy storage\"", "DuplicateName", "'Energy storage' already exists"),
        ("segment set \"EV makers\" --size 3 --no-size", "BadValue", "contradict"),
        ("segment remove \"EV maker\"", "UnknownName", "did you mean 'EV makers'"),
        // need
        ("need add \"Range Anxiety\" --segment \"EV makers\"", "DuplicateName", "'range anxiety' already exists"),
        ("need add X --segment Nobody", "UnknownName", "no segment named 'Nobody'"),
        ("need add X --segment \"EV makers\" --importance 6", "OutOfRange", "--importance is 6, outside 1…5"),
        ("need add X --segment \"EV makers\" --importance 0", "OutOfRange", "outside 1…5"),
        ("need add X --segment \"EV makers\" --type wish", "BadValue", "must be one of pain, gain, job"),
        ("need add X", "MissingArgument", "which segment"),
        ("need list --segment Nobody", "UnknownName", "no segment named 'Nobody'"),
        ("need show \"range anxeity\"", "UnknownName", "did you mean 'range anxiety'"),
        ("need set \"range anxiety\" --segment Nobody", "UnknownName", "no segment named 'Nobody'"),
        ("need set \"range anxiety\"", "BadValue", "nothing to change"),
        ("need set \"range anxiety\" --name \"battery safety\"", "DuplicateName", "'battery safety' already exists"),
        ("need remove Nothing", "UnknownName", "no need named 'Nothing'"),
        // offering
        ("offering add \"qilin pack\"", "DuplicateName", "'Qilin pack' already exists"),
        ("offering add X --carrier shop", "BadValue", "must be one of product, service, platform"),
        ("offering add X --price -3", "OutOfRange", "--price is -3"),
        ("offering add X --cost free", "BadValue", "must be a number"),
        ("offering list --size 3", "UnknownOption", "unknown option --size"),
        ("offering show \"Qilin pak\"", "UnknownName", "did you mean 'Qilin pack'"),
        ("offering set \"Qilin pack\" --price 1 --no-price", "BadValue", "contradict"),
        ("offering set \"Qilin pack\"", "BadValue", "nothing to change"),
        ("offering set \"Qilin pack\" --name choco-swap", "DuplicateName", "'Choco-swap' already exists"),
        ("offering remove Nothing", "UnknownName", "no offering named 'Nothing'"),
        // relief
        (
            "relief set \"Qilin pack\" \"fast charging\"", "MissingArgument",
            "needs --functional 0–10 and --emotional 0–10"
        ),
        ("relief set \"Qilin pack\" \"fast charging\" --functional 5", "MissingArgument", "needs --emotional 0–10"),
        (
            "relief set \"Qilin pack\" \"fast charging\" --functional 11 --emotional 2", "OutOfRange",
            "--functional is 11"
        ),
        (
            "relief set Nobody \"range anxiety\" --functional 1 --emotional 1", "UnknownName",
            "no offering named 'Nobody'"
        ),
        (
            "relief set \"Qilin pack\" \"range anxeity\" --functional 1 --emotional 1", "UnknownName",
            "did you mean 'range anxiety'"
        ),
        ("relief set \"Qilin pack\" \"range anxiety\"", "BadValue", "nothing to change"),
        ("relief remove \"Qilin pack\" \"fast charging\"", "UnknownName", "does not relieve 'fast charging'"),
        ("relief list --offering Nobody", "UnknownName", "no offering named 'Nobody'"),
        ("relief set \"Qilin pack\"", "MissingArgument", "missing NEED"),
        // factor
        ("factor set Nobody Price 5", "UnknownName", "no enterprise named 'Nobody'"),
        ("factor set CATL Price 11", "OutOfRange", "SCORE is 11, outside 0…10"),
        ("factor set CATL Price cheap", "BadValue", "SCORE must be a number"),
        ("factor set CATL Price 5 --importance 0", "OutOfRange", "--importance is 0"),
        ("factor set CATL Price", "MissingArgument", "missing SCORE"),
        ("factor set CATL \"\" 5", "BadValue", "empty"),
        ("factor remove CATL Colour", "UnknownName", "no factor named 'Colour'"),
        ("factor remove CATL safty", "UnknownName", "did you mean 'Safety'"),
        ("factor list Nobody", "UnknownName", "no enterprise named 'Nobody'"),
        // model
        ("model add base", "DuplicateName", "'Base' already exists"),
        ("model show Nobody", "UnknownName", "no model named 'Nobody'"),
        ("model show Bsae", "UnknownName", "did you mean 'Base'"),
        ("model set Base", "BadValue", "nothing to change"),
        ("model fork Base base", "DuplicateName", "'Base' already exists"),
        ("model fork Nobody Copy", "UnknownName", "no model named 'Nobody'"),
        ("model remove Nobody", "UnknownName", "no model named 'Nobody'"),
        ("model node add Base X", "MissingArgument", "--stage"),
        ("model node add Base X --stage profitt", "BadValue", "did you mean 'profit'"),
        ("model node add Base \"pack sales\" --stage revenue", "DuplicateName", "'Pack sales' already exists"),
        ("model node add Base A a --stage value", "DuplicateName", "'A' already exists"),
        ("model node add Nobody X --stage value", "UnknownName", "no model named 'Nobody'"),
        ("model node set Base Nobody --stage value", "UnknownName", "no node named 'Nobody'"),
        ("model node set Base \"Pack sales\"", "BadValue", "nothing to change"),
        (
            "model node set Base \"Pack sales\" --name \"operating profit\"", "DuplicateName",
            "'Operating profit' already exists"
        ),
        ("model node remove Base \"Pack sale\"", "UnknownName", "did you mean 'Pack sales'"),
        ("model edge add Base \"Battery R&D\" Nobody", "UnknownName", "no node named 'Nobody'"),
        ("model edge add Base \"Battery R&D\" \"cell chemistry\"", "DuplicateName", "already exists"),
        ("model edge add Base \"Pack sales\" \"Pack sales\"", "BadValue", "two different nodes"),
        (
            "model edge add Base Brand \"Longer range\" \"Pack sales\"", "DuplicateName",
            "Longer range ─(+)→ Pack sales already exists"
        ),
        ("model edge add Base \"Battery R&D\" \"Longer range\" --polarity x", "BadValue", "must be one of +, -"),
        ("model edge add Base \"Battery R&D\"", "MissingArgument", "missing TO"),
        (
            "model edge set Base \"Battery R&D\" \"Longer range\" --polarity -", "UnknownName",
            "no edge Battery R&D → Longer range"
        ),
        ("model edge set Base \"Battery R&D\" \"Cell chemistry\"", "MissingArgument", "--polarity"),
        ("model edge remove Base \"Longer range\" \"Battery R&D\"", "UnknownName", "no edge"),
        ("model check Nobody", "UnknownName", "no model named 'Nobody'"),
        ("model check Base --limit 0", "OutOfRange", "--limit is 0"),
        ("model list --enterprise Nobody", "UnknownName", "no enterprise named 'Nobody'"),
        // initiative
        ("initiative add \"qilin launch\" --element innovation", "DuplicateName", "'Qilin launch' already exists"),
        ("initiative add X", "MissingArgument", "--element"),
        ("initiative add X --element magic", "BadValue", "must be one of innovation"),
        ("initiative add X --element innovation --link Nobody", "UnknownName", "no model node or KPI named 'Nobody'"),
        (
            "initiative add X --element innovation --link \"cell chemestry\"", "UnknownName",
            "did you mean 'Cell chemistry'"
        ),
        ("initiative set \"Qilin launch\"", "BadValue", "nothing to change"),
        ("initiative set \"Qilin launch\" --link x --no-link", "BadValue", "contradict"),
        ("initiative set Nobody --element innovation", "UnknownName", "no initiative named 'Nobody'"),
        ("initiative list --element magic", "BadValue", "must be one of innovation"),
        ("initiative show Nobody", "UnknownName", "no initiative named 'Nobody'"),
        ("initiative remove Nobody", "UnknownName", "no initiative named 'Nobody'"),
    ]

    @Test(arguments: cases)
    func refusedAndUnchanged(line: String, code: String, fragment: String) {
        var s = Fixture.examplesSession()
        let error = s.fails(line)
        #expect(error.code == code, "\(line): \(error.message)")
        #expect(error.message.contains(fragment), "\(line): \(error.message)")
    }

    /// Every command of the plugin appears in the table above at least once.
    @Test func everyCommandHasABadInputCase() {
        let tried = Set(
            Self.cases.compactMap { c -> String? in
                guard let tokens = try? Tokenizer.tokenize(c.0), let (spec, _) = try? Fixture.registry.match(tokens)
                else { return nil }
                return spec.name
            })
        for spec in ModelingPlugin().commands {
            #expect(tried.contains(spec.name), "no bad-input case for \(spec.name)")
        }
    }

    /// Without a current enterprise a sub-object command says how to choose one.
    @Test(arguments: [
        "resource list", "segment add X", "need list", "offering add X", "relief list", "model add M",
        "initiative list", "enterprise show", "enterprise set --industry x",
    ])
    func noCurrentEnterprise(line: String) {
        var s = Fixture.empty()
        let error = s.fails(line)
        #expect(error.code == "NoEnterprise")
        #expect(error.message.contains("use ENTERPRISE"))
    }

    @Test func needsAndReliefsNeedTheirReferences() {
        var s = Fixture.empty()
        s.ok("enterprise add Co")
        let e = s.fails("need add X")
        #expect(e.code == "MissingReference")
        #expect(e.message.contains("has none yet"))
        #expect(s.fails("relief set O N --functional 1 --emotional 1").message.contains("Co has no offerings yet"))
        #expect(s.fails("model check").message.contains("no value models yet"))
        s.ok("model add A"); s.ok("model add B")
        #expect(s.fails("model show").message.contains("which model?"))
    }
}
