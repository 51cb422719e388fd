/// A piece of text as a message quotes it: “…”, or 「…」 when the piece is or holds a double quotation mark itself,
/// so that no message nests the same marks (引号方向错误，此处应为「”」, never “””).
func quoted<S: StringProtocol>(_ text: S) -> String {
    text.contains(where: { $0 == "“" || $0 == "”" || $0 == "\"" }) ? "「\(text)」" : "“\(text)”"
}

func quoted(_ scalar: Unicode.Scalar) -> String { quoted(String(scalar)) }
