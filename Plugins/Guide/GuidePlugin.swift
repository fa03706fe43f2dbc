import ValueCore
import Workbench
import Differentiation

/// The seeds' five-step implementation guide as a stepper: each step explained, its questions
/// asked, the commands that answer them shown, and the step judged from the workspace.
/// Progress is `Enterprise.guideStep`, changed through the workspace, so undo and notebooks
/// carry it.
public struct GuidePlugin: WorkbenchPlugin {
    public init() {}
    public let name = "guide"
    public let abstract = "the five-step implementation guide: each step judged from the workspace"

    public var commands: [CommandSpec] { GuideCommands.all }
}

enum GuideCommands {
    static var all: [CommandSpec] { [show, start, next, back, step, check, report] }

    static let judged = """
        Steps are judged from the workspace, never ticked: 1 is met when a segment has needs (each with \
        its importance); 2 when offerings relieve each segment's most important needs (functional or \
        emotional utility \(Format.number(UtilityReport.relievedAt)) or more, as `diff utility` counts a need \
        relieved) and some \
        strategy-canvas factor stands \(Format.number(Analyses.distinctGap)) or more points from the \
        competitors' mean (competitors: those named, else the same industry); 3 when initiatives \
        cover the six strategy elements and a value model has every activity anchored in a resource \
        of strength \(Format.number(Resource.anchoringStrength)) or more and closes a loop through \
        value and revenue; 4 when every recorded KPI has a target; 5 when a KPI has two or more \
        periods, whose trend the guide reads.
        """

    static let enterpriseArgument = ArgumentSpec(
        "enterprise", .name(.enterprise),
        help: "an enterprise (default: the current one)", optional: true)

    static let show = CommandSpec(
        "guide", abstract: "where the enterprise stands in the guide: the step, its questions and commands",
        discussion: judged,
        arguments: [enterpriseArgument],
        examples: ["guide"]
    ) { ctx in
        let e = try ctx.enterprise()
        guard let current = e.guideStep else {
            let s = Screen(
                e, step: 1, in: ctx.workspace,
                headline: "The guide has not started for \(e.name): `guide start` begins at step 1.")
            return s.output
        }
        return Screen(e, step: current, in: ctx.workspace).output
    }

    static let start = CommandSpec(
        "guide start", abstract: "start the implementation guide for an enterprise, at step 1",
        discussion: "Makes the enterprise current and puts it on step 1. Undo takes it back.\n\n" + judged,
        arguments: [enterpriseArgument],
        examples: ["guide start CATL"]
    ) { ctx in
        let e = try ctx.enterprise()
        ctx.workspace.setCurrent(e.name)
        let was = e.guideStep
        try ctx.update(e.name) { $0.guideStep = 1 }
        let headline =
            was.map { "Restarted the guide for \(e.name) at step 1 (it was on step \($0))." }
            ?? "Started the guide for \(e.name)."
        return try screen(ctx, headline: headline)
    }

    static let next = CommandSpec(
        "guide next", abstract: "go to the next step of the guide (the current one need not be met)",
        examples: ["guide next"]
    ) { ctx in
        let (e, current) = try started(ctx)
        guard current < GuideStep.count else {
            return .message(
                "Step \(GuideStep.count) is the last step: iterate on it, recording each period's KPIs "
                    + "(`guide report` writes the whole guide). Nothing changed.",
                data: ["enterprise": .string(e.name), "step": .int(current), "moved": false])
        }
        let judgement = Judge.step(current, e, in: ctx.workspace)
        try ctx.update(e.name) { $0.guideStep = current + 1 }
        var headline = "Moved to step \(current + 1)."
        if !judgement.met {
            headline +=
                " Step \(current) is not met yet (\(judgement.missing.count) missing: `guide check --step \(current)`)."
        }
        return try screen(ctx, headline: headline)
    }

    static let back = CommandSpec(
        "guide back", abstract: "go back to the previous step of the guide",
        examples: ["guide back"]
    ) { ctx in
        let (e, current) = try started(ctx)
        guard current > 1 else {
            return .message(
                "Step 1 is the first step; there is none before it. Nothing changed.",
                data: ["enterprise": .string(e.name), "step": .int(current), "moved": false])
        }
        try ctx.update(e.name) { $0.guideStep = current - 1 }
        return try screen(ctx, headline: "Moved back to step \(current - 1).")
    }

