import Workbench

extension CommandError {
    /// The same error with the file named after the command's prefix: "diff import: FILE: line 3: …".
    func naming(_ path: String, after prefix: String) -> CommandError {
        guard message.hasPrefix(prefix) else { return self }
        return CommandError(code, prefix + path + ": " + message.dropFirst(prefix.count))
    }

    /// Runs `body`, naming `path` in the errors it throws.
    static func naming<T>(_ path: String, after prefix: String, _ body: () throws -> T) throws -> T {
        do { return try body() } catch let e as CommandError { throw e.naming(path, after: prefix) }
    }
}
