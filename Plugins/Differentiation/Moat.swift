import ValueCore
import Workbench

/// The moat's parts, computed from the workspace.
public struct Moat: Sendable {
    /// Each part's weight, in the order the parts are listed (total 100).
    static let weights: [(String, Double)] = [
        ("vrio", 30), ("divergence", 25), ("grounding", 15), ("loops", 15), ("emotional", 15),
    ]

    public struct Part: Sendable {
        public var name: String
        public var weight: Double
        public var score: Double
        public var evidence: String
        public var points: Double { weight * score }
    }
    public var parts: [Part] = []
    /// What the analysis met and left aside (parallel edges in a model).
    public var notes: [String] = []
    public var total: Double { parts.reduce(0) { $0 + $1.points } }
    public var verdict: String { total >= 70 ? "a strong moat" : total >= 40 ? "a moderate moat" : "a weak moat" }

    public init(_ e: Enterprise, in ws: Workspace) {
        let w = Dictionary(uniqueKeysWithValues: Moat.weights)
        // VRIO
        let rows = e.resources.map(VRIORow.init)
        let sustained = rows.filter { $0.implication == .sustained }.map(\.resource.name)
        let unused = rows.filter { $0.implication == .unused }.count
        let temporary = rows.filter { $0.implication == .temporary }.count
        let vrioScore = min(1, (Double(sustained.count) + 0.5 * Double(unused) + 0.25 * Double(temporary)) / 2)
        parts.append(
            Part(
                name: "vrio", weight: w["vrio"]!, score: vrioScore,
                evidence: rows.isEmpty
                    ? "no resources modelled"
                    : "\(sustained.count) sustained (\(sustained.joined(separator: ", "))), \(unused) unexploited, "
                        + "\(temporary) temporary of \(rows.count) resources"
            ))
        // Divergence
        let (competitors, _) = Market.competitors(of: e, in: ws)
        let scored = competitors.filter { !$0.factors.isEmpty }
        if e.factors.isEmpty || scored.isEmpty {
            parts.append(
                Part(
                    name: "divergence", weight: w["divergence"]!, score: 0,
                    evidence: e.factors.isEmpty ? "no factor scores" : "no competitor with factor scores"))
        } else {
            let c = Canvas([e] + scored, factors: Market.factors(of: [e] + scored))
            // The enterprise against the mean of its competitors (not of every other curve's).
            let mine = c.curves[0]
            parts.append(
                Part(
                    name: "divergence", weight: w["divergence"]!, score: min(1, mine.overall / 3),
                    evidence:
                        "\(Format.fixed(mine.overall, 2)) points from "
                        + (scored.count == 1 ? "1 competitor's" : "\(scored.count) competitors'")
                        + " mean over \(Format.count(c.factors.count, "factor"))"
                ))
        }
        // Grounding and loops, over every value model.
        var activities = 0, anchored = 0, valueLoops = 0, growthLoops = 0, limiting = 0
        for model in e.models {
            let g = ModelAnalysis.grounding(of: model, resources: e.resources)
            activities += g.activities.count
            anchored += g.activities.filter(\.isAnchored).count
            let l = ModelAnalysis.loops(in: model)
            valueLoops += l.valueLoops
            growthLoops += l.growthLoops
            limiting += l.limitingLoops
            if let note = l.parallelEdgesNote { notes.append("model \(model.name): \(note)") }
        }
        parts.append(
            Part(
                name: "grounding", weight: w["grounding"]!,
                score: activities == 0 ? 0 : Double(anchored) / Double(activities),
                evidence: e.models.isEmpty
                    ? "no value model"
                    : activities == 0
                        ? "no activity nodes"
                        : "\(anchored) of \(activities) activities anchored in a resource of strength "
                            + "≥ \(Format.number(Resource.anchoringStrength))"
            ))
        parts.append(
            Part(
                name: "loops", weight: w["loops"]!, score: growthLoops > 0 ? 1 : valueLoops > 0 ? 0.5 : 0,
                evidence: e.models.isEmpty
                    ? "no value model"
                    : "\(Format.count(growthLoops, "growth loop")), \(Format.count(valueLoops, "value loop"))"
                        + (limiting > 0 ? ", \(limiting) limiting growth (balancing)" : "")))
        // Emotional share
        let u = UtilityReport(e)
        parts.append(
            Part(
                name: "emotional", weight: w["emotional"]!, score: min(1, (u.emotionalShare ?? 0) / 0.5),
                evidence: u.emotionalShare.map { "emotional share \(Format.percent($0 * 100)) of utility delivered" }
                    ?? "no utility delivered (no reliefs)"))
    }
}
