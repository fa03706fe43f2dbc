/// A list that a snapshot leaves out while it is empty and reads as empty when it is missing,
/// so that snapshots stay small and older ones stay readable as the model grows.
///
/// Swift's synthesised Codable calls `encode(_:forKey:)` and `decode(_:forKey:)` with the
/// wrapper; the overloads below, being more specific than the generic ones, do the leaving out.
@propertyWrapper
struct OmittedWhenEmpty<Value: EmptyInitializable>: Equatable {
    var wrappedValue: Value
    init(wrappedValue: Value) { self.wrappedValue = wrappedValue }
}

/// A value that has an empty form, made by `init()`: an array, the factor columns.
protocol EmptyInitializable: Codable, Equatable {
    init()
    var isEmpty: Bool { get }
}

extension Array: EmptyInitializable where Element: Codable & Equatable {}
extension FactorColumns: EmptyInitializable {}
extension OmittedWhenEmpty: Sendable where Value: Sendable {}

extension KeyedEncodingContainer {
    mutating func encode<V>(_ value: OmittedWhenEmpty<V>, forKey key: Key) throws {
        if !value.wrappedValue.isEmpty { try encode(value.wrappedValue, forKey: key) }
    }
}

extension KeyedDecodingContainer {
    func decode<V>(_ type: OmittedWhenEmpty<V>.Type, forKey key: Key) throws -> OmittedWhenEmpty<V> {
        OmittedWhenEmpty(wrappedValue: try decodeIfPresent(V.self, forKey: key) ?? V())
    }
}

// Outside a keyed container (where the overloads above apply) the wrapper codes as its value.
extension OmittedWhenEmpty: Codable {
    init(from decoder: any Decoder) throws { wrappedValue = try Value(from: decoder) }
    func encode(to encoder: any Encoder) throws { try wrappedValue.encode(to: encoder) }
}
