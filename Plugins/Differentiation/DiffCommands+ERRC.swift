import ValueCore
import Workbench

/// `diff errc`: the four actions framework for one enterprise.
extension DiffCommands {
    static let errc = CommandSpec(
        "diff errc", abstract: "the four actions: which factors to eliminate, reduce, raise, create, with reasons",
        discussion: """
            From the enterprise's curve, its competitors' mean curve and how much customers care
            (factor importance 1–5; unknown counts as 3):
              eliminate  importance 1 and the enterprise offers it;
              reduce     importance 2 and the enterprise offers it at or above competitors;
              raise      importance ≥ 4 and the enterprise is less than 2 points above competitors'
                         mean, or importance 3 and it trails their mean by 2 points or more;
              create     importance ≥ 4, the enterprise at 0 and every competitor below 3,
                         and every need of importance ≥ 3 that no offering relieves yet;
              keep       the rest.
            The rules are tried in this order. A price factor (`factor set … --kind price`) scores
            how attractive the price is: raising it means a more attractive price, never a higher one.
            """,
        arguments: [enterpriseArgument],
        examples: ["diff errc CATL"]
    ) { ctx in
        let e = try ctx.enterprise()
        let (competitors, notes) = try competitorsOrFail(e, ctx.workspace, command: "diff errc")
        guard !e.factors.isEmpty || !e.needs.isEmpty else {
            throw CommandError(
                "NotEnoughData",
                "diff errc: \(e.name) has no factor scores and no needs "
                    + "(`factor set \(Tokenizer.quote(e.name)) FACTOR SCORE --importance N`)")
        }
        return ERRCResult(e, competitors: competitors, priceFactors: ctx.workspace.priceFactors).output(notes: notes)
    }
}
