/// The release of ValueBench, in one place: `valuebench --version` prints it.
public enum Version {
    public static let number = "0.13.0"
    /// What `--version` prints.
    public static let line = "valuebench \(number)"
}
