import Jupyter
import Testing
import Workbench

@Suite struct WireTests {
    init() throws { try KernelSockets.loadLibraries() }

    @Test func signatureIsHexHMACSHA256OfTheConcatenatedParts() throws {
        let signer = try Signer(key: "key")
        // The well-known HMAC-SHA256 vector, split across parts: the parts are signed back to back.
        let parts = [Array("The quick brown ".utf8), Array("fox jumps over".utf8), Array(" the lazy dog".utf8)]
        #expect(
            String(decoding: signer.sign(parts), as: UTF8.self)
                == "f7bc83f430538424b13298e6aa6fb143ef4d59a14946175997479dbc2d1a3cd8")
        #expect(signer.verify(signer.sign(parts), parts))
    }

    @Test func framesRoundTripWithIdentitiesAndBuffers() throws {
        let signer = try Signer(key: "a-secret")
        let m = Message(
            identities: [[1, 2, 3]], header: ["msg_id": "m1", "msg_type": "execute_request"],
            content: ["code": "help"], buffers: [[9, 9]])
        let frames = Wire.encode(m, signer: signer)
        #expect(frames[0] == [1, 2, 3])
        #expect(frames[1] == Array("<IDS|MSG>".utf8))
        #expect(frames[2].count == 64)
        let back = try Wire.decode(frames, signer: signer)
        #expect(back.identities == [[1, 2, 3]])
        #expect(back.type == "execute_request")
        #expect(back.content == ["code": "help"])
        #expect(back.buffers == [[9, 9]])
    }

    @Test func aWrongSignatureIsRefusedBeforeParsing() throws {
        let signer = try Signer(key: "a-secret")
        var frames = Wire.encode(
            Message(header: ["msg_type": "execute_request"], content: ["code": "quit"]), signer: signer)
        frames[1][0] = frames[1][0] == UInt8(ascii: "0") ? UInt8(ascii: "1") : UInt8(ascii: "0")
        #expect(throws: WireError.badSignature) { try Wire.decode(frames, signer: signer) }
        // Signed with another key.
        let other = Wire.encode(
            Message(header: ["msg_type": "execute_request"], content: ["code": "quit"]),
            signer: try Signer(key: "another"))
        #expect(throws: WireError.badSignature) { try Wire.decode(other, signer: signer) }
        // Content changed after signing; and a message that is not JSON is never parsed.
        frames = Wire.encode(Message(header: ["msg_type": "x"], content: ["a": 1]), signer: signer)
        frames[5] = Array("not json".utf8)
        #expect(throws: WireError.badSignature) { try Wire.decode(frames, signer: signer) }
    }

    @Test func aMessageSentAgainIsRefused() throws {
        let signer = try Signer(key: "a-secret")
        let seen = SeenSignatures(capacity: 2)
        let frames = Wire.encode(Message(header: ["msg_id": "1"], content: [:]), signer: signer)
        _ = try Wire.decode(frames, signer: signer, seen: seen)
        #expect(throws: WireError.duplicateSignature) { try Wire.decode(frames, signer: signer, seen: seen) }
        // Only the last `capacity` signatures are kept.
        for id in ["2", "3"] {
            _ = try Wire.decode(
                Wire.encode(Message(header: ["msg_id": .string(id)], content: [:]), signer: signer), signer: signer,
                seen: seen)
        }
        _ = try Wire.decode(frames, signer: signer, seen: seen)
    }

    @Test func framingErrors() throws {
        let signer = try Signer(key: "")
        #expect(throws: WireError.noDelimiter) { try Wire.decode([[1], [2]], signer: signer) }
        #expect(throws: WireError.tooFewFrames(3)) { try Wire.decode([Wire.delimiter, [], [], []], signer: signer) }
        #expect(throws: WireError.unsupportedScheme("hmac-md5")) { try Signer(key: "k", scheme: "hmac-md5") }
        // Without a key nothing is signed, and anything is accepted.
        let frames = Wire.encode(Message(header: ["msg_type": "x"], content: [:]), signer: signer)
        #expect(frames[1].isEmpty)
        #expect(try Wire.decode(frames, signer: signer).type == "x")
    }

    @Test func headerDatesReadBack() throws {
        let now = HeaderMaker.now()
        let seconds = try #require(HeaderMaker.seconds(now))
        #expect(seconds > 1_700_000_000)
        #expect(HeaderMaker.seconds("2026-01-02T03:04:05.250000Z") == 1_767_323_045.25)
        #expect(HeaderMaker.seconds("2026-01-02T03:04:05+00:00") == 1_767_323_045)
        #expect(HeaderMaker.seconds("yesterday") == nil)
        let h = HeaderMaker().header("status")
        #expect(h["version"] == "5.3")
        #expect(h["msg_type"] == "status")
    }
}
