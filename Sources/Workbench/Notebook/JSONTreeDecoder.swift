/// Decodes `Decodable` values straight from a parsed `JSON` tree (a notebook's snapshot), without
/// writing the tree out as text for `JSONDecoder` to parse again.
public struct JSONTreeDecoder {
    public init() {}

    public func decode<T: Decodable>(_ type: T.Type, from tree: JSON) throws -> T {
        try T(from: TreeDecoder(value: tree, path: nil))
    }
}

/// A coding path as a chain of keys, built into an array only when asked for (an error, or a
/// type that reads its path). Appending a key to an array for every nested value decoded was a
/// large part of restoring a snapshot.
private final class PathNode {
    let key: any CodingKey
    let parent: PathNode?
    init(_ key: any CodingKey, _ parent: PathNode?) { self.key = key; self.parent = parent }
}

private func keys(_ path: PathNode?) -> [any CodingKey] {
    var list: [any CodingKey] = []
    var node = path
    while let n = node { list.append(n.key); node = n.parent }
    return list.reversed()
}

private struct TreeDecoder: Decoder {
    let value: JSON
    let path: PathNode?
    var codingPath: [any CodingKey] { keys(path) }
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    func container<Key: CodingKey>(keyedBy type: Key.Type) throws -> KeyedDecodingContainer<Key> {
        guard case let .object(pairs) = value else { throw mismatch(value, "an object", codingPath) }
        return KeyedDecodingContainer(KeyedTree<Key>(pairs: pairs, path: path))
    }

    func unkeyedContainer() throws -> any UnkeyedDecodingContainer {
        guard case let .array(items) = value else { throw mismatch(value, "a list", codingPath) }
        return UnkeyedTree(items: items, path: path)
    }

    func singleValueContainer() throws -> any SingleValueDecodingContainer { SingleTree(value: value, path: path) }
}

private func mismatch(_ value: JSON, _ expected: String, _ path: [any CodingKey]) -> DecodingError {
    DecodingError.typeMismatch(Any.self, .init(codingPath: path, debugDescription: "expected \(expected)"))
}

private struct IndexKey: CodingKey {
    var intValue: Int?
    var stringValue: String { String(intValue ?? 0) }
    init(_ i: Int) { intValue = i }
    init?(stringValue: String) { nil }
    init?(intValue: Int) { self.intValue = intValue }
}

/// Scalars, shared by the three containers.
private func scalar<T>(_ value: JSON, _ type: T.Type, _ path: @autoclosure () -> [any CodingKey]) throws -> T {
    switch type {
    case is String.Type:
        if case let .string(s) = value { return s as! T }
    case is Bool.Type:
        if case let .bool(b) = value { return b as! T }
    case is Double.Type:
        if let d = value.doubleValue { return d as! T }
    case is Float.Type:
        if let d = value.doubleValue { return Float(d) as! T }
    case is Int.Type:
        if let i = value.intValue { return i as! T }
    case is Int64.Type:
        if let i = value.intValue { return Int64(i) as! T }
    case is Int32.Type:
        if let i = value.intValue, let v = Int32(exactly: i) { return v as! T }
    case is UInt.Type:
        if let i = value.intValue, let v = UInt(exactly: i) { return v as! T }
    default: break
    }
    throw mismatch(value, "\(T.self)", path())
}

private struct KeyedTree<Key: CodingKey>: KeyedDecodingContainerProtocol {
    let pairs: [(String, JSON)]
    let path: PathNode?
    var codingPath: [any CodingKey] { keys(path) }

    var allKeys: [Key] { pairs.compactMap { Key(stringValue: $0.0) } }

    func find(_ key: Key) -> JSON? {
        let name = key.stringValue
        for p in pairs where p.0 == name { return p.1 }
        return nil
    }

    func value(_ key: Key) throws -> JSON {
        guard let v = find(key) else {
            throw DecodingError.keyNotFound(
                key, .init(codingPath: codingPath, debugDescription: "missing '\(key.stringValue)'"))
        }
        return v
    }

    func contains(_ key: Key) -> Bool { find(key) != nil }
    func decodeNil(forKey key: Key) throws -> Bool { find(key).map { $0 == .null } ?? true }

