/// A period a KPI figure covers, read as time: a year (`2025`), a quarter (`2025-Q1`, `Q1 2025`),
/// a month (`2025-03`, `Mar 2025`, `March 2025`), an ISO week (`2025-W09`) or a date
/// (`2025-03-14`). Periods order by the day they start, so `2025-W8` comes before `2025-W10` and
/// January before February, in every view that lists them.
public struct Period: Equatable, Hashable, Comparable, Sendable, CustomStringConvertible {
    public enum Kind: String, Sendable, CaseIterable { case year, quarter, month, week, date }
    public var kind: Kind
    /// The first day of the period, as days since 1970-01-01 (proleptic Gregorian).
    public var start: Int
    /// The canonical text: `2025`, `2025-Q1`, `2025-03`, `2025-W09`, `2025-03-14`.
    public var description: String

    /// The accepted forms, for error messages.
    public static let accepted =
        """
        a year (2025), quarter (2025-Q1 or Q1 2025), month (2025-03, Mar 2025 or March 2025), ISO week \
        (2025-W09) or date (2025-03-14)
        """

    /// Reads a period, or nil when the text is none of the accepted forms.
    public init?(_ text: String) {
        var t = text.trimmingSpaces.uppercased()
        // The compact forms 2025Q1 and 2025W09.
        if t.count >= 6, t.prefix(4).allSatisfy(\.isASCII), t.prefix(4).allSatisfy(\.isNumber),
            let mark = t.dropFirst(4).first, mark == "Q" || mark == "W"
        {
            t = t.prefix(4) + "-" + t.dropFirst(4)
        }
        let parts = t.split(whereSeparator: { $0 == " " || $0 == "-" || $0 == "/" }).map(String.init)
        func year(_ s: String) -> Int? { s.count == 4 ? Int(s).flatMap { (1...9999).contains($0) ? $0 : nil } : nil }
        func number(_ s: Substring, in range: ClosedRange<Int>) -> Int? {
            guard (1...2).contains(s.count), s.allSatisfy(\.isASCII), let n = Int(s), range.contains(n) else {
                return nil
            }
            return n
        }
        switch parts.count {
        case 1:
            guard let y = year(parts[0]) else { return nil }
            self.init(kind: .year, year: y, month: 1, day: 1, text: "\(y)")
        case 2:
            let (a, b) = (parts[0], parts[1])
            if let y = year(a), b.hasPrefix("Q"), let q = number(b.dropFirst(), in: 1...4) {
                self.init(kind: .quarter, year: y, month: 3 * q - 2, day: 1, text: "\(y)-Q\(q)")
            } else if let y = year(b), a.hasPrefix("Q"), let q = number(a.dropFirst(), in: 1...4) {
                self.init(kind: .quarter, year: y, month: 3 * q - 2, day: 1, text: "\(y)-Q\(q)")
            } else if let y = year(a), b.hasPrefix("W"), let w = number(b.dropFirst(), in: 1...53) {
                guard w <= Period.isoWeeks(in: y) else { return nil }
                self.init(
                    kind: .week, start: Period.isoWeekOneMonday(y) + 7 * (w - 1), text: "\(y)-W\(w < 10 ? "0" : "")\(w)"
                )
            } else if let y = year(a), let m = number(Substring(b), in: 1...12) {
                self.init(kind: .month, year: y, month: m, day: 1, text: "\(y)-\(m < 10 ? "0" : "")\(m)")
            } else if let y = year(b),
                let m = Period.monthNames.firstIndex(where: { a == $0 || (a.count == 3 && $0.hasPrefix(a)) })
            {
                self.init(kind: .month, year: y, month: m + 1, day: 1, text: "\(y)-\(m < 9 ? "0" : "")\(m + 1)")
            } else {
                return nil
            }
        case 3:
            guard let y = year(parts[0]), parts[1].count == 2, parts[2].count == 2,
                let m = number(Substring(parts[1]), in: 1...12), let d = number(Substring(parts[2]), in: 1...31),
                d <= Period.days(inMonth: m, of: y)
            else { return nil }
            self.init(kind: .date, year: y, month: m, day: d, text: "\(y)-\(parts[1])-\(parts[2])")
        default:
            return nil
        }
    }

    private init(kind: Kind, year: Int, month: Int, day: Int, text: String) {
        self.init(kind: kind, start: Period.daysFromCivil(year, month, day), text: text)
    }
    private init(kind: Kind, start: Int, text: String) {
        self.kind = kind; self.start = start; self.description = text
    }

