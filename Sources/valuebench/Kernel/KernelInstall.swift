#if canImport(Glibc)
    import Glibc
#endif
import ArgumentParser
import Workbench

/// `valuebench kernel install`: writes the kernelspec (kernel.json and two logos) where
/// `jupyter kernelspec list` looks, as `python -m ipykernel install` does.
struct KernelInstall: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "install",
        abstract: "Make the kernel known to Jupyter: write kernels/valuebench/kernel.json and its logos.",
        discussion: """
            Where: --user (the default) in $JUPYTER_DATA_DIR/kernels, else ~/.local/share/jupyter/kernels \
            (~/Library/Jupyter/kernels on macOS); --sys-prefix in the Python environment's share/jupyter/kernels \
            ($VIRTUAL_ENV, $CONDA_PREFIX, or the prefix of the python3 in PATH); --prefix DIR in \
            DIR/share/jupyter/kernels. The kernel runs this binary by its absolute path. Prints the folder written.
            """)

    @Flag(help: "Install for this user (the default).")
    var user = false

    @Flag(help: "Install into the current Python environment (a venv or conda env).")
    var sysPrefix = false

    @Option(help: ArgumentHelp("Install under DIR/share/jupyter/kernels.", valueName: "DIR"))
    var prefix: String?

    func validate() throws {
        if [user, sysPrefix, prefix != nil].filter({ $0 }).count > 1 {
            throw ValidationError("give one of --user, --sys-prefix, --prefix DIR")
        }
    }

    mutating func run() throws {
        let kernels: String
        if let prefix {
            kernels = LocalFileAccess.absolute(prefix) + "/share/jupyter/kernels"
        } else if sysPrefix {
            guard let p = KernelInstall.pythonPrefix() else {
                throw ValidationError(
                    "--sys-prefix: no Python environment found (no $VIRTUAL_ENV, $CONDA_PREFIX or python3 in PATH)")
            }
            kernels = p + "/share/jupyter/kernels"
        } else {
            guard let d = KernelInstall.userDataDir() else { throw ValidationError("--user: $HOME is not set") }
            kernels = d + "/kernels"
        }
        let folder = kernels + "/valuebench"
        do {
            try KernelInstall.makeFolders(folder)
            try LocalFileAccess.writeAtomically(
                folder + "/kernel.json", KernelInstall.kernelJSON(binary: KernelInstall.executablePath()))
            try LocalFileAccess.writeAtomically(folder + "/logo-32x32.png", Logo.png(size: 32))
            try LocalFileAccess.writeAtomically(folder + "/logo-64x64.png", Logo.png(size: 64))
        } catch {
            OutputStream.stderr.write("error: kernel install: \(error)\n")
            throw ExitCode(1)
        }
        OutputStream.stdout.write("Installed the ValueBench kernel in \(folder)\n")
        OutputStream.stdout.flush()
    }

    /// kernel.json, laid out as Jupyter writes JSON.
    static func kernelJSON(binary: String) -> [UInt8] {
        let spec: JSON = [
            "argv": [.string(binary), "kernel", "-f", "{connection_file}"],
            "display_name": "ValueBench", "language": "valuebench", "interrupt_mode": "message",
            "metadata": ["debugger": false],
        ]
        var out: [UInt8] = []
        JupyterWriter.write(spec, into: &out, indent: 0)
        out.append(0x0A)
        return out
    }

    /// Jupyter's user data folder (`jupyter --data-dir`).
    static func userDataDir() -> String? {
        if let d = getenv("JUPYTER_DATA_DIR"), d.pointee != 0 { return LocalFileAccess.absolute(String(cString: d)) }
        guard let h = getenv("HOME"), h.pointee != 0 else { return nil }
        if let x = getenv("XDG_DATA_HOME"), x.pointee != 0 { return String(cString: x) + "/jupyter" }
        return String(cString: h) + "/.local/share/jupyter"
    }

    /// The active Python environment's `sys.prefix`.
    static func pythonPrefix() -> String? {
        for name in ["VIRTUAL_ENV", "CONDA_PREFIX"] {
            if let v = getenv(name), v.pointee != 0 { return String(cString: v) }
        }
        guard let p = popen("python3 -c 'import sys; print(sys.prefix)' 2>/dev/null", "r") else { return nil }
        defer { pclose(p) }
        var buf = [CChar](repeating: 0, count: 4096)
        guard fgets(&buf, Int32(buf.count), p) != nil else { return nil }
        let s = String(decoding: buf.prefix { $0 != 0 && $0 != 0x0A }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        return s.isEmpty ? nil : s
    }

    /// This binary's absolute path, symbolic links resolved.
    static func executablePath() -> String {
        var buf = [CChar](repeating: 0, count: 4096)
        #if os(Linux)
            let n = readlink("/proc/self/exe", &buf, buf.count - 1)
            if n > 0 { return String(decoding: buf[..<n].map { UInt8(bitPattern: $0) }, as: UTF8.self) }
        #endif
        if realpath(CommandLine.arguments[0], &buf) != nil {
            return String(decoding: buf.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        }
        return LocalFileAccess.absolute(CommandLine.arguments[0])
    }

    static func makeFolders(_ path: String) throws {
        var prefix = ""
        for part in path.split(separator: "/") {
            prefix += "/" + part
            if mkdir(prefix, 0o755) != 0 && errno != EEXIST {
                throw CommandError("FileError", "cannot make \(prefix): \(String(cString: strerror(errno)))")
            }
        }
    }
}
