/// A module of commands: the one protocol a plugin implements. A plugin is a folder
/// `Plugins/<Name>` with a public `<Name>Plugin` conforming to this protocol and a public
/// `init()`, plus its name in Package.swift's `plugins`; the build registers it (see
/// BuildTools/RegisterPlugins) and the shared tests in WorkbenchTests check it
/// (`PluginConformanceTests`, `HelpGoldenTests`), with no list to edit.
///
/// A plugin declares its commands as data and does no I/O of its own: each command receives a
/// `CommandContext` and returns a `CommandOutput`.
///
/// Implementation requirements, each checked by `checkConformance(_:after:)` (the test target
/// TestSupport), which `PluginConformanceTests` calls for every plugin and a plugin's own tests
/// call for it:
/// - `name` is one lower-case word, unique among plugins.
/// - `commands` are built once at start-up and do not depend on the workspace; no two commands
///   of all plugins share their words.
/// - Every command's first word should be the plugin's own (`kpi …`, `diff …`, `price …`),
///   except for a plugin that edits the workspace's objects, whose words are the objects' names.
/// - Every command has a one-line `abstract`, and `--help` renders its usage, options and
///   examples.
/// - Every example in `commands` runs, in order, on the workspace the modeling plugin's examples
///   build; an example may name files of the repository (such as `notebooks/data/…`), and
///   whatever it writes goes to a sandbox.
/// - A command that fails throws a `CommandError` (one line: what was wrong and what is
///   accepted); the session then reverts whatever the command changed in the workspace, so a
///   command may fail half-way without care.
/// - Commands touch files only through `context.files`, which a sandbox may restrict.
public protocol WorkbenchPlugin: Sendable {
    /// One lower-case word naming the plugin in `help` (`kpi`, `diff`, `price`).
    var name: String { get }
    /// One line for `help`: what the plugin is for.
    var abstract: String { get }
    /// The plugin's commands, in the order `help` lists them.
    var commands: [CommandSpec] { get }
}
