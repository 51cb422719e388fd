#!/usr/bin/env python3
"""Writes Sources/CShuzhiWebAssets/openapi.json, the OpenAPI 3.1 description `shuzhi serve` serves at /openapi.json.

The description is kept here as Python data (easier to read and review than hand-written JSON); run this script after
changing it, then touch Sources/CShuzhiWebAssets/assets.S so that the build links the new copy."""
import json, os

def ref(name): return {"$ref": f"#/components/schemas/{name}"}

# What the readers take for blank (ScalarClass.isInlineSpace and the line breaks): a text of only these is refused.
BLANK = "\\t\\n\\r \\u00a0\\u2000-\\u200b\\u2028\\u2029\\u3000\\ufeff"
non_blank = {"type": "string", "minLength": 1, "pattern": f"[^{BLANK}]",
             "description": "不能为空或只有空白"}
# A taught word: one line without control characters, at most 40 code points, not only spaces (WordListOperation).
word_schema = {"type": "string", "minLength": 1, "maxLength": 40,
               "pattern": "^[^\\u0000-\\u001f\\u007f-\\u009f\\u2028\\u2029]*$",
               "allOf": [{"pattern": "[^ \\u00a0\\u1680\\u2000-\\u200a\\u202f\\u205f\\u3000]"}]}
int64 = {"type": "integer", "format": "int64", "minimum": 1, "maximum": 2**63 - 1}

document_body = {
    "required": True,
    "description": "一份文档：粘贴的文本（JSON）、表单上传（multipart 的 file 或 text 字段），或文件本身（用 ?name= 给出文件名）。",
    "content": {
        "application/json": {"schema": ref("PastedText")},
        "multipart/form-data": {"schema": {"type": "object", "anyOf": [{"required": ["file"]}, {"required": ["text"]}], "properties": {
            "file": {"type": "string", "contentMediaType": "application/octet-stream"}, "text": non_blank}}},
        "application/octet-stream": {"schema": {"type": "string", "contentMediaType": "application/octet-stream", "minLength": 1}},
    },
}
def batch_body(**fields):
    return {
        "required": True,
        "description": "一批报告：multipart 的 files 字段（可重复，也可以是 zip），或整个请求体就是一个 zip。",
        "content": {
            "multipart/form-data": {"schema": {"type": "object", "required": ["files"], "properties": {
                "files": {"type": "array", "minItems": 1, "items": {"type": "string", "contentMediaType": "application/octet-stream"}},
                **fields}}},
            "application/zip": {"schema": {"type": "string", "contentMediaType": "application/zip", "minLength": 1}},
        },
    }
switch = {"type": "string", "description": "开关：1、true、yes、on 或空为开，其他为关"}
review_body = batch_body(corpus=switch)
corpus_body = batch_body(kind={"type": "string", "enum": ["report", "template", "other"]},
                         author={"type": "string"}, year={"type": "string", "description": "年份，或空"}, tags={"type": "string"})

word_body = {
    "required": True,
    "description": "一份 Word 文档（.docx，或由 LibreOffice 转换的 .doc、.wps）：表单上传（multipart 的 file 字段），或文件本身（用 ?name= 给出文件名）。粘贴的文本没有可加批注的 Word 文件。",
    "content": {
        "multipart/form-data": {"schema": {"type": "object", "required": ["file"], "properties": {
            "file": {"type": "string", "contentMediaType": "application/octet-stream"}}}},
        "application/octet-stream": {"schema": {"type": "string", "contentMediaType": "application/octet-stream", "minLength": 1}},
    },
}

def q(name, description, schema=None):
    return {"name": name, "in": "query", "required": False, "description": description, "schema": schema or {"type": "string"}}

check_params = [
    q("name", "文件名（上传文件本身时）"),
    q("typoThreshold", "错别字置信度阈值 0–1（默认 0.8）", {"type": "number", "minimum": 0, "maximum": 1}),
    q("year", "报告年度（默认从正文推断；空为不指定）",
      {"anyOf": [{"type": "integer", "minimum": 1949, "maximum": 2100}, {"type": "string", "enum": [""]}]}),
]
choice_params = [
    q("ignore", "不处理的问题，逗号分隔的 rule:start:end"),
    q("accept", "接受的需确认修改，逗号分隔的 rule:start:end"),
]

