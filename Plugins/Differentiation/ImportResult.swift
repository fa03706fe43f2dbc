import Workbench

/// `diff import`'s result: how many enterprises came in with which factors, as a sentence (a
/// confirmation) and as JSON.
struct ImportResult: DiffResult {
    /// How many factors the sentence names (a file may hold a million); the JSON has them all.
    static let factorsNamed = 12

    var imported: Int
    var factors: [String]

    var json: JSON { ["imported": .int(imported), "factors": .array(factors.map { .string($0) })] }

    var sentence: String {
        let more = factors.count - Self.factorsNamed
        let shown = factors.prefix(Self.factorsNamed).joined(separator: ", ") + (more > 0 ? " … and \(more) more" : "")
        return
            "Imported \(Format.count(imported, "enterprise")) with \(Format.count(factors.count, "factor")) (\(shown))."
    }

    var blocks: [OutputBlock] { [.text(sentence)] }
    var isConfirmation: Bool { true }
}
