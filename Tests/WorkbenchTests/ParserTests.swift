import Testing
import ValueCore
import Workbench

/// A small registry of made-up commands that exercise every kind of argument and option.
private let probe = CommandSpec(
    "probe run", abstract: "exercise the parser",
    arguments: [
        ArgumentSpec("name", .text, help: "a name"),
        ArgumentSpec("score", .integer(0...10), help: "a score"),
        ArgumentSpec("rest", .number(-1...1), help: "fractions", optional: true, variadic: true),
    ],
    options: [
        OptionSpec("kind", .choice(["pain", "gain", "job"]), help: "a kind"),
        OptionSpec("tag", .text, help: "tags", repeating: true),
        .flag("loud", help: "a flag"),
    ]
) { ctx in .message(ctx.arguments.string("name") ?? "") }

private struct ProbePlugin: WorkbenchPlugin {
    let name = "probe"
    let abstract = "parser probes"
    var commands: [CommandSpec] { [probe, CommandSpec("probe", abstract: "the bare word") { _ in .empty }] }
}

@Suite struct ParserTests {
    let registry = Registry(plugins: [CorePlugin(), ProbePlugin()])

    func parse(_ line: String) throws -> ParsedCommand { try registry.parse(try Tokenizer.tokenize(line)) }

    @Test func bindsEveryKind() throws {
        let p = try parse("probe run CATL 7 0.5 -0.25 --kind GAIN --tag a --tag=b --loud")
        #expect(p.spec.name == "probe run")
        #expect(p.arguments.string("name") == "CATL")
        #expect(p.arguments.int("score") == 7)
        #expect(p.arguments.doubles("rest") == [0.5, -0.25])
        #expect(p.arguments.string("kind") == "gain")  // canonical spelling
        #expect(p.arguments.strings("tag") == ["a", "b"])
        #expect(p.arguments.flag("loud"))
        #expect(!p.arguments.flag("json"))
    }

    @Test func longestCommandWins() throws {
        #expect(try parse("probe").spec.name == "probe")
        #expect(try parse("PROBE RUN x 1").spec.name == "probe run")
    }

    @Test func doubleDashEndsOptions() throws {
        let p = try parse("probe run -- --weird 3")
        #expect(p.arguments.string("name") == "--weird")
    }

    @Test(arguments: [
        ("probe run CATL", "MissingArgument", "missing SCORE"),
        ("probe run CATL eleven", "BadValue", "whole number from 0 to 10, not 'eleven'"),
        ("probe run CATL 11", "OutOfRange", "SCORE is 11, outside 0…10"),
        ("probe run CATL 5 2", "OutOfRange", "outside -1…1"),
        ("probe run CATL 5 --kind wish", "BadValue", "must be one of pain, gain, job, not 'wish'"),
        ("probe run CATL 5 --kind gian", "BadValue", "did you mean 'gain'?"),
        ("probe run CATL 5 --lod", "UnknownOption", "did you mean --loud?"),
        ("probe run CATL 5 --kind", "MissingValue", "--kind needs a value"),
        ("probe run CATL 5 --kind pain --kind gain", "BadValue", "given twice"),
        ("probe run CATL 5 --loud=yes", "BadValue", "is a flag and takes no value"),
        ("prob run x 1", "UnknownCommand", "did you mean 'probe'?"),
        ("probe rn x 1", "UnknownCommand", "unknown command 'probe rn'"),
        ("zzz", "UnknownCommand", "type `help`"),
    ])
    func rejectsBadInput(line: String, code: String, fragment: String) throws {
        do {
            _ = try parse(line)
            Issue.record("parsed: \(line)")
        } catch let e as ParseError {
            #expect(e.code == code)
            #expect(e.message.contains(fragment), "\(e.message)")
        }
    }

    @Test func quotedNamesWithSpacesHint() throws {
        do { _ = try parse("probe run Pang Dong 3"); Issue.record("parsed") } catch let e as ParseError {
            #expect(e.code == "BadValue" || e.code == "ExtraArgument")
        }
    }

    @Test func helpFlagSkipsRequiredArguments() throws {
        let p = try parse("probe run --help")
        #expect(p.arguments.flag("help"))
    }

    @Test func usageIsGeneratedFromTheDeclaration() {
        #expect(probe.usage == "probe run NAME SCORE [REST…] [--kind pain|gain|job] [--tag TEXT] [--loud] [--json]")
    }
}

@Suite struct SuggestTests {
    @Test(
        arguments: [("enterprse", "enterprise"), ("ENTERPRISE", "enterprise"), ("ent", "enterprise"), ("xyzzy", nil)]
            as [(String, String?)])
    func closest(word: String, expected: String?) {
        #expect(Suggest.closest(to: word, in: ["enterprise", "resource", "need"]) == expected)
    }
}
