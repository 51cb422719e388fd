/// Opening and closing brackets of Chinese and Latin text, as switches (they run for every scalar).
enum Brackets {
    /// The closer of an opening bracket: （( 《 【 〔 〈 [ ［.
    @inline(__always)
    static func closer(of v: UInt32) -> UInt32? {
        switch v {
        case 0xFF08: return 0xFF09
        case 0x28: return 0x29
        case 0x300A: return 0x300B
        case 0x3010: return 0x3011
        case 0x3014: return 0x3015
        case 0x3008: return 0x3009
        case 0x5B: return 0x5D
        case 0xFF3B: return 0xFF3D
        default: return nil
        }
    }

    /// The opener of a closing bracket.
    @inline(__always)
    static func opener(of v: UInt32) -> UInt32? {
        switch v {
        case 0xFF09: return 0xFF08
        case 0x29: return 0x28
        case 0x300B: return 0x300A
        case 0x3011: return 0x3010
        case 0x3015: return 0x3014
        case 0x3009: return 0x3008
        case 0x5D: return 0x5B
        case 0xFF3D: return 0xFF3B
        default: return nil
        }
    }

    /// Square brackets, which Latin text (citations, code) uses unpaired too.
    @inline(__always)
    static func isSquare(_ v: UInt32) -> Bool { v == 0x5B || v == 0x5D || v == 0xFF3B || v == 0xFF3D }
}
