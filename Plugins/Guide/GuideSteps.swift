import ValueCore

/// The seeds' five-step implementation guide: what each step asks, in the seeds' words.
public struct GuideStep: Sendable {
    public var number: Int
    /// The seed's own sentence for the step.
    public var title: String
    /// A few lines on what the step is for.
    public var explanation: String
    /// The questions the step asks of the enterprise.
    public var questions: [String]

    public static let count = Enterprise.guideStepRange.upperBound

    /// Step `number` (1–5).
    public static func numbered(_ number: Int) -> GuideStep { all[number - 1] }

    public static let all: [GuideStep] = [
        GuideStep(
            number: 1, title: "Define your target audience and their needs",
            explanation: """
                Value generation begins with a deep understanding of who you serve and what truly matters \
                to them. Name the segments you serve and, for each, its pain points, the gains it seeks and \
                the jobs it needs done, each with how much it matters (importance 1–5).
                """,
            questions: [
                "Who are your customers, and into which segments do they fall?",
                "What pains, gains and jobs does each segment have?",
                "How much does each need matter to the segment, from 1 to 5?",
            ]),
        GuideStep(
            number: 2, title: "Identify your value proposition and how you uniquely address those needs",
            explanation: """
                Value is a carrier (a product, service or platform) that precisely matches the users' pain \
                points and delivers differentiated utility, functional and emotional: the basis of their \
                willingness to pay. Say which offering relieves each of the most important needs, and where \
                your offering level stands apart from your competitors'.
                """,
            questions: [
                """
                Which offering relieves each of the most important needs, and with how much functional and \
                emotional utility (0–10)?
                """,
                "Who are your competitors, and on which competition factors do you offer more, or less, than they do?",
                "Does the value you deliver match your price?",
            ]),
        GuideStep(
            number: 3, title: "Develop a strategy that incorporates the key value generation elements",
            explanation: """
                The seeds name six elements: innovation, customer focus, operational excellence, \
                sustainability, data-driven decision making and employee empowerment; give each an \
                initiative. The value model behind the strategy must be anchored in your own resource \
                endowments and close the loop value delivery → revenue → profit → reinvestment.
                """,
            questions: [
                "Which initiative carries each of the six elements?",
                "Which resource of real strength (6 or more out of 10) does each activity stand on?",
                "How does delivered value turn into revenue and profit, and what does the profit reinvest in?",
            ]),
        GuideStep(
            number: 4, title: "Implement your strategy and track your progress using appropriate KPIs",
            explanation: """
                Measure beyond financial metrics: customer satisfaction (CSAT), Net Promoter Score, \
                employee engagement, environmental and social impact, and the unit economics that show \
                delivered value turning into revenue (repurchase, acquisition cost, lifetime value). \
                Record each KPI with its target.
                """,
            questions: [
                "Which KPI shows each initiative working?",
                "What is each KPI's value now, and what is its target?",
            ]),
        GuideStep(
            number: 5, title: "Continuously iterate and improve based on data and feedback",
            explanation: """
                Record the KPIs again each period and read the trend: which move towards their target, \
                which away. The step is met when at least one KPI has two periods and none is moving \
                away from its target (short of it, and worse over the last period); a KPI slipping \
                keeps the step open until its next figure turns. Value creation is dynamic and \
                iterative; the common challenges and their remedies below apply where the figures \
                point to them.
                """,
            questions: [
                "Which KPIs moved towards their target since the last period, and which moved away?",
                "What will you change before the next period?",
            ]),
    ]
}

/// The seeds' common challenges in value generation, and their solutions.
public enum Challenge: String, Sendable, CaseIterable {
    case measuringImpact = "Difficulty measuring impact"
    case resistanceToChange = "Resistance to change"
    case lackOfResources = "Lack of resources"
    case competition = "Competition"

    /// The seed's solution.
    public var remedy: String {
        switch self {
        case .measuringImpact: return "Develop robust KPIs and track progress regularly."
        case .resistanceToChange: return "Foster a culture of innovation and empower employees to embrace new ideas."
        case .lackOfResources:
            return "Prioritize initiatives with the highest potential impact and seek external funding."
        case .competition: return "Focus on differentiation and building a strong brand identity."
        }
    }
}

/// The seeds' expert tips for improving value generation.
public enum ExpertTip: Int, Sendable, CaseIterable {
    case customerCentric = 1, employeeDevelopment, dataAnalytics, innovationCulture, measureProgress

    public var text: String {
        switch self {
        case .customerCentric: return "Embrace a customer-centric mindset: always put the customer first."
        case .employeeDevelopment:
            return "Invest in employee development: empowered employees are more likely to generate value."
        case .dataAnalytics:
            return "Leverage data analytics: data-driven decision making is crucial for optimizing value creation."
        case .innovationCulture:
            return "Foster a culture of innovation: encourage experimentation and continuous improvement."
        case .measureProgress:
            return
                """
                Measure and track your progress: regularly assess your value generation efforts and make \
                adjustments as needed.
                """
        }
    }
}

extension Initiative.Element {
    /// The element as the seeds name it.
    public var title: String {
        switch self {
        case .innovation: return "innovation"
        case .customerFocus: return "customer focus"
        case .operationalExcellence: return "operational excellence"
        case .sustainability: return "sustainability"
        case .dataDriven: return "data-driven decision making"
        case .employeeEmpowerment: return "employee empowerment"
        }
    }
}
