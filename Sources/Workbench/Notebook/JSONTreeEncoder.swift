/// Encodes `Encodable` values straight into a `JSON` tree (a notebook's snapshot), without
/// going through JSON text and parsing it back.
public struct JSONTreeEncoder {
    public init() {}

    /// - Throws: `EncodingError` for a NaN or infinite number, which JSON cannot hold.
    public func encode<T: Encodable>(_ value: T) throws -> JSON {
        let root = TreeNode()
        try value.encode(to: TreeEncoder(node: root, codingPath: []))
        return root.json()
    }
}

/// A value being built: a leaf, or an object or list whose children are still being filled.
private final class TreeNode {
    var leaf: JSON = .null
    var pairs: [(String, TreeNode)]?
    var items: [TreeNode]?

    init() {}
    init(_ leaf: JSON) { self.leaf = leaf }

    func json() -> JSON {
        // Keys sorted here, once, as the notebook writer and the snapshot checksum want them.
        if let pairs { return .object(JupyterWriter.sorted(pairs.map { ($0.0, $0.1.json()) })) }
        if let items { return .array(items.map { $0.json() }) }
        return leaf
    }
}

private func leaf<T: Encodable>(_ value: T, _ path: [any CodingKey]) throws -> JSON? {
    switch value {
    case let s as String: return .string(s)
    case let i as Int: return .int(i)
    case let b as Bool: return .bool(b)
    case let d as Double:
        guard d.isFinite else {
            throw EncodingError.invalidValue(
                d, .init(codingPath: path, debugDescription: "\(d) cannot be stored in JSON"))
        }
        return .number(d)
    default: return nil
    }
}

private struct TreeEncoder: Encoder {
    let node: TreeNode
    let codingPath: [any CodingKey]
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        if node.pairs == nil { node.pairs = [] }
        return KeyedEncodingContainer(KeyedTreeEncoder<Key>(node: node, codingPath: codingPath))
    }
    func unkeyedContainer() -> any UnkeyedEncodingContainer {
        if node.items == nil { node.items = [] }
        return UnkeyedTreeEncoder(node: node, codingPath: codingPath)
    }
    func singleValueContainer() -> any SingleValueEncodingContainer {
        SingleTreeEncoder(node: node, codingPath: codingPath)
    }
}

private func encoded<T: Encodable>(_ value: T, _ path: [any CodingKey]) throws -> TreeNode {
    if let l = try leaf(value, path) { return TreeNode(l) }
    let child = TreeNode()
    try value.encode(to: TreeEncoder(node: child, codingPath: path))
    return child
}

private struct KeyedTreeEncoder<Key: CodingKey>: KeyedEncodingContainerProtocol {
    let node: TreeNode
    let codingPath: [any CodingKey]
    mutating func encodeNil(forKey key: Key) throws { node.pairs!.append((key.stringValue, TreeNode(.null))) }
    mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws {
        node.pairs!.append((key.stringValue, try encoded(value, codingPath + [key])))
    }
    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type, forKey key: Key)
        -> KeyedEncodingContainer<NestedKey>
    {
        let child = TreeNode()
        node.pairs!.append((key.stringValue, child))
        return TreeEncoder(node: child, codingPath: codingPath + [key]).container(keyedBy: keyType)
    }
    mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
        let child = TreeNode()
        node.pairs!.append((key.stringValue, child))
        return TreeEncoder(node: child, codingPath: codingPath + [key]).unkeyedContainer()
    }
    mutating func superEncoder() -> any Encoder { TreeEncoder(node: node, codingPath: codingPath) }
    mutating func superEncoder(forKey key: Key) -> any Encoder {
        let child = TreeNode()
        node.pairs!.append((key.stringValue, child))
        return TreeEncoder(node: child, codingPath: codingPath + [key])
    }
}

private struct UnkeyedTreeEncoder: UnkeyedEncodingContainer {
    let node: TreeNode
    let codingPath: [any CodingKey]
    var count: Int { node.items?.count ?? 0 }
    mutating func encodeNil() throws { node.items!.append(TreeNode(.null)) }
    mutating func encode<T: Encodable>(_ value: T) throws { node.items!.append(try encoded(value, codingPath)) }
    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type) -> KeyedEncodingContainer<
        NestedKey
    > {
        let child = TreeNode()
        node.items!.append(child)
        return TreeEncoder(node: child, codingPath: codingPath).container(keyedBy: keyType)
    }
    mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer {
        let child = TreeNode()
        node.items!.append(child)
        return TreeEncoder(node: child, codingPath: codingPath).unkeyedContainer()
    }
    mutating func superEncoder() -> any Encoder {
        let child = TreeNode()
        node.items!.append(child)
        return TreeEncoder(node: child, codingPath: codingPath)
    }
}

private struct SingleTreeEncoder: SingleValueEncodingContainer {
    let node: TreeNode
    let codingPath: [any CodingKey]
    mutating func encodeNil() throws { node.leaf = .null }
    mutating func encode<T: Encodable>(_ value: T) throws {
        let n = try encoded(value, codingPath)
        node.leaf = n.leaf; node.pairs = n.pairs; node.items = n.items
    }
}
