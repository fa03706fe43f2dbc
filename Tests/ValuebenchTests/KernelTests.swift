import Testing
import Workbench
@testable import valuebench

/// The kernel's parts that need no sockets (the protocol itself is tested from Python, with
/// jupyter_client and jupyter_kernel_test: `make kernel-check`).
@Suite struct KernelTests {
    @Test func cellsAreReadAsScriptsAre() {
        #expect(
            LogicalLines.split("help\n\n# note\r\nenterprise add A \\\n  --industry x") == [
                .init(text: "help"), .init(text: ""), .init(text: "# note"),
                .init(text: "enterprise add A   --industry x"),
            ])
        #expect(LogicalLines.split("help \\") == [.init(text: "help ", continues: true)])
        #expect(LogicalLines.split("") == [.init(text: "")])
    }

    @Test(arguments: [
        ("help", "complete"), ("", "complete"), ("enterprise add \"Acme Corp\"", "complete"),
        ("enterprise add \"Acme", "incomplete"), ("enterprise add Acme \\", "incomplete"),
        ("help \\\\", "complete"), ("enterprise add \"Acme\nhelp", "invalid"),
    ])
    func isComplete(code: String, status: String) {
        let reply = Kernel.isComplete(code)
        #expect(reply["status"]?.stringValue == status)
        if status == "incomplete" { #expect(reply["indent"] == "") }
    }

    @Test func cursorLineInUnicodeScalars() {
        let (prefix, start, end) = Kernel.lineBefore("note «é»\nenterprise l", cursor: 21)
        #expect(prefix == "enterprise l")
        #expect(start == 9)
        #expect(end == 21)
    }

    @Test func exitIsRecognisedAlone() {
        #expect(Kernel.isExit("exit"))
        #expect(Kernel.isExit("  EXIT  "))
        #expect(!Kernel.isExit("exit now"))
        #expect(!Kernel.isExit("# exit"))
    }

    @Test func kernelSpecRunsThisBinaryWithTheConnectionFile() throws {
        let json = try JSON.parse(bytes: KernelInstall.kernelJSON(binary: "/opt/vb/valuebench"))
        #expect(json["argv"] == ["/opt/vb/valuebench", "kernel", "-f", "{connection_file}"])
        #expect(json["display_name"] == "ValueBench")
        #expect(json["language"] == "valuebench")
        #expect(json["interrupt_mode"] == "message")
    }

    @Test(arguments: [32, 64])
    func logosArePNGsOfTheirSize(size: Int) {
        let png = Logo.png(size: size)
        #expect(Array(png.prefix(8)) == [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A])
        #expect(Array(png[12..<16]) == Array("IHDR".utf8))
        #expect(Array(png[16..<24]) == Logo.be32(size) + Logo.be32(size))
        // Signature, IHDR, one IDAT of stored blocks (5 bytes a block) around the raw rows, IEND.
        let raw = size * (size * 4 + 1)
        #expect(png.count == 8 + 25 + 12 + 2 + 5 * ((raw + 65_534) / 65_535) + raw + 4 + 12)
        #expect(Logo.crc32(Array("IEND".utf8)) == 0xAE42_6082)
    }
}
