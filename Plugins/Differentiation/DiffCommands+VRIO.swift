import ValueCore
import Workbench

/// `diff vrio`: Barney's VRIO reading of an enterprise's resources.
extension DiffCommands {
    static let vrio = CommandSpec(
        "diff vrio", abstract: "Barney's VRIO table: what each resource implies for competitive advantage",
        discussion: """
            Per resource, the first "no" decides: not valuable → competitive disadvantage; valuable
            only → competitive parity; + rare → temporary advantage; + costly to imitate +
            organized → sustained advantage (valuable, rare, costly to imitate but not organized →
            unexploited advantage). Set the flags with `resource add NAME --valuable --rare
            --costly --organized`.
            """,
        arguments: [enterpriseArgument],
        examples: ["diff vrio CATL"]
    ) { ctx in VRIOResult(try ctx.enterprise()).output() }
}
