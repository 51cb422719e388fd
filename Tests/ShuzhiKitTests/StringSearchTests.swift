import Testing
@testable import ShuzhiKit

/// `String.includes`, the byte search the analysis uses instead of Foundation's `contains` (which says an empty
/// needle is nowhere).
@Suite struct StringSearchTests {
    @Test(arguments: [
        ("述学述职述廉述法报告", "述廉", true), ("述学述职述廉述法报告", "述责", false), ("关于2024年工作", "2024年", true),
        ("<html><body>", "<html", true), ("abc", "", true), ("", "a", false), ("ab", "abc", false),
        // A byte match must be a match of whole characters: 述 (E8 BF B0) holds no other character's bytes.
        ("述", "\u{8FF0}", true), ("述职", "职述", false), ("报告如下：", "如下", true),
    ])
    func findsWhatFoundationFinds(haystack: String, needle: String, expected: Bool) {
        #expect(haystack.includes(needle) == expected)
        #expect(haystack.includes(needle) == (needle.isEmpty || haystack.contains(needle)))
    }
}
