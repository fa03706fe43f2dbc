#if canImport(Glibc)
    import Glibc
#endif
import ArgumentParser
import Jupyter
import Workbench

/// `valuebench kernel -f CONNECTION_FILE` runs the Jupyter kernel; `valuebench kernel install`
/// writes its kernelspec.
struct KernelCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "valuebench kernel",
        abstract: "Run as a Jupyter kernel (started by Jupyter with -f CONNECTION_FILE), or install its kernelspec.",
        discussion: "Install it once with `valuebench kernel install --user`, then open notebooks with `jupyter lab`.",
        subcommands: [KernelInstall.self])

    @Option(
        name: .customShort("f"), help: ArgumentHelp("The connection file Jupyter wrote.", valueName: "CONNECTION_FILE"))
    var connectionFile: String?

    mutating func run() throws {
        guard let path = connectionFile else {
            throw ValidationError(
                """
                a kernel is started by Jupyter with -f CONNECTION_FILE; to make it known to Jupyter, run \
                `valuebench kernel install --user`
                """
            )
        }
        KernelCommand.start(connectionFile: path)
    }

    /// Runs the kernel until a `shutdown_request`, then exits (status 2 when the connection
    /// file or the sockets fail).
    static func start(connectionFile path: String) -> Never {
        let kernel: Kernel
        do {
            kernel = try Kernel(connection: Connection(json: JSON.parse(bytes: LocalFileAccess().read(path))))
        } catch {
            OutputStream.stderr.write("error: kernel: \(path): \(error)\n")
            Glibc.exit(2)
        }
        // Jupyter sends SIGINT to a whole process group at times; interrupts come as messages.
        signal(SIGINT, SIG_IGN)
        kernel.run()
        kernel.sockets.close()
        OutputStream.stderr.flush()
        // As the REPL does: leave without tearing the workspace down.
        Glibc.exit(0)
    }
}
