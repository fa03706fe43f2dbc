import PackagePlugin

/// Generates `allPlugins` for the target it is applied to (valuebench) from that target's
/// dependencies that live under `Plugins/`, in their order in Package.swift. A plugin is then a
/// folder under Plugins/ plus its name in Package.swift's `plugins` list, and nothing else.
@main struct RegisterPlugins: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
        let pluginsFolder = context.package.directoryURL.appending(path: "Plugins").standardizedFileURL.path
        let names = target.dependencies.compactMap { dependency -> String? in
            guard case let .target(t) = dependency,
                t.directoryURL.deletingLastPathComponent().standardizedFileURL.path == pluginsFolder
            else { return nil }
            return t.name
        }
        let output = context.pluginWorkDirectoryURL.appending(path: "AllPlugins.swift")
        return [
            .buildCommand(
                displayName: "Registering plugins: \(names.joined(separator: ", "))",
                executable: try context.tool(named: "plugin-list").url,
                arguments: [output.path] + names,
                inputFiles: [],
                outputFiles: [output])
        ]
    }
}
