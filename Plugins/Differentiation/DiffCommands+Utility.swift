import ValueCore
import Workbench

/// `diff utility`: the functional and emotional utility an enterprise delivers.
extension DiffCommands {
    static let utility = CommandSpec(
        "diff utility",
        abstract: "functional and emotional utility delivered per segment and need; needs left unserved; "
            + "value proposition fit",
        discussion: """
            Per need, the best relief any offering gives (functional and emotional, 0–10); per
            segment and overall, the means weighted by need importance. Emotional share =
            emotional / (functional + emotional). Value proposition fit = the share of important
            pains and gains (importance ≥ 4) relieved to at least 5 on either utility.
            """,
        arguments: [enterpriseArgument],
        examples: ["diff utility CATL"]
    ) { ctx in UtilityResult(try ctx.enterprise()).output() }
}
