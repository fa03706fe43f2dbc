import ValueCore
import Workbench

/// `diff moat`: the composite read of defensibility.
extension DiffCommands {
    static let moat = CommandSpec(
        "diff moat", abstract: "a composite read of defensibility (0–100), each part with its evidence",
        discussion: """
            Five parts, each scored 0–1 and weighted (total 100):
              vrio        30  (sustained + ½ unexploited + ¼ temporary advantages) / 2, at most 1
              divergence  25  the canvas divergence from competitors' mean / 3 points, at most 1
              grounding   15  share of the value models' activities anchored in a resource of
                              strength ≥ 6
              loops       15  1 with a growth loop (a reinforcing value loop that reinvests
                              into a resource), ½ with a value loop only, else 0; a balancing
                              reinvestment loop limits growth and counts as a value loop
              emotional   15  emotional share of utility delivered / 0.5, at most 1
            A part without data scores 0 and says so. 70 or more: a strong moat; 40–70: moderate;
            below 40: weak.
            """,
        arguments: [enterpriseArgument],
        examples: ["diff moat CATL"]
    ) { ctx in
        let result = MoatResult(try ctx.enterprise(), in: ctx.workspace)
        return result.output(notes: result.moat.notes)
    }
}
