#!/usr/bin/env python3
"""Builds the binary test fixtures in Tests/ShuzhiKitTests/Fixtures with producers independent of Shuzhi:
Python's zipfile for .docx packages, python-docx 1.1.2 (PyPI, MIT) for a document built on Word's own default
template, msoffcrypto-tool 6.1.0 (PyPI, MIT) for a real password-protected .docx, Python's codecs for GB18030/UTF-16
text. Run: python3 Scripts/make-test-fixtures.py (needs `pip install python-docx==1.1.2 msoffcrypto-tool==6.1.0`).
The outputs are committed; tests never run this script."""
import io, os, struct, zipfile

OUT = os.path.join(os.path.dirname(__file__), "..", "Tests", "ShuzhiKitTests", "Fixtures")
os.makedirs(OUT, exist_ok=True)

CONTENT_TYPES = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>"""
RELS = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>"""
W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape"'

def entry(name):
    """A zip entry with a fixed timestamp, so that rebuilding gives the same bytes."""
    info = zipfile.ZipInfo(name, date_time=(1980, 1, 1, 0, 0, 0))
    info.compress_type = zipfile.ZIP_DEFLATED
    return info

def package(path, document_xml, extra=None):
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr(entry("[Content_Types].xml"), CONTENT_TYPES)
        z.writestr(entry("_rels/.rels"), RELS)
        z.writestr(entry("word/document.xml"), document_xml)
        for name, data in (extra or {}).items():
            z.writestr(entry(name), data)

