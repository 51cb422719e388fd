/// Paragraph styles from `styles.xml`, resolved through `basedOn`: what a paragraph inherits — an outline level
/// (headings), automatic numbering — and the style's name. Chinese Word gives heading styles ids like "1" and "2",
/// so headings are recognised by outline level and by name ("heading 1", "标题 1"), never by id alone.
struct DocxStyles {
    struct Style {
        var name: String?
        var basedOn: String?
        var outlineLevel: Int?
        var isNumbered = false
    }

    private(set) var styles: [String: Style] = [:]

    init() {}

    init(_ xml: [UInt8]) throws(XMLScanner.Failure) {
        var scanner = XMLScanner(xml)
        var current: (id: String, style: Style)?
        var inParagraphProperties = false
        while let event = try scanner.next() {
            switch event {
            case .start(let tag):
                guard tag.namespace.map(DocxReader.wordNamespaces.contains) ?? false else { continue }
                switch tag.localName {
                case "style":
                    let type = try scanner.attribute("type", of: tag)
                    if let id = try scanner.attribute("styleId", of: tag), type == nil || type == "paragraph" { current = (id, Style()) }
                case "name": current?.style.name = try scanner.attribute("val", of: tag)
                case "basedOn": current?.style.basedOn = try scanner.attribute("val", of: tag)
                case "pPr": inParagraphProperties = !tag.isSelfClosing
                case "outlineLvl" where inParagraphProperties:
                    if let v = try scanner.attribute("val", of: tag), let n = Int(v), n < 9 { current?.style.outlineLevel = n }
                case "numPr" where inParagraphProperties: current?.style.isNumbered = true
                default: break
                }
            case .end(let namespace, let localName, _):
                guard namespace.map(DocxReader.wordNamespaces.contains) ?? false else { continue }
                if localName == "pPr" { inParagraphProperties = false }
                if localName == "style", let c = current { styles[c.id] = c.style; current = nil }
            default:
                break
            }
        }
    }

    /// The style with everything it inherits (nearest definition wins; cycles stop after ten steps).
    func resolved(_ id: String?) -> Style {
        var result = Style()
        var next = id
        var steps = 0
        var nameTaken = false
        while let key = next, let style = styles[key], steps < 10 {
            if !nameTaken { result.name = style.name; nameTaken = true }
            if result.outlineLevel == nil { result.outlineLevel = style.outlineLevel }
            result.isNumbered = result.isNumbered || style.isNumbered
            next = style.basedOn
            steps += 1
        }
        return result
    }

    /// The heading level (1-based) a style gives: its outline level, or a name "heading N" / "标题 N".
    func headingLevel(_ id: String?) -> Int? {
        let style = resolved(id)
        if let level = style.outlineLevel { return level + 1 }
        // Without a styles part (some converters omit it) the id is all there is: "Heading1".
        guard var name = (style.name ?? (id.flatMap { styles[$0] == nil ? $0 : nil }))?.lowercased() else { return nil }
        name.removeAll { $0 == " " }
        for prefix in ["heading", "标题"] where name.hasPrefix(prefix) {
            if let n = Int(name.dropFirst(prefix.count)), n >= 1 && n <= 9 { return n }
        }
        return nil
    }
}
