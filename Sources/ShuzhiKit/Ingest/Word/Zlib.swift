import CZlib

/// Raw DEFLATE (as stored in ZIP entries) through the system zlib.
enum Zlib {
    enum Failure: Error { case corrupt, limitExceeded }

    /// Inflates `input`, failing as soon as the output would pass `limit` bytes: the size a ZIP header declares is
    /// never trusted, so a zip bomb costs at most `limit` bytes of memory.
    static func inflate(_ input: ArraySlice<UInt8>, limit: Int, expectedSize: Int? = nil) throws(Failure) -> [UInt8] {
        var stream = z_stream()
        guard inflateInit2_(&stream, -MAX_WBITS, zlibVersion(), Int32(MemoryLayout<z_stream>.size)) == Z_OK else {
            throw .corrupt
        }
        defer { inflateEnd(&stream) }
        var output: [UInt8] = []
        output.reserveCapacity(min(limit, max(expectedSize ?? input.count * 4, 1024)))
        var chunk = [UInt8](repeating: 0, count: 64 * 1024)
        var input = Array(input)
        var result: Int32 = Z_OK
        var failure: Failure?
        input.withUnsafeMutableBufferPointer { inBuf in
            stream.next_in = inBuf.baseAddress
            stream.avail_in = UInt32(inBuf.count)
            repeat {
                let produced: Int = chunk.withUnsafeMutableBufferPointer { outBuf in
                    stream.next_out = outBuf.baseAddress
                    stream.avail_out = UInt32(outBuf.count)
                    result = CZlib.inflate(&stream, Z_NO_FLUSH)
                    return outBuf.count - Int(stream.avail_out)
                }
                if result != Z_OK && result != Z_STREAM_END {
                    failure = .corrupt
                    return
                }
                if output.count + produced > limit {
                    failure = .limitExceeded
                    return
                }
                output.append(contentsOf: chunk[0..<produced])
                if result == Z_OK && produced == 0 && stream.avail_in == 0 {
                    failure = .corrupt  // input ended before the stream did: truncated
                    return
                }
            } while result != Z_STREAM_END
        }
        if let failure { throw failure }
        return output
    }

    static func deflate(_ input: [UInt8], level: Int32 = 6) -> [UInt8] {
        var stream = z_stream()
        guard
            deflateInit2_(
                &stream, level, Z_DEFLATED, -MAX_WBITS, 8, Z_DEFAULT_STRATEGY, zlibVersion(),
                Int32(MemoryLayout<z_stream>.size)) == Z_OK
        else { return [] }
        defer { deflateEnd(&stream) }
        var output = [UInt8](repeating: 0, count: Int(deflateBound(&stream, UInt(input.count))) + 16)
        var input = input
        let written: Int = input.withUnsafeMutableBufferPointer { inBuf in
            output.withUnsafeMutableBufferPointer { outBuf in
                stream.next_in = inBuf.baseAddress
                stream.avail_in = UInt32(inBuf.count)
                stream.next_out = outBuf.baseAddress
                stream.avail_out = UInt32(outBuf.count)
                _ = CZlib.deflate(&stream, Z_FINISH)
                return outBuf.count - Int(stream.avail_out)
            }
        }
        output.removeSubrange(written...)
        return output
    }

    static func crc32(_ bytes: ArraySlice<UInt8>) -> UInt32 {
        bytes.withUnsafeBufferPointer { buf in
            UInt32(CZlib.crc32(0, buf.baseAddress, UInt32(buf.count)))
        }
    }
}