    func decode(_ type: String.Type, forKey key: Key) throws -> String {
        try scalar(try value(key), type, codingPath + [key])
    }
    func decode(_ type: Bool.Type, forKey key: Key) throws -> Bool {
        try scalar(try value(key), type, codingPath + [key])
    }
    func decode(_ type: Double.Type, forKey key: Key) throws -> Double {
        try scalar(try value(key), type, codingPath + [key])
    }
    func decode(_ type: Int.Type, forKey key: Key) throws -> Int {
        try scalar(try value(key), type, codingPath + [key])
    }

    func decode<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T {
        let v = try value(key)
        if T.self == String.self || T.self == Double.self || T.self == Int.self || T.self == Bool.self {
            return try scalar(v, type, codingPath + [key])
        }
        return try T(from: TreeDecoder(value: v, path: PathNode(key, path)))
    }

    func decodeIfPresent<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T? {
        guard let v = find(key), v != .null else { return nil }
        if T.self == String.self || T.self == Double.self || T.self == Int.self || T.self == Bool.self {
            return try scalar(v, type, codingPath + [key])
        }
        return try T(from: TreeDecoder(value: v, path: PathNode(key, path)))
    }

    func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type, forKey key: Key) throws
        -> KeyedDecodingContainer<NestedKey>
    {
        try TreeDecoder(value: try value(key), path: PathNode(key, path)).container(keyedBy: type)
    }
    func nestedUnkeyedContainer(forKey key: Key) throws -> any UnkeyedDecodingContainer {
        try TreeDecoder(value: try value(key), path: PathNode(key, path)).unkeyedContainer()
    }
    func superDecoder() throws -> any Decoder { TreeDecoder(value: .object(pairs), path: path) }
    func superDecoder(forKey key: Key) throws -> any Decoder {
        TreeDecoder(value: try value(key), path: PathNode(key, path))
    }
}

private struct UnkeyedTree: UnkeyedDecodingContainer {
    let items: [JSON]
    let path: PathNode?
    var codingPath: [any CodingKey] { keys(path) }
    var currentIndex = 0
    var count: Int? { items.count }
    var isAtEnd: Bool { currentIndex >= items.count }

    init(items: [JSON], path: PathNode?) { self.items = items; self.path = path }

    mutating func next() throws -> JSON {
        guard currentIndex < items.count else {
            throw DecodingError.valueNotFound(
                JSON.self, .init(codingPath: codingPath, debugDescription: "the list ended"))
        }
        defer { currentIndex += 1 }
        return items[currentIndex]
    }

    mutating func decodeNil() throws -> Bool {
        if currentIndex < items.count, items[currentIndex] == .null { currentIndex += 1; return true }
        return false
    }

    mutating func decode<T: Decodable>(_ type: T.Type) throws -> T {
        let index = currentIndex
        let v = try next()
        if T.self == String.self || T.self == Double.self || T.self == Int.self || T.self == Bool.self {
            return try scalar(v, type, codingPath + [IndexKey(index)])
        }
        return try T(from: TreeDecoder(value: v, path: PathNode(IndexKey(index), path)))
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type) throws -> KeyedDecodingContainer<
        NestedKey
    > {
        try TreeDecoder(value: try next(), path: path).container(keyedBy: type)
    }
    mutating func nestedUnkeyedContainer() throws -> any UnkeyedDecodingContainer {
        try TreeDecoder(value: try next(), path: path).unkeyedContainer()
    }
    mutating func superDecoder() throws -> any Decoder { TreeDecoder(value: try next(), path: path) }
}

private struct SingleTree: SingleValueDecodingContainer {
    let value: JSON
    let path: PathNode?
    var codingPath: [any CodingKey] { keys(path) }
    func decodeNil() -> Bool { value == .null }
    func decode<T: Decodable>(_ type: T.Type) throws -> T {
        if T.self == String.self || T.self == Double.self || T.self == Int.self || T.self == Bool.self
            || T.self == Float.self
            || T.self == Int64.self || T.self == Int32.self || T.self == UInt.self
        {
            return try scalar(value, type, codingPath)
        }
        return try T(from: TreeDecoder(value: value, path: path))
    }
}
