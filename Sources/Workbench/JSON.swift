/// A JSON value with ordered object keys: what `--json` prints, what a notebook stores as a
/// command's typed result, and what the notebook codec reads and writes.
public enum JSON: Sendable, Equatable {
    case null
    case bool(Bool)
    /// Whole numbers that fit in an `Int` are kept exact; they print without a fraction.
    case int(Int)
    case number(Double)
    case string(String)
    case array([JSON])
    /// Keys in insertion order. The notebook writer sorts them; `--json` keeps this order.
    case object([(String, JSON)])

    public static func == (a: JSON, b: JSON) -> Bool {
        switch (a, b) {
        case (.null, .null): return true
        case let (.bool(x), .bool(y)): return x == y
        case let (.int(x), .int(y)): return x == y
        case let (.number(x), .number(y)): return x == y || (x.isNaN && y.isNaN)
        case let (.int(x), .number(y)), let (.number(y), .int(x)): return Double(x) == y
        case let (.string(x), .string(y)): return x == y
        case let (.array(x), .array(y)): return x == y
        case let (.object(x), .object(y)):
            guard x.count == y.count else { return false }
            let ys = Dictionary(y, uniquingKeysWith: { a, _ in a })
            return x.allSatisfy { k, v in ys[k] == v }
        default: return false
        }
    }

    /// A number, as `.int` when it is whole and small enough to be exact, else `.number`.
    public static func num(_ value: Double) -> JSON {
        if value.rounded() == value, abs(value) < 9.0e15 { return .int(Int(value)) }
        return .number(value)
    }

    /// A number or `null`.
    public static func num(_ value: Double?) -> JSON { value.map { num($0) } ?? .null }

    public subscript(key: String) -> JSON? {
        if case let .object(pairs) = self { return pairs.first { $0.0 == key }?.1 }
        return nil
    }

    public var stringValue: String? { if case let .string(s) = self { return s }; return nil }
    public var doubleValue: Double? {
        switch self {
        case let .int(i): return Double(i)
        case let .number(d): return d
        default: return nil
        }
    }
    public var intValue: Int? {
        switch self {
        case let .int(i): return i
        case let .number(d) where d.rounded() == d && abs(d) < 9.0e15: return Int(d)
        default: return nil
        }
    }
    public var arrayValue: [JSON]? { if case let .array(a) = self { return a }; return nil }
    public var objectValue: [(String, JSON)]? { if case let .object(o) = self { return o }; return nil }
    public var boolValue: Bool? { if case let .bool(b) = self { return b }; return nil }
}

extension JSON: ExpressibleByStringLiteral, ExpressibleByIntegerLiteral, ExpressibleByFloatLiteral,
    ExpressibleByBooleanLiteral, ExpressibleByArrayLiteral, ExpressibleByDictionaryLiteral, ExpressibleByNilLiteral
{
    public init(stringLiteral value: String) { self = .string(value) }
    public init(integerLiteral value: Int) { self = .int(value) }
    public init(floatLiteral value: Double) { self = .number(value) }
    public init(booleanLiteral value: Bool) { self = .bool(value) }
    public init(arrayLiteral elements: JSON...) { self = .array(elements) }
    public init(dictionaryLiteral elements: (String, JSON)...) { self = .object(elements) }
    public init(nilLiteral: ()) { self = .null }
}
