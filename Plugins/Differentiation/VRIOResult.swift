import ValueCore
import Workbench

/// `diff vrio`'s result: each resource's VRIO reading as a table, the sustained advantages as a
/// sentence, and the same readings as JSON.
struct VRIOResult: DiffResult {
    var enterprise: String
    var rows: [VRIORow]

    /// The readings of `e`'s resources.
    init(_ e: Enterprise) {
        enterprise = e.name
        rows = e.resources.map(VRIORow.init)
    }

    var json: JSON {
        [
            "enterprise": .string(enterprise),
            "resources": .array(
                rows.map { r in
                    [
                        "resource": .string(r.resource.name), "kind": .string(r.resource.kind.rawValue),
                        "strength": .num(r.resource.strength),
                        "valuable": .bool(r.resource.valuable), "rare": .bool(r.resource.rare),
                        "costly_to_imitate": .bool(r.resource.costlyToImitate),
                        "organized": .bool(r.resource.organized),
                        "implication": .string(r.label), "reason": .string(r.reason),
                    ]
                }),
        ]
    }

    var table: Table {
        func yn(_ b: Bool) -> String { b ? "yes" : "no" }
        return Table(
            headers: ["resource", "kind", "strength", "V", "R", "I", "O", "implication"],
            rows: rows.map { r in
                [
                    r.resource.name, r.resource.kind.rawValue, DiffCommands.num(r.resource.strength),
                    yn(r.resource.valuable), yn(r.resource.rare), yn(r.resource.costlyToImitate),
                    yn(r.resource.organized), r.label,
                ]
            },
            alignments: [.left, .left, .right, .left, .left, .left, .left, .left])
    }

    /// The resources giving a sustained advantage; without resources, how to add one.
    var sentence: String {
        if rows.isEmpty {
            return "\(enterprise) has no resources yet: `resource add NAME --enterprise \(Tokenizer.quote(enterprise)) "
                + "--kind KIND --strength 0-10 --valuable --rare --costly --organized`."
        }
        let sustained = rows.filter { $0.implication == .sustained }.map(\.resource.name)
        return sustained.isEmpty
            ? "No resource gives \(enterprise) a sustained advantage."
            : "Sustained advantage from: \(sustained.joined(separator: ", "))."
    }

    var blocks: [OutputBlock] { rows.isEmpty ? [.text(sentence)] : [.table(table), .text(sentence)] }
    var isConfirmation: Bool { rows.isEmpty }
}
