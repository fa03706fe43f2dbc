import Testing
import Workbench
import KPI

/// One voice for a KPI's figures in sentences and tables: scores with 1 decimal, CSAT as a
/// percentage with 1 decimal, money and ratios with 2; JSON at full precision.
@Suite struct FigureVoiceTests {
    @Test func recordedFiguresSpeakWithTheirKind() {
        var b = TrackingTests.bench()
        #expect(
            b.text("kpi record nps 44.3181 --period 2026-Q1 --target 60").hasPrefix("Recorded nps = 44.3 for 2026-Q1"))
        #expect(
            b.text("kpi record csat 83.3333 --period 2026-Q1 --target 85").hasPrefix(
                "Recorded csat = 83.3% for 2026-Q1"))
        #expect(b.text("kpi record cac 138.4615 --period 2026-Q1").hasPrefix("Recorded cac = 138.46 for 2026-Q1"))
        let dashboard = b.text("kpi dashboard")
        #expect(
            dashboard.contains("83.3%") && dashboard.contains("85.0%") && dashboard.contains("gap 1.7%"), "\(dashboard)"
        )
        #expect(dashboard.contains("44.3") && dashboard.contains("gap 15.7"), "\(dashboard)")
        let json = b.data("kpi dashboard --json")
        #expect(json.compact().contains("83.3333"))
    }
}
