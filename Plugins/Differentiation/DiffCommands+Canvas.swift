import ValueCore
import Workbench

/// `diff canvas`: the strategy canvas of the enterprises compared.
extension DiffCommands {
    static let canvas = CommandSpec(
        "diff canvas",
        abstract: "the strategy canvas: value curves over the competition factors, and how far each diverges",
        discussion: """
            One value curve per enterprise: its offering level (0–10) on each factor. Without names,
            the current enterprise and its competitors (named ones, else its industry); with no
            current enterprise, every enterprise with factor scores. A factor an enterprise does not
            score counts as 0 (not offered). Divergence on a factor = the enterprise's score minus
            the mean of the other curves; overall divergence = the mean absolute divergence over
            the factors (points on the 0–10 scale). Curves that diverge little are "me too".
            """,
        arguments: [enterprisesArgument("compare")],
        options: [
            OptionSpec("factors", .text, help: "only these factors (repeat, or separate with commas)", repeating: true)
        ],
        examples: ["diff canvas CATL BYD", "diff canvas CATL BYD --factors Price,Safety"]
    ) { ctx in
        var (list, notes) = try selection(ctx, command: "diff canvas")
        notes += list.filter(\.factors.isEmpty).map { "\($0.name) has no factor scores: left out" }
        list = list.filter { !$0.factors.isEmpty }
        guard list.count >= 2 else {
            throw CommandError(
                "NotEnoughData",
                "diff canvas: needs at least two enterprises with factor scores, found \(list.count) "
                    + "(`factor set ENTERPRISE FACTOR SCORE`, or name the enterprises to compare)")
        }
        let known = Market.factors(of: list)
        let asked = ctx.arguments.strings("factors").flatMap {
            $0.split(separator: ",").map { String($0).trimmingSpaces() }
        }.filter { !$0.isEmpty }
        let factors =
            asked.isEmpty
            ? known
            : try asked.map { f in
                guard let k = known.first(where: { Name.same($0, f) }) else {
                    throw CommandError.unknown(
                        "factor", f, among: known, hint: "scored: \(known.joined(separator: ", "))")
                }
                return k
            }
        let result = CanvasResult(canvas: Canvas(list, factors: factors), priceFactors: ctx.workspace.priceFactors)
        return result.output(notes: notes + result.notes)
    }
}
