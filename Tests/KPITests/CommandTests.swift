import Testing
import Workbench
import ValueCore
@testable import KPI

/// The commands as a user types them: inline input, JSON field names, errors.
@Suite struct CommandTests {
    @Test func npsInlineAnswersAndCounts() {
        var b = Bench()
        let d = b.data("kpi nps 10 9 8 6 0 --json")
        #expect(
            d["n"] == 5 && d["promoters"] == 2 && d["passives"] == 1 && d["detractors"] == 2 && d["nps"] == 0
                && d["skipped"] == 0)
        #expect(d["moe95"]?.doubleValue != nil && d["ci95"]?.arrayValue?.count == 2)
        let c = b.data("kpi nps --promoters 50 --passives 30 --detractors 20")
        #expect(c["nps"] == 30 && c["n"] == 100)
        // Adjusted Wald by hand: n' = 103, p' = 50.75/103, d' = 20.75/103, MoE = 15.0753604….
        #expect(close(c["moe95"]?.doubleValue, 15.075360426756923))
        let e = b.data("kpi enps 9 9 3")
        #expect(e["n"] == 3 && close(e["enps"]?.doubleValue, 100.0 / 3))
    }

    /// Counts agree with their nouns ("from 1 answer", "1 detractor"), in every survey sentence.
    @Test(arguments: [
        (
            "kpi nps 10",
            """
            NPS 100.0 (±73.5; 95% adjusted-Wald CI -48.5 to 98.5) from 1 answer: 1 promoter (100.0%), 0 \
            passives (0.0%), 0 detractors (0.0%).
            """
        ),
        ("kpi enps 9 7 0", "from 3 answers: 1 promoter (33.3%), 1 passive (33.3%), 1 detractor (33.3%)."),
        ("kpi nps 9 9 7 7 0 0", "from 6 answers: 2 promoters (33.3%), 2 passives (33.3%), 2 detractors (33.3%)."),
        ("kpi ces 5", "from 1 answer."),
        ("kpi engagement 4", "from 1 respondent;"),
        ("kpi engagement 4 5", "from 2 respondents;"),
    ])
    func sentencesAgreeInNumber(line: String, expected: String) {
        var b = Bench()
        let text = b.text(line)
        #expect(text.contains(expected), "\(text)")
    }

    @Test func oneScoreThatDoesNotDivideSaysSo() {
        var b = Bench()
        #expect(
            b.error("kpi engagement 4 --items 2").message
                == "kpi engagement: 1 score does not divide into respondents of 2 items each")
    }

    @Test func csatAndCesFields() {
        var b = Bench()
        let c = b.data("kpi csat 5 4 4 3")
        #expect(c["n"] == 4 && c["satisfied"] == 3 && c["csat"] == 75)
        let c7 = b.data("kpi csat 7 6 3 --scale 7")
        #expect(c7["satisfied"] == 2 && close(c7["csat"]?.doubleValue, 200.0 / 3))
        let e = b.data("kpi ces 6 7 5 3")
        #expect(e["n"] == 4 && e["mean"] == 5.25)
        #expect(b.text("kpi ces 6 7 5 3").contains("higher = easier"))
    }

    @Test(arguments: [
        ("kpi nps", "no answers"),
        ("kpi nps 11", "outside 0…10"),
        ("kpi nps --promoters 0 --passives 0 --detractors 0", "add up to 0"),
        ("kpi nps 10 --promoters 3", "not both"),
        ("kpi csat 0", "outside 1…10"),
        ("kpi csat 6", "outside the scale 1–5"),
        ("kpi ces 8", "outside 1…7"),
        ("kpi compare 10/0/0 0/0/10", "zero variance"),
        ("kpi compare 10/0 5/5/5", "PROMOTERS/PASSIVES/DETRACTORS"),
        // The sum of the counts overflowed Int and trapped.
        ("kpi compare 50/30/9223372036854775807 40/30/30", "three whole numbers from 0 to 1000000000"),
        ("kpi compare 50/30/20 9223372036854775807/9223372036854775807/1", "three whole numbers from 0 to 1000000000"),
        ("kpi retention 0 10 5", "more than 0"),
        ("kpi cac 5000 0", "new customers must be more than 0"),
        ("kpi ltv --arpa 100 --margin 70 --churn 0", "churn must be more than 0%"),
        ("kpi ltv --arpa 100", "missing MARGIN, CHURN; give ARPA MARGIN CHURN in order, or --arpa ARPA"),
        ("kpi margin 0 10", "revenue must be more than 0"),
        ("kpi co2e 5:10:diesel", "must be 1, 2 (location-based), 2m (market-based) or 3"),
        ("kpi sroi jobs:1:100 --inputs 0", "inputs must be more than 0"),
        // 1e308 × 1e308 was an infinite total, written `Infinity` under --json (not JSON).
        ("kpi co2e 1:1e308:1e308", "activity '1e308' in '1:1e308:1e308' must be a number from 0 to 1000000000000"),
        ("kpi co2e 1:1:1e308", "must be a number of kg per unit from 0 to 1000000000000"),
        ("kpi co2e 1:1:1:1e308", "or a GWP number above 0 up to 1000000"),
        (
            "kpi sroi a:1e308:1e308 --inputs 1",
            "quantity '1e308' of outcome 'a' must be a number from 0 to 1000000000000"
        ),
        ("kpi sroi a:1e13:1 --inputs 1", "quantity '1e13' of outcome 'a' must be a number from 0"),
        ("kpi engagement 9", "outside the scale 0–6"),
        ("kpi nps --column NPS", "need --file"),
    ])
    func errorsNameTheValueAndTheRange(_ line: String, _ fragment: String) {
        var b = Bench()
        let e = b.error(line)
        #expect(e.message.contains(fragment), "\(e.message)")
        #expect(!e.message.contains("nan") && !e.message.contains("\n"))
    }

    @Test func compareSaysWhetherSignificant() {
        var b = Bench()
        let d = b.data("kpi compare 200/100/100 150/100/150")
        #expect(d["significant"] == true && close(d["z"]?.doubleValue, 4.170288281141495))
        #expect(b.text("kpi compare 50/30/20 40/30/30").contains("not significant"))
    }

    @Test func economicsCommands() {
        var b = Bench()
        #expect(b.data("kpi retention 1000 1040 120")["retention"] == 92)
        #expect(b.data("kpi repurchase 340 1000")["repurchase"] == 34)
        #expect(b.data("kpi cac 50000 125")["cac"] == 400)
        #expect(b.data("kpi ltv --arpa 100 --margin 70 --churn 2")["ltv"] == 3500)
        let lc = b.data("kpi ltv-cac --arpa 100 --margin 70 --churn 2 --cac 1200")
        #expect(close(lc["ratio"]?.doubleValue, 3500.0 / 1200) && close(lc["payback"]?.doubleValue, 1200.0 / 70))
        #expect(b.data("kpi margin 1200 780")["margin"] == 35)
        let co2 = b.data("kpi co2e 2:12000:uk-electricity 1:800:diesel 1:10:1:ch4")
        // 2124 (grid) + 2164.955 (diesel, CO2e) + 279 (10 kg CH4 × 27.9).
        #expect(
            close(co2["total"]?.doubleValue, 4567.955061068727)
                && close(co2["scopes"]?["1"]?.doubleValue, 2443.9550610687274)
                && close(co2["scopes"]?["2"]?.doubleValue, 2124))
        // Market-based scope 2 beside location-based: 12000 kWh × 0.05 = 600.
        let dual = b.data("kpi co2e 2:12000:uk-electricity 2m:12000:0.05 1:800:diesel")
        #expect(
            close(dual["scopes"]?["2m"]?.doubleValue, 600)
                && close(dual["total"]?.doubleValue, 2124 + 2164.9550610687274)
                && close(dual["total_market"]?.doubleValue, 600 + 2164.9550610687274))
        let s = b.data("kpi sroi jobs:20:8000:25:10:20:10:3 wellbeing:50:1200 --inputs 100000")
        #expect(close(s["ratio"]?.doubleValue, 2.771606257362812))
        let e = b.data("kpi engagement 5 4 6 3 2 4 --items 3")
        #expect(e["n"] == 2 && e["mean"] == 4 && e["engaged"] == 1 && e["share"] == 50)
    }

    @Test func helpStatesTheDefinitions() {
        var b = Bench()
        #expect(b.text("help kpi nps").contains("100·(P − D)/N"))
        #expect(b.text("help kpi co2e").contains("0.177"))
        #expect(b.text("help kpi sroi").contains("deadweight"))
    }
}

