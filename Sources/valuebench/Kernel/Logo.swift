/// The kernel's logo, drawn and encoded here (no image files in the repository): three rising
/// bars, white on teal, as a PNG with an uncompressed zlib stream (a logo is a few KB).
enum Logo {
    /// An RGBA PNG of `size`×`size` pixels.
    static func png(size: Int) -> [UInt8] {
        var raw: [UInt8] = []
        raw.reserveCapacity(size * (size * 4 + 1))
        for y in 0..<size {
            raw.append(0)  // filter: none
            for x in 0..<size { raw.append(contentsOf: pixel(x, y, size)) }
        }
        var png: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]
        chunk("IHDR", be32(size) + be32(size) + [8, 6, 0, 0, 0], into: &png)
        chunk("IDAT", zlibStored(raw), into: &png)
        chunk("IEND", [], into: &png)
        return png
    }

    static func pixel(_ x: Int, _ y: Int, _ n: Int) -> [UInt8] {
        let u = Double(x) / Double(n), v = Double(y) / Double(n)
        // A square with cut corners; outside it, transparent.
        let r = 0.18, cx = min(max(u, r), 1 - r), cy = min(max(v, r), 1 - r)
        if (u - cx) * (u - cx) + (v - cy) * (v - cy) > r * r { return [0, 0, 0, 0] }
        let bars: [(Double, Double, Double)] = [(0.2, 0.34, 0.62), (0.42, 0.56, 0.42), (0.64, 0.78, 0.22)]
        for (left, right, top) in bars where u >= left && u < right && v >= top && v < 0.8 {
            return [255, 255, 255, 255]
        }
        return [0x0E, 0x76, 0x6E, 255]
    }

    static func be32(_ v: Int) -> [UInt8] {
        [UInt8(v >> 24 & 255), UInt8(v >> 16 & 255), UInt8(v >> 8 & 255), UInt8(v & 255)]
    }

    static func chunk(_ type: String, _ data: [UInt8], into png: inout [UInt8]) {
        let body = Array(type.utf8) + data
        png += be32(data.count) + body + be32(Int(crc32(body)))
    }

    /// zlib stream of stored (uncompressed) deflate blocks.
    static func zlibStored(_ data: [UInt8]) -> [UInt8] {
        var out: [UInt8] = [0x78, 0x01]
        var i = 0
        repeat {
            let n = min(65_535, data.count - i)
            let last: UInt8 = i + n == data.count ? 1 : 0
            out += [last, UInt8(n & 255), UInt8(n >> 8), UInt8(~n & 255), UInt8(~n >> 8 & 255)]
            out += data[i..<(i + n)]
            i += n
        } while i < data.count
        var a: UInt32 = 1, b: UInt32 = 0
        for byte in data { a = (a + UInt32(byte)) % 65_521; b = (b + a) % 65_521 }
        return out + be32(Int(b << 16 | a))
    }

    static func crc32(_ data: [UInt8]) -> UInt32 {
        var c: UInt32 = 0xFFFF_FFFF
        for byte in data {
            c ^= UInt32(byte)
            for _ in 0..<8 { c = c & 1 != 0 ? 0xEDB8_8320 ^ (c >> 1) : c >> 1 }
        }
        return ~c
    }
}
