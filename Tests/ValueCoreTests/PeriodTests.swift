import Testing
@testable import ValueCore

/// Periods read as time: each accepted form, its canonical text and its first day, worked out
/// from a calendar (1970-01-01 is day 0; 2025-01-01 is day 20089, a Wednesday).
@Suite struct PeriodTests {
    @Test(arguments: [
        ("2025", "2025", Period.Kind.year, 20089),
        ("2025-Q1", "2025-Q1", .quarter, 20089), ("Q1 2025", "2025-Q1", .quarter, 20089),
        ("2025Q2", "2025-Q2", .quarter, 20179),  // 1 April: 31 + 28 + 31 = 90 days on
        ("q3 2025", "2025-Q3", .quarter, 20270),  // 1 July: 181 days on
        ("2025-03", "2025-03", .month, 20148), ("Mar 2025", "2025-03", .month, 20148),
        ("March 2025", "2025-03", .month, 20148), ("february 2024", "2024-02", .month, 19754),
        // ISO week 1 of 2025 holds Thursday 2 January: it starts on Monday 30 December 2024.
        ("2025-W01", "2025-W01", .week, 20087), ("2025-W9", "2025-W09", .week, 20143),
        ("2026-W53", "2026-W53", .week, 20815),  // 2026 starts on a Thursday: 53 weeks
        ("2025-03-14", "2025-03-14", .date, 20161), ("2024-02-29", "2024-02-29", .date, 19782),
    ])
    func parses(_ text: String, _ canonical: String, _ kind: Period.Kind, _ start: Int) throws {
        let p = try #require(Period(text))
        #expect(p.description == canonical && p.kind == kind && p.start == start)
    }

    @Test(arguments: [
        "", "spring", "FY24", "Q1", "2025-Q0", "2025-Q5", "2025-W00", "2025-W53", "2025-13",
        "2025-02-29", "2025-3-14", "Smarch 2025", "25-03", "2025-03-14-01",
    ])
    func refuses(_ text: String) {
        #expect(Period(text) == nil)
    }

    @Test func ordersByTime() {
        let written = ["2025-W10", "2025-W8", "2025-W9", "Feb 2025", "Jan 2025", "2024-Q4", "2025"]
        let sorted = written.sorted(by: Period.precedes)
        #expect(sorted == ["2024-Q4", "2025", "Jan 2025", "Feb 2025", "2025-W8", "2025-W9", "2025-W10"])
        // A text that is not a period (from an older notebook) comes after every period.
        #expect(["FY24", "2030"].sorted(by: Period.precedes) == ["2030", "FY24"])
    }

    @Test(arguments: [
        ("2025", "2026"), ("2025-Q4", "2026-Q1"), ("2025-12", "2026-01"), ("2025-W52", "2026-W01"),
        ("2026-W52", "2026-W53"), ("2026-W53", "2027-W01"), ("2024-02-28", "2024-02-29"), ("2025-12-31", "2026-01-01"),
    ])
    func next(_ period: String, _ after: String) {
        #expect(Period(period)?.next.description == after)
    }
}