# A Word-style document: title centred, styled heading, run-split text, a table, a tracked insertion and deletion,
# a field (instruction skipped, result kept), a tab, a line break, entities, and a text box present twice
# (mc:Choice and mc:Fallback) that must be read once.
BASIC = f"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:document {W}><w:body>
<w:p><w:pPr><w:jc w:val="center"/></w:pPr><w:r><w:t>2023年度述职报告</w:t></w:r></w:p>
<w:p><w:pPr><w:pStyle w:val="Heading1"/></w:pPr><w:r><w:t>加强学习</w:t></w:r></w:p>
<w:p><w:r><w:rPr><w:b/></w:rPr><w:t xml:space="preserve">一、坚持</w:t></w:r><w:r><w:t>学习&amp;实践</w:t></w:r></w:p>
<w:tbl><w:tr><w:tc><w:p><w:r><w:t>单元格甲</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>单元格乙</w:t></w:r></w:p></w:tc></w:tr></w:tbl>
<w:p><w:r><w:t>完成</w:t></w:r><w:ins w:id="1" w:author="A"><w:r><w:t>全部</w:t></w:r></w:ins><w:del w:id="2" w:author="A"><w:r><w:delText>部分</w:delText></w:r></w:del><w:r><w:t>任务</w:t></w:r></w:p>
<w:p><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> PAGE </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>7</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r><w:r><w:tab/><w:t>页</w:t></w:r></w:p>
<w:p><w:r><w:t>第一行</w:t><w:br/><w:t>第二行</w:t></w:r></w:p>
<w:p><w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><wps:txbx><w:txbxContent><w:p><w:r><w:t>文本框</w:t></w:r></w:p></w:txbxContent></wps:txbx></w:drawing></mc:Choice><mc:Fallback><w:pict><w:txbxContent><w:p><w:r><w:t>文本框</w:t></w:r></w:p></w:txbxContent></w:pict></mc:Fallback></mc:AlternateContent><w:t>正文</w:t></w:r></w:p>
<w:sectPr/></w:body></w:document>"""
package(os.path.join(OUT, "basic.docx"), BASIC)

# Same content model with another namespace prefix and the ISO 29500 strict namespace, as LibreOffice-like
# or converter output may use.
PREFIXED = """<?xml version="1.0" encoding="UTF-8"?>
<ns0:document xmlns:ns0="http://purl.oclc.org/ooxml/wordprocessingml/main"><ns0:body>
<ns0:p><ns0:r><ns0:t>严格落实“一岗双责”制度,加强监督。</ns0:t></ns0:r></ns0:p>
</ns0:body></ns0:document>"""
package(os.path.join(OUT, "prefixed.docx"), PREFIXED)

# A report with the genre's mistakes, for end-to-end checks on .docx input.
REPORT_PARAS = ["2023年度个人述职报告", "一、加强学习", "全年集中学习24次,撰写心得6篇。", "二、履职尽责", "完成投资xx亿元。", "二、廉洁自律", "严格落实“一岗双责”制度。"]
REPORT = f'<?xml version="1.0" encoding="UTF-8"?>\n<w:document {W}><w:body>' + "".join(
    f"<w:p><w:r><w:t>{p}</w:t></w:r></w:p>" for p in REPORT_PARAS) + "</w:body></w:document>"
package(os.path.join(OUT, "report.docx"), REPORT)

# A document on Word's default template (python-docx; it stamps the current time, so it differs each build): styles.xml, numbering.xml, theme, settings; built-in heading
# styles; a table; text split over runs with different formatting; a list numbered by Word itself.
try:
    import docx
    d = docx.Document()
    d.add_heading("2023年度述职报告", level=0)
    d.add_heading("加强理论学习", level=1)
    p = d.add_paragraph()
    p.add_run("全年集中学习").bold = True
    p.add_run("24次,")
    p.add_run("撰写心得6篇。").italic = True
    d.add_paragraph("深化学习", style="List Number")
    d.add_paragraph("学以致用", style="List Number")
    table = d.add_table(rows=2, cols=2)
    for r, row in enumerate([["指标", "完成值"], ["固定资产投资", "xx亿元"]]):
        for c, text in enumerate(row):
            table.cell(r, c).text = text
    d.add_heading("廉洁自律", level=1)
    d.add_paragraph("严格落实“一岗双责制度。")
    d.save(os.path.join(OUT, "python-docx.docx"))
except ImportError:
    print("python-docx is not installed: python-docx.docx not rebuilt")

# A renamed workbook.
with zipfile.ZipFile(os.path.join(OUT, "workbook-renamed.docx"), "w", zipfile.ZIP_DEFLATED) as z:
    z.writestr(entry("[Content_Types].xml"), CONTENT_TYPES.replace("/word/document.xml", "/xl/workbook.xml"))
    z.writestr(entry("_rels/.rels"), RELS.replace("word/document.xml", "xl/workbook.xml"))
    z.writestr(entry("xl/workbook.xml"), "<workbook/>")

# A zip bomb dressed as .docx: 300 MB of spaces inside well-formed XML, about 300 KB compressed.
with zipfile.ZipFile(os.path.join(OUT, "bomb.docx"), "w", zipfile.ZIP_DEFLATED, compresslevel=9) as z:
    z.writestr(entry("[Content_Types].xml"), CONTENT_TYPES)
    z.writestr(entry("_rels/.rels"), RELS)
    with z.open(entry("word/document.xml"), "w", force_zip64=True) as f:
        f.write(f'<w:document {W}><w:body><w:p><w:r><w:t>'.encode())
        chunk = b" " * (1 << 20)
        for _ in range(300):
            f.write(chunk)
        f.write(b"</w:t></w:r></w:p></w:body></w:document>")

# A real password-protected .docx (Agile encryption, password "shuzhi"; its salt is random, so it differs each build).
try:
    import msoffcrypto
    from msoffcrypto.format.ooxml import OOXMLFile
    plain = io.BytesIO(open(os.path.join(OUT, "report.docx"), "rb").read())
    with open(os.path.join(OUT, "encrypted.docx"), "wb") as out:
        OOXMLFile(plain).encrypt("shuzhi", out)
except ImportError:
    print("msoffcrypto-tool is not installed: encrypted.docx not rebuilt")

# A legacy .doc: an OLE2 compound file whose directory names a WordDocument stream (header and directory only).
def compound_file(stream_name):
    header = bytearray(512)
    header[0:8] = bytes.fromhex("D0CF11E0A1B11AE1")
    struct.pack_into("<HHHH", header, 24, 0x3E, 3, 0xFFFE, 9)
    struct.pack_into("<I", header, 48, 1)  # first directory sector
    directory = bytearray(512)
    for i, name in enumerate(["Root Entry", stream_name]):
        raw = name.encode("utf-16-le") + b"\0\0"
        directory[i * 128:i * 128 + len(raw)] = raw
        struct.pack_into("<H", directory, i * 128 + 64, len(raw))
        directory[i * 128 + 66] = 5 if i == 0 else 2
    return bytes(header) + bytes(512) + bytes(directory)
open(os.path.join(OUT, "legacy.doc"), "wb").write(compound_file("WordDocument"))

# Text in the encodings Shuzhi detects.
TEXT = "一、加强学习\r\n全年集中学习24次，撰写心得6篇。\r\n二、履职尽责\r\n"
open(os.path.join(OUT, "gb18030-crlf.txt"), "wb").write(TEXT.encode("gb18030"))
open(os.path.join(OUT, "utf16le-bom.txt"), "wb").write(b"\xff\xfe" + TEXT.encode("utf-16-le"))
open(os.path.join(OUT, "utf16be-bom.txt"), "wb").write(b"\xfe\xff" + TEXT.encode("utf-16-be"))
print("fixtures written to", os.path.normpath(OUT))