/// CES names its variant: CES 2.0 on 7 points (higher = easier, "easy" = 5–7), CES 1.0 on 5
/// (lower = easier, "easy" = 1–2); and percentages refuse a bare fraction.
@Suite struct VariantAndUnitTests {
    @Test(arguments: [
        // (line, mean, lower is easier, easy %): worked by hand.
        ("kpi ces 6 7 5 3", 5.25, false, 75.0),  // 6, 7, 5 are 5–7: 3 of 4
        ("kpi ces 1 2 2 4 --scale 5", 2.25, true, 75.0),  // 1, 2, 2 are 1–2
        ("kpi ces 4 5 5 2 --scale 5 --higher-is-easier", 4.0, false, 75.0),  // 4, 5, 5 are 4–5
        ("kpi ces 1 2 7 --lower-is-easier", 10.0 / 3, true, 200.0 / 3),  // 1, 2 are 1–3
    ])
    func cesVariant(_ line: String, _ mean: Double, _ lower: Bool, _ easy: Double) {
        var b = Bench()
        let d = b.data(line)
        #expect(
            close(d["mean"]?.doubleValue, mean) && d["lower_is_easier"] == .bool(lower)
                && close(d["easy"]?.doubleValue, easy))
        #expect(b.text(line).contains(lower ? "lower = easier" : "higher = easier"))
    }

    @Test func cesOnFiveRecordsAsLowerIsBetter() {
        var b = TrackingTests.bench()
        b.data("kpi ces 2 2 3 --scale 5 --record 2026-Q1 --target 2")
        #expect(b.data("kpi dashboard")["kpis"]?.arrayValue?.first?["kpi"] == "ces-1")
        #expect(b.data("kpi dashboard")["kpis"]?.arrayValue?.first?["met"] == false)  // 2.33 is above the target 2
    }

    @Test(arguments: [
        (
            "kpi ltv --arpa 100 --margin 0.3 --churn 2",
            "--margin is a percentage, and 0.3 would be 0.3%; did you mean 30%?"
        ),
        ("kpi ltv --arpa 100 --margin 130 --churn 2", "--margin is 130%, outside 0…100%"),
        ("kpi ltv --arpa 100 --margin 30 --churn x", "--churn must be a percentage from 0 to 100 (30 or 30%), not 'x'"),
        ("kpi sroi a:1:100 --inputs 50 --discount 0.035", "did you mean 3.5%?"),
    ])
    func percentagesRefuseFractions(_ line: String, _ fragment: String) {
        var b = Bench()
        #expect(b.error(line).message.contains(fragment), "\(b.error(line).message)")
    }

    /// One form for every unit-economics command: figures by position or by name, the same
    /// result; both forms of one figure, or a missing one, is one error line showing both.
    @Test(arguments: [
        ("kpi cac 50000 125", "kpi cac --spend 50000 --new 125", "cac", 400.0),
        ("kpi retention 1000 1040 120", "kpi retention --start 1000 --end 1040 --new 120", "retention", 92.0),
        ("kpi margin 1200 780", "kpi margin --revenue 1200 --cost 780", "margin", 35.0),
        ("kpi repurchase 340 1000", "kpi repurchase --repeat 340 --customers 1000", "repurchase", 34.0),
        ("kpi ltv 100 70 2", "kpi ltv --arpa 100 --margin 70 --churn 2", "ltv", 3500.0),
        (
            "kpi nrr 100000 15000 3000 7000",
            "kpi nrr --start 100000 --expansion 15000 --contraction 3000 --churned 7000",
            "nrr", 105.0
        ),
    ])
    func positionalOrNamed(_ positional: String, _ named: String, _ key: String, _ value: Double) {
        var b = Bench()
        #expect(close(b.data(positional)[key]?.doubleValue, value) && close(b.data(named)[key]?.doubleValue, value))
    }

    @Test func figuresGivenTwiceOrMissing() {
        var b = Bench()
        #expect(
            b.error("kpi cac 50000").message
                == """
                kpi cac: missing NEW; give SPEND NEW in order, or --spend SPEND --new NEW (e.g. `kpi cac \
                50000 125`)
                """
        )
        #expect(b.error("kpi cac 50000 125 --spend 3").message.contains("SPEND is given twice"))
        #expect(b.error("kpi ltv --arpa 100").message.contains("missing MARGIN, CHURN"))
    }

    @Test func percentagesTakeASign() {
        var b = Bench()
        // 100 × 30% / 0.5% = 6000; 100 × 70% / 2% = 3500.
        #expect(close(b.data("kpi ltv --arpa 100 --margin 30% --churn 0.5%")["ltv"]?.doubleValue, 6000))
        #expect(close(b.data("kpi ltv --arpa 100 --margin 70 --churn 2")["ltv"]?.doubleValue, 3500))
    }
}

/// One voice for a KPI's figure wherever it is shown (tracking, the guide): the same NPS is
/// never 8.929 in one place and 8.93 in another, and CSAT always carries its %.
@Suite struct FigureVoiceByKindTests {
    @Test(arguments: [
        (8.928883, "nps", "8.9"), (-12.0, "enps", "-12.0"), (88.888889, "csat", "88.9%"),
        (92.0, "retention", "92.0%"), (1.5, "churn", "1.5%"), (35.0, "margin", "35.0%"),
        (400.0, "cac", "400.00"), (2.9166667, "ltv-cac", "2.92"), (5.25, "ces", "5.25"),
        (12345.678, "defect-rate", "12345.68"),
    ])
    func figure(_ value: Double, _ kpi: String, _ shown: String) {
        #expect(KPICatalog.figure(value, kpi: kpi) == shown)
    }
}
