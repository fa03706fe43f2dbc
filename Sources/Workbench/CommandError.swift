/// A command's failure, shown to the user as one line: `error: MESSAGE`.
public struct CommandError: Error, CustomStringConvertible, Equatable, Sendable {
    /// A stable code, used as `ename` in notebooks (e.g. `UnknownName`, `BadValue`).
    public var code: String
    public var message: String
    /// Control characters in the message (from a file's cell, a typed tab) are shown as control
    /// pictures (␊ ␛ ␉), so an error stays one line and cannot drive the terminal.
    public init(_ code: String, _ message: String) { self.code = code; self.message = Renderer.visible(message) }
    public var description: String { message }

    /// The name is not in the workspace.
    public static func unknown(_ what: String, _ name: String, among names: [String] = [], hint: String? = nil)
        -> CommandError
    {
        var m = "no \(what) named '\(name)'"
        if let s = Suggest.closest(to: name, in: names) {
            m += "; did you mean '\(s)'?"
        } else if let hint {
            m += " (\(hint))"
        }
        return CommandError("UnknownName", m)
    }

    /// The name is already taken.
    public static func duplicate(_ what: String, _ name: String) -> CommandError {
        CommandError("DuplicateName", "\(what) '\(name)' already exists (names are compared ignoring case)")
    }

    public static func badValue(_ message: String) -> CommandError { CommandError("BadValue", message) }
}