    static let step = CommandSpec(
        "guide step", abstract: "go to step N of the guide (starts the guide if needed)",
        arguments: [ArgumentSpec("n", .integer(Enterprise.guideStepRange), help: "the step, 1 to \(GuideStep.count)")],
        examples: ["guide step 2"]
    ) { ctx in
        let e = try ctx.enterprise()
        let n = ctx.arguments.int("n")!
        try ctx.update(e.name) { $0.guideStep = n }
        return try screen(ctx, headline: e.guideStep == n ? "Already on step \(n)." : "Moved to step \(n).")
    }

    static let check = CommandSpec(
        "guide check", abstract: "what the step still lacks, and the commands that would supply it",
        discussion:
            "Checks the current step (step 1 before the guide starts), step N with --step, "
            + "or every step with --all.\n\n"
            + judged,
        arguments: [enterpriseArgument],
        options: [
            OptionSpec("step", .integer(Enterprise.guideStepRange), help: "check this step"),
            .flag("all", help: "check every step"),
        ],
        examples: ["guide check", "guide check --all"]
    ) { ctx in
        let e = try ctx.enterprise()
        if ctx.arguments.flag("all") && ctx.arguments.has("step") {
            throw CommandError.badValue("guide check: give --step N or --all, not both")
        }
        let steps =
            ctx.arguments.flag("all") ? Array(1...GuideStep.count) : [ctx.arguments.int("step") ?? e.guideStep ?? 1]
        var lines: [String] = []
        var md: [String] = []
        var data: [JSON] = []
        for n in steps {
            let j = Judge.step(n, e, in: ctx.workspace)
            if !lines.isEmpty { lines.append(""); md.append("") }
            lines.append("\(e.name), step \(n) of \(GuideStep.count): \(GuideStep.numbered(n).title)")
            md += [
                "#### \(Markup.markdown(e.name)), step \(n) of \(GuideStep.count): \(GuideStep.numbered(n).title)", "",
            ]
            lines += Screen.status(j, enterprise: e.name, evidence: j.iteration != nil)
            md += Screen.statusMarkdown(j, evidence: j.iteration != nil)
            if j.met && j.open.isEmpty && n == e.guideStep && n < GuideStep.count {
                lines.append("  Nothing missing: `guide next`.")
                md += ["", "Nothing missing: `guide next`."]
            }
            data.append(.object([("step", .int(n)), ("met", .bool(j.met))] + Screen.fields(j)))
        }
        let result: JSON = ["enterprise": .string(e.name), "steps": .array(data)]
        return CommandOutput(
            blocks: [.prose(text: lines.joined(separator: "\n"), markdown: md.joined(separator: "\n") + "\n")],
            data: result)
    }

    static let report = CommandSpec(
        "guide report",
        abstract: "the whole guide for an enterprise as Markdown: each step, its evidence, what is open",
        discussion: judged,
        arguments: [enterpriseArgument],
        examples: ["guide report"]
    ) { ctx in
        let e = try ctx.enterprise()
        let md = Report.markdown(e, in: ctx.workspace)
        let steps = Judge.all(e, in: ctx.workspace)
        return CommandOutput(
            blocks: [.markdown(md)],
            data: [
                "enterprise": .string(e.name), "markdown": .string(md),
                "steps": .array(
                    steps.map { .object([("step", .int($0.step)), ("met", .bool($0.met))] + Screen.fields($0)) }),
            ])
    }

    // MARK: Helpers

    /// The current enterprise and its step. - Throws: when the guide has not started.
    static func started(_ ctx: CommandContext) throws -> (Enterprise, Int) {
        let e = try ctx.enterprise()
        guard let step = e.guideStep else {
            throw CommandError(
                "GuideNotStarted", "the guide has not started for \(e.name): `guide start` begins at step 1")
        }
        return (e, step)
    }

    /// The screen of the current enterprise's current step.
    static func screen(_ ctx: CommandContext, headline: String) throws -> CommandOutput {
        let e = try ctx.enterprise()
        return Screen(e, step: e.guideStep ?? 1, in: ctx.workspace, headline: headline).output
    }
}