def errors(*codes):
    text = {400: "请求或文件有误", 401: "需要访问令牌", 403: "来自其他网站的请求", 404: "不存在", 409: "尚未完成",
            413: "上传过大", 421: "主机名不是本机地址"}
    return {str(c): {"description": text[c], "content": {"application/json": {"schema": ref("Error")}}} for c in codes}

def json_ok(description, schema): return {"200": {"description": description, "content": {"application/json": {"schema": schema}}}}

def file_ok(description, *media):
    return {"200": {"description": description, "headers": {"Content-Disposition": {"schema": {"type": "string"}}},
                    "content": {m: {"schema": {"type": "string", "contentMediaType": m}} for m in media}}}

docx = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"

spec = {
    "openapi": "3.1.0",
    "info": {
        "title": "Shuzhi 述职报告检查 API", "version": "0.2.0",
        "description": "`shuzhi serve` 的接口，网页本身也只用这些接口。报告只在内存中处理。监听非本机地址时，每个请求都要带访问令牌："
                       "`Authorization: Bearer 令牌`、`X-Shuzhi-Token: 令牌`，或 /login 设置的 Cookie。"
                       "偏移量（start、end）是 text 中 Unicode 标量（码点）的下标。",
    },
    "servers": [{"url": "/"}],
    "security": [{}, {"bearer": []}, {"header": []}, {"cookie": []}],
    "paths": {
        "/api/health": {"get": {"summary": "服务状态", "operationId": "health",
                                "responses": json_ok("正常", {"type": "object", "properties": {"status": {"type": "string"}, "version": {"type": "string"}}})}},
        "/api/rules": {"get": {"summary": "全部规则", "operationId": "rules",
                               "responses": json_ok("规则列表", {"type": "array", "items": ref("Rule")})}},
        "/api/check": {"post": {
            "summary": "检查一份报告", "operationId": "check", "requestBody": document_body,
            "parameters": check_params + [q("corpus", "同时对照语料库查重（1）"), q("author", "作者或单位：其本人报告算沿用"),
                                          q("include", "附带 outline、metrics（逗号分隔）")],
            "responses": {**json_ok("检查结果，与 `shuzhi check --format json` 相同，另有 text（及 outline、metrics）", ref("CheckResult")),
                          **errors(400, 413)}}},
        "/api/fix": {"post": {
            "summary": "应用修改，下载修改后的文件", "operationId": "fix", "requestBody": document_body,
            "parameters": check_params + choice_params + [
                q("output", "text（修改后文本，保留原编码）、tracked（Word 修订）或 accepted（Word 直接修改）",
                  {"type": "string", "enum": ["text", "tracked", "accepted"]}),
                q("unsafe", "同时应用需确认的修改（1）")],
            "responses": {**file_ok("修改后的文本或 Word 文档", "text/plain", docx), **errors(400, 413)}}},
        "/api/annotate": {"post": {
            "summary": "把问题写成 Word 批注", "operationId": "annotate", "requestBody": word_body,
            "parameters": check_params + choice_params,
            "responses": {**file_ok("带批注的 Word 文档", docx), **errors(400, 413)}}},
        "/api/format": {"post": {
            "summary": "按 GB/T 9704 排成公文格式 Word 文档", "operationId": "format", "requestBody": document_body,
            "parameters": check_params + [q("copyNumber", "份号（版心左上角第一行）"), q("secrecy", "密级和保密期限（左上角第二行）"),
                                          q("documentNumber", "发文字号（标题上方居中）")],
            "responses": {**file_ok("公文格式的 Word 文档", docx), **errors(400, 413)}}},
        "/api/outline": {"post": {
            "summary": "提纲、标题、报告年度和述学/述职/述廉/述法结构", "operationId": "outline", "requestBody": document_body,
            "parameters": check_params, "responses": {**json_ok("与 `shuzhi outline --format json` 相同", {"type": "object"}), **errors(400, 413)}}},
        "/api/metrics": {"post": {
            "summary": "写明的成绩（指标、数值、单位、变化）和实质内容比例", "operationId": "metrics", "requestBody": document_body,
            "parameters": check_params, "responses": {**json_ok("与 `shuzhi metrics --format json` 相同", {"type": "object"}), **errors(400, 413)}}},
        "/api/compare": {"post": {
            "summary": "比对两份文档的相同段落", "operationId": "compare",
            "requestBody": {"required": True, "content": {
                "application/json": {"schema": {"type": "object", "required": ["a", "b"], "properties": {"a": ref("PastedText"), "b": ref("PastedText")}}},
                "multipart/form-data": {"schema": {"type": "object", "required": ["a", "b"], "properties": {"a": non_blank, "b": non_blank}}}}},
            "parameters": [q("corpus", "用语料库判断公文通用表述（1）")],
            "responses": {**json_ok("与 `shuzhi compare --format json` 相同", {"type": "object"}), **errors(400, 413)}}},
        "/api/review": {"post": {
            "summary": "开始批量审阅", "operationId": "startReview", "requestBody": review_body,
            "parameters": check_params[1:] + [q("corpus", "同时对照语料库（1）"), q("wait", "等审阅完成后直接返回结果（1）")],
            "responses": {"202": {"description": "已开始", "content": {"application/json": {"schema": ref("ReviewStarted")}},
                                  "links": {name: {"operationId": name, "parameters": {"id": "$response.body#/id"}}
                                            for name in ["reviewState", "reviewEvents", "cancelReview"]}},
                          **json_ok("wait=1 时：审阅结果", ref("ReviewState")), **errors(400, 413)}}},
        "/api/review/{id}": {
            "parameters": [{"name": "id", "in": "path", "required": True, "schema": {"type": "string"}}],
            "get": {"summary": "审阅进度或结果", "operationId": "reviewState",
                    "parameters": [q("format", "完成后：csv 或 html 下载审阅表；sheets 显示可打印的审阅单（首页为需退回报告的排序，每份报告一页 A4）；pdf 下载审阅单 PDF（需本机有 Chromium 或 LibreOffice）",
                                     {"type": "string", "enum": ["json", "csv", "html", "sheets", "pdf"]})],
                    "responses": {"200": {"description": "进度或结果（与 `shuzhi review -o x.json` 相同，在 review 字段）；format=csv/html/sheets/pdf 时为文件",
                                          "content": {"application/json": {"schema": ref("ReviewState")},
                                                      "text/csv": {"schema": {"type": "string"}}, "text/html": {"schema": {"type": "string"}},
                                                      "application/pdf": {"schema": {"type": "string", "contentMediaType": "application/pdf"}}}},
                                  **errors(400, 404)}},
            "delete": {"summary": "取消并删除审阅（此后它的结果和事件都是 404；正在跟随事件的页面收到 cancelled）", "operationId": "cancelReview",
                       "responses": {**json_ok("已取消", {"type": "object"}), **errors(404)}}},
        "/api/review/{id}/events": {
            "parameters": [{"name": "id", "in": "path", "required": True, "schema": {"type": "string"}}],
            "get": {"summary": "审阅进度（server-sent events：progress，最后 done、failed 或 cancelled）", "operationId": "reviewEvents",
                    "responses": {"200": {"description": "事件流；每个事件的 data 是 JSON（与 GET /api/review/{id} 相同，done 时只有 id 和 state）",
                                          "content": {"text/event-stream": {"schema": {
                                              "type": "object", "required": ["event", "data"], "properties": {
                                                  "event": {"type": "string", "enum": ["progress", "done", "failed", "cancelled"]},
                                                  "data": {"type": "string", "contentMediaType": "application/json"}}}}}},
                                  **errors(404)}}},
        "/api/review/{id}/reports/{number}": {
            "parameters": [{"name": "id", "in": "path", "required": True, "schema": {"type": "string"}},
                           {"name": "number", "in": "path", "required": True, "schema": int64}],
            "get": {"summary": "审阅中的一份报告的检查结果（含 outline、metrics）", "operationId": "reviewedReport",
                    "responses": {**json_ok("检查结果", ref("CheckResult")), **errors(400, 404, 409)}}},
        "/api/corpus": {
            "get": {"summary": "列出语料库文档", "operationId": "listCorpus",
                    "parameters": [q("q", "标题、作者、文件名、标签或年度中包含的文字"),
                                   q("kind", "类别", {"type": "string", "enum": ["report", "template", "other"]})],
                    "responses": {**json_ok("文档列表", {"type": "object", "properties": {
                        "documents": {"type": "array", "items": ref("StoredDocument")}, "count": {"type": "integer"}}}), **errors(400)}},
            "post": {"summary": "加入文档", "operationId": "addToCorpus", "requestBody": corpus_body,
                     "responses": {"201": {"description": "已加入", "content": {"application/json": {"schema": ref("CorpusAdded")}},
                                           "links": {"showDocument": {"operationId": "showDocument", "parameters": {"id": "$response.body#/results/0/id"}},
                                                     "removeDocument": {"operationId": "removeDocument", "parameters": {"id": "$response.body#/results/0/id"}}}},
                                   **json_ok("都已存在", ref("CorpusAdded")), **errors(400, 413)}}},
        "/api/corpus/stats": {"get": {"summary": "语料库统计", "operationId": "corpusStats", "responses": json_ok("统计", {"type": "object", "properties": {
            "store": {"type": "string", "enum": ["SQLite", "PostgreSQL"], "description": "语料库的种类（不给出服务器上的路径或地址）"},
            "documents": {"type": "integer"}, "characters": {"type": "integer"}, "bytes": {"type": "integer"},
            "byKind": {"type": "object", "additionalProperties": {"type": "integer"}}}})}},
        "/api/corpus/search": {"post": {"summary": "按段落查找：语料库中与这段文字相同的文档", "operationId": "searchCorpus",
                                        "requestBody": document_body, "parameters": [q("author", "作者或单位")],
                                        "responses": {**json_ok("来源及相同段落", {"type": "object"}), **errors(400, 413)}}},
        "/api/corpus/{id}": {
            "parameters": [{"name": "id", "in": "path", "required": True, "schema": int64}],
            "get": {"summary": "文档及原文", "operationId": "showDocument", "responses": {**json_ok("文档", ref("StoredDocument")), **errors(400, 404)}},
            "delete": {"summary": "删除文档", "operationId": "removeDocument", "responses": {**json_ok("已删除", {"type": "object"}), **errors(400, 404)}}},
        "/api/words": {
            "get": {"summary": "本单位词库（语料库中的词和配置文件中的词）", "operationId": "listWords",
                    "parameters": [q("format", "txt：导出为每行一个词的文本文件", {"type": "string", "enum": ["json", "txt"]})],
                    "responses": {"200": {"description": "词库", "content": {
                        "application/json": {"schema": {"type": "object", "properties": {
                            "words": {"type": "array", "items": ref("Word")}, "count": {"type": "integer"}}}},
                        "text/plain": {"schema": {"type": "string"}}}}, **errors(400)}},
            "post": {"summary": "加入词库：此后所有检查都不再把它当作问题", "operationId": "addWord",
                     "requestBody": {"required": True, "content": {"application/json": {"schema": {
                         "type": "object", "required": ["word"], "properties": {
                             "word": word_schema, "note": {"type": ["string", "null"]}}}}}},
                     "responses": {"201": {"description": "已加入", "content": {"application/json": {"schema": ref("WordAdded")}},
                                           "links": {"removeWord": {"operationId": "removeWord", "parameters": {"word": "$response.body#/word"}}}},
                                   **json_ok("已在词库中", ref("WordAdded")), **errors(400)}}},
        "/api/words/suggestions": {"get": {"summary": "语料库中多份报告同样写法、被当作问题的词：可加入词库", "operationId": "suggestWords",
                                           "responses": json_ok("建议", {"type": "object", "properties": {"suggestions": {"type": "array", "items": {
                                               "type": "object", "properties": {"word": {"type": "string"}, "documents": {"type": "integer"},
                                                                                "rules": {"type": "array", "items": {"type": "string"}}}}}}})}},
        "/api/words/{word}": {
            "parameters": [{"name": "word", "in": "path", "required": True, "schema": {"type": "string"}}],
            "delete": {"summary": "从词库删除（语料库中的词）", "operationId": "removeWord",
                       "responses": {**json_ok("已删除", {"type": "object", "properties": {"removed": {"type": "string"}}}), **errors(404)}}},
    },
    "components": {
        "securitySchemes": {
            "bearer": {"type": "http", "scheme": "bearer"},
            "header": {"type": "apiKey", "in": "header", "name": "X-Shuzhi-Token"},
            "cookie": {"type": "apiKey", "in": "cookie", "name": "shuzhi_token"},
        },
        "schemas": {
            "PastedText": {"type": "object", "required": ["text"], "properties": {"text": non_blank, "name": {"type": ["string", "null"]}}},
            "Error": {"type": "object", "required": ["error"], "properties": {"error": {"type": "object", "properties": {
                "status": {"type": "integer"}, "kind": {"type": "string"}, "message": {"type": "string", "description": "中文说明"},
                "messageEnglish": {"type": "string"}}}}},
            "Rule": {"type": "object", "properties": {"id": {"type": "string"}, "family": {"type": "string"}, "severity": {"type": "string"},
                                                      "summary": {"type": "string"}, "fix": {"type": "string", "enum": ["safe", "unsafe", "none"]}}},
            "Diagnostic": {"type": "object", "properties": {
                "rule": {"type": "string"}, "family": {"type": "string"}, "severity": {"type": "string", "enum": ["error", "warning", "info"]},
                "start": {"type": "integer"}, "end": {"type": "integer"}, "line": {"type": "integer"}, "column": {"type": "integer"},
                "text": {"type": "string"}, "message": {"type": "string"}, "replacements": {"type": "array", "items": {"type": "string"}},
                "fix": {"type": "string", "enum": ["safe", "unsafe", "none"]}, "confidence": {"type": "number"}, "source": {"type": "object"},
                "word": {"type": "string", "description": "问题所在的整个词（错别字等）：加入词库时加的就是它"}}},
            "CheckResult": {"type": "object", "properties": {
                "file": {"type": "string"}, "encoding": {"type": "string"}, "reportYear": {"type": "object"},
                "diagnostics": {"type": "array", "items": ref("Diagnostic")}, "summary": {"type": "object"}, "similarity": {"type": "object"},
                "readingOrder": {"type": "object", "description": "先看什么：一句概述（headline），和按重要程度排好的问题（entries，diagnostics 的下标；每段的模板占位合为一条待填清单）",
                                 "properties": {"headline": {"type": "string"}, "entries": {"type": "array", "items": {
                                     "type": "object", "required": ["indices", "placeholderList"], "properties": {
                                         "indices": {"type": "array", "items": {"type": "integer", "minimum": 0}},
                                         "placeholderList": {"type": "boolean"}, "message": {"type": "string"}}}}}},
                "text": {"type": "string"}, "outline": {"type": "object"}, "metrics": {"type": "object"}}},
            "ReviewStarted": {"type": "object", "properties": {"id": {"type": "string"}, "files": {"type": "integer"},
                                                               "status": {"type": "string"}, "events": {"type": "string"}}},
            "ReviewState": {"type": "object", "properties": {
                "id": {"type": "string"}, "state": {"type": "string", "enum": ["running", "done", "failed", "cancelled"]},
                "phase": {"type": "string"}, "done": {"type": "integer"}, "total": {"type": "integer"}, "review": {"type": "object"},
                "error": ref("Error")}},
            "Word": {"type": "object", "properties": {
                "word": {"type": "string"}, "note": {"type": "string"}, "source": {"type": "string", "description": "store，或配置文件"},
                "addedAt": {"type": ["string", "null"]}}},
            "CorpusAdded": {"type": "object", "required": ["results"], "properties": {"results": {"type": "array", "items": {
                "type": "object", "required": ["file"], "properties": {
                    "file": {"type": "string"}, "id": {"type": "integer"}, "outcome": {"type": "string", "enum": ["added", "duplicate"]},
                    "title": {"type": "string"}, "error": ref("Error")}}}}},
            "WordAdded": {"type": "object", "properties": {"word": {"type": "string"}, "added": {"type": "boolean"}}},
            "StoredDocument": {"type": "object", "properties": {
                "id": {"type": "integer"}, "title": {"type": "string"}, "author": {"type": ["string", "null"]}, "year": {"type": ["integer", "null"]},
                "kind": {"type": "string"}, "tags": {"type": "array", "items": {"type": "string"}}, "source": {"type": ["string", "null"]},
                "characters": {"type": "integer"}, "addedAt": {"type": "string"}, "text": {"type": "string"}}},
        },
    },
}

# With a token set, every /api request without it is refused before any route runs.
for path, item in spec["paths"].items():
    for method, operation in item.items():
        if method != "parameters" and path.startswith("/api/"):
            operation.setdefault("responses", {}).update(errors(401))

out = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "Sources", "CShuzhiWebAssets", "openapi.json")
with open(out, "w", encoding="utf-8") as f:
    json.dump(spec, f, ensure_ascii=False, indent=1)
    f.write("\n")