    /// The period after this one, of the same kind: 2025 → 2026, 2025-Q4 → 2026-Q1,
    /// 2025-12 → 2026-01, 2025-W52 → 2026-W01 (or W53 where the year has one), a date → the next day.
    public var next: Period {
        let (y, m, d) = Period.civil(start)
        let text: String
        switch kind {
        case .year: text = "\(y + 1)"
        case .quarter: text = m >= 10 ? "\(y + 1)-Q1" : "\(y)-Q\((m + 2) / 3 + 1)"
        case .month: text = m == 12 ? "\(y + 1)-01" : "\(y)-\(m < 9 ? "0" : "")\(m + 1)"
        case .week:
            // The ISO year of a week is the year of its Thursday.
            let thursday = Period.civil(start + 7 + 3)
            let week = (start + 7 - Period.isoWeekOneMonday(thursday.0)) / 7 + 1
            text = "\(thursday.0)-W\(week < 10 ? "0" : "")\(week)"
        case .date:
            let (ny, nm, nd) = Period.civil(start + 1)
            text = "\(ny)-\(nm < 10 ? "0" : "")\(nm)-\(nd < 10 ? "0" : "")\(nd)"
        }
        return Period(text)!
    }

    /// Whether the period written `a` comes before `b`: by time when both are periods; a text
    /// that is not one (kept from an older notebook) after every period, by its text.
    public static func precedes(_ a: String, _ b: String) -> Bool {
        switch (Period(a), Period(b)) {
        case let (x?, y?): return x < y
        case (_?, nil): return true
        case (nil, _?): return false
        case (nil, nil): return a < b
        }
    }

    public static func < (a: Period, b: Period) -> Bool {
        (a.start, a.kind.rank) < (b.start, b.kind.rank)
    }

    static let monthNames = [
        "JANUARY", "FEBRUARY", "MARCH", "APRIL", "MAY", "JUNE", "JULY", "AUGUST",
        "SEPTEMBER", "OCTOBER", "NOVEMBER", "DECEMBER",
    ]

    static func isLeap(_ y: Int) -> Bool { (y % 4 == 0 && y % 100 != 0) || y % 400 == 0 }
    static func days(inMonth m: Int, of y: Int) -> Int {
        m == 2 ? (isLeap(y) ? 29 : 28) : [4, 6, 9, 11].contains(m) ? 30 : 31
    }

    /// Days since 1970-01-01 of a Gregorian date (Howard Hinnant's days_from_civil).
    static func daysFromCivil(_ y0: Int, _ m: Int, _ d: Int) -> Int {
        let y = m <= 2 ? y0 - 1 : y0
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146097 + doe - 719468
    }

    /// The Gregorian date of a day count (Howard Hinnant's civil_from_days).
    static func civil(_ days: Int) -> (Int, Int, Int) {
        let z = days + 719468
        let era = (z >= 0 ? z : z - 146096) / 146097
        let doe = z - era * 146097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        return (yoe + era * 400 + (m <= 2 ? 1 : 0), m, d)
    }

    /// Day of the week, 0 = Monday … 6 = Sunday (1970-01-01 was a Thursday).
    static func weekday(_ days: Int) -> Int { ((days % 7) + 7 + 3) % 7 }

    /// The Monday of ISO week 1: the week that holds the year's first Thursday (4 January).
    static func isoWeekOneMonday(_ y: Int) -> Int {
        let jan4 = daysFromCivil(y, 1, 4)
        return jan4 - weekday(jan4)
    }

    /// 53 when the year starts on a Thursday, or is a leap year starting on a Wednesday; else 52.
    static func isoWeeks(in y: Int) -> Int {
        (isoWeekOneMonday(y + 1) - isoWeekOneMonday(y)) / 7
    }
}

extension Period.Kind {
    /// Longer periods first among those that start on the same day (2025 before 2025-Q1).
    var rank: Int { Period.Kind.allCases.firstIndex(of: self)! }
}

extension String {
    /// The text without leading and trailing spaces, tabs and line breaks.
    public var trimmingSpaces: String {
        var s = Substring(self)
        while let c = s.first, c == " " || c == "\t" || c == "\r" || c == "\n" { s.removeFirst() }
        while let c = s.last, c == " " || c == "\t" || c == "\r" || c == "\n" { s.removeLast() }
        return String(s)
    }
}
