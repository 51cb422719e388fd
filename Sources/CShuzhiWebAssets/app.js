// Shuzhi's page: check one report, review a batch, manage the store. Everything goes through the JSON API of the
// same server (openapi.json). Report text is only ever put into the page as text nodes (textContent), never as
// markup, so a report containing <script> or onerror=… shows as the characters it is.
"use strict";

const $ = (id) => document.getElementById(id);

/** An element with attributes and children (strings become text nodes). */
function h(tag, attrs, ...children) {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v === null || v === undefined || v === false) continue;
    if (k === "class") el.className = v;
    else if (k.startsWith("on")) el.addEventListener(k.slice(2), v);
    else if (k === "dataset") Object.assign(el.dataset, v);
    else el.setAttribute(k, v === true ? "" : v);
  }
  for (const c of children.flat()) {
    if (c === null || c === undefined || c === false) continue;
    el.append(c instanceof Node ? c : document.createTextNode(String(c)));
  }
  return el;
}

/** Family names as the server gives them with each finding (familyName), learnt as findings arrive. */
const FAMILIES = {};
const SEVERITIES = { error: "错误", warning: "警告", info: "提示" };
const SEVERITY_ORDER = ["error", "warning", "info"];
const familyName = (f) => FAMILIES[f] || f;
const learnFamilies = (diagnostics) => { for (const d of diagnostics) if (d.familyName) FAMILIES[d.family] = d.familyName; };
const percent = (x) => (x * 100).toFixed(1) + "%";

/** Calls the API; a failure throws an Error whose message is the server's Chinese message. */
async function api(path, options = {}) {
  let response;
  try {
    response = await fetch(path, { credentials: "same-origin", ...options });
  } catch (e) {
    throw new Error("无法连接服务器：" + e.message);
  }
  if (!response.ok) {
    let message = `请求失败（${response.status}）`;
    try {
      const body = await response.json();
      if (body && body.error && body.error.message) message = body.error.message;
    } catch (_) { /* not JSON */ }
    const error = new Error(message);
    error.status = response.status;
    throw error;
  }
  return response;
}

function setStatus(id, message, isError = false) {
  const el = $(id);
  el.textContent = message || "";
  el.classList.toggle("error", isError);
}

/** Saves a response body as the file the server named (Content-Disposition, RFC 5987 name preferred). */
async function saveResponse(response, fallbackName) {
  const disposition = response.headers.get("Content-Disposition") || "";
  let name = fallbackName;
  const star = /filename\*=UTF-8''([^;]+)/i.exec(disposition);
  const plain = /filename="([^"]+)"/i.exec(disposition);
  if (star) name = decodeURIComponent(star[1]); else if (plain) name = plain[1];
  saveBlob(await response.blob(), name);
}

function saveBlob(blob, name) {
  const url = URL.createObjectURL(blob);
  const a = h("a", { href: url, download: name });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10000);
}

function fileNames(files) {
  return Array.from(files).map((f) => f.name).join("、");
}

/** Drag and drop onto a zone: `onFiles` gets the dropped files. */
function dropZone(zone, onFiles) {
  zone.addEventListener("dragover", (e) => { e.preventDefault(); zone.classList.add("dragging"); });
  zone.addEventListener("dragleave", () => zone.classList.remove("dragging"));
  zone.addEventListener("drop", (e) => {
    e.preventDefault();
    zone.classList.remove("dragging");
    if (e.dataTransfer && e.dataTransfer.files.length) onFiles(e.dataTransfer.files);
  });
}

// ===================================================================== views

function showView() {
  const hash = location.hash || "#/check";
  const [path, query] = hash.slice(1).split("?");
  const view = ["/check", "/review", "/corpus"].includes(path) ? path.slice(1) : "check";
  for (const v of ["check", "review", "corpus"]) $("view-" + v).hidden = v !== view;
  for (const a of document.querySelectorAll(".top nav a")) {
    if (a.dataset.view === view) a.setAttribute("aria-current", "page"); else a.removeAttribute("aria-current");
  }
  const params = new URLSearchParams(query || "");
  if (view === "check" && params.get("review")) openReviewedReport(params.get("review"), params.get("n"));
  if (view === "corpus") { loadCorpus(); loadWords(); }
}

// ===================================================================== check

const check = {
  source: null,      // {kind: "text", text} | {kind: "file", file} | {kind: "review", id, n, text, name}
  result: null,      // the /api/check JSON
  states: new Map(), // finding key → "accepted" | "ignored"
  current: -1,       // index into result.diagnostics
  hiddenSeverities: new Set(),
  hiddenFamilies: new Set(),
};

const keyOf = (d) => `${d.rule}:${d.start}:${d.end}`;
const isFixable = (d) => d.fix !== "none" && d.replacements.length > 0;

function checkParams(extra = {}) {
  const p = new URLSearchParams();
  const year = $("check-year").value.trim();
  const threshold = $("check-threshold").value.trim();
  if (year) p.set("year", year);
  if (threshold) p.set("typoThreshold", threshold);
  for (const [k, v] of Object.entries(extra)) if (v !== undefined && v !== "") p.set(k, v);
  return p;
}

/** The request body for the current source: pasted text as JSON, a file as itself. */
function sourceRequest(params) {
  const s = check.source;
  if (s.kind === "file") {
    params.set("name", s.file.name);
    return { body: s.file, headers: { "Content-Type": "application/octet-stream" } };
  }
  const payload = { text: s.text };
  if (s.name) payload.name = s.name;
  return { body: JSON.stringify(payload), headers: { "Content-Type": "application/json" } };
}

async function runCheck() {
  const text = $("check-text").value;
  if (!check.source || (check.source.kind !== "file" && check.source.kind !== "review")) {
    if (!text.trim()) { setStatus("check-status", "请先粘贴报告正文或选择文件。", true); return; }
    check.source = { kind: "text", text };
  }
  const params = checkParams({ include: "outline,metrics", corpus: $("check-corpus").checked ? "1" : "" });
  const request = sourceRequest(params);
  setStatus("check-status", "正在检查……");
  $("check-run").disabled = true;
  try {
    const response = await api("/api/check?" + params, { method: "POST", ...request });
    showCheckResult(await response.json());
    setStatus("check-status", "");
  } catch (e) {
    setStatus("check-status", e.message, true);
  } finally {
    $("check-run").disabled = false;
  }
}

function showCheckResult(result) {
  learnFamilies(result.diagnostics);
  // The same text checked again (after a word was taught): the writer's choices so far stay.
  const kept = check.result && check.result.text === result.text ? check.states : new Map();
  check.result = result;
  check.scalars = Array.from(result.text || "");
  check.states = new Map(result.diagnostics.map(keyOf).filter((k) => kept.has(k)).map((k) => [k, kept.get(k)]));
  check.current = -1;
  $("check-result").hidden = false;
  renderFilters();
  renderFindings();
  renderOutline();
  renderMetrics();
  renderSimilarity();
  const isWord = check.source && check.source.kind === "file" && !/\.txt$/i.test(check.source.file.name);
  for (const name of ["annotated", "tracked"]) {
    const b = document.querySelector(`[data-download="${name}"]`);
    b.disabled = !isWord;
    b.title = isWord ? "" : "需要上传 Word 文档（.docx、.doc、.wps）";
  }
}

/** How many findings the writer accepted and ignored so far. */
function choiceCounts() {
  let accepted = 0, ignored = 0;
  for (const d of check.result.diagnostics) {
    const state = check.states.get(keyOf(d));
    if (state === "accepted") accepted++; else if (state === "ignored") ignored++;
  }
  return { accepted, ignored };
}

function renderSummary() {
  const s = check.result.summary;
  const year = check.result.reportYear && check.result.reportYear.year;
  const { accepted, ignored } = choiceCounts();
  // (replaceChildren would write a null out as the text "null": the optional parts are left out instead.)
  $("check-summary").replaceChildren(...[
    h("strong", {}, check.result.file), "：",
    `共 ${s.total} 处问题（错误 ${s.errors}、警告 ${s.warnings}、提示 ${s.infos}），其中 ${s.safeFixes} 处可自动修改`,
    accepted || ignored
      ? h("span", { id: "check-choices" }, `；已接受 ${accepted} 处，已忽略 ${ignored} 处，待处理 ${s.total - accepted - ignored} 处`) : null,
    year ? `；报告年度 ${year}` : "",
    check.result.readingOrder && check.result.readingOrder.headline
      ? h("span", { class: "headline" }, check.result.readingOrder.headline) : null,
  ].filter((c) => c !== null && c !== ""));
}

/** The cards of the list, most important first (readingOrder): one per finding, one per paragraph of placeholders. */
function readingEntries() {
  const order = check.result.readingOrder;
  if (order) return order.entries;
  return check.result.diagnostics.map((d, i) => ({ indices: [i], placeholderList: false }));
}

/** The card that shows diagnostic i (a placeholder's card lists its whole paragraph). */
const cardOf = (i) => Array.from(document.querySelectorAll("#finding-list .finding"))
  .find((el) => el.dataset.indices.split(" ").includes(String(i)));

function visible(d) {
  if (check.hiddenSeverities.has(d.severity) || check.hiddenFamilies.has(d.family)) return false;
  return $("filter-ignored").checked || check.states.get(keyOf(d)) !== "ignored";
}

function renderFilters() {
  const counts = { severity: {}, family: {} };
  for (const d of check.result.diagnostics) {
    counts.severity[d.severity] = (counts.severity[d.severity] || 0) + 1;
    counts.family[d.family] = (counts.family[d.family] || 0) + 1;
  }
  const chip = (set, value, label, cls, n) => h("label", {},
    h("input", { type: "checkbox", checked: !set.has(value), onchange: (e) => {
      if (e.target.checked) set.delete(value); else set.add(value);
      renderFindings();
    } }),
    h("span", { class: "swatch " + cls }), `${label} ${n}`);
  $("filter-severity").replaceChildren(...SEVERITY_ORDER.filter((s) => counts.severity[s])
    .map((s) => chip(check.hiddenSeverities, s, SEVERITIES[s], "sev-" + s, counts.severity[s])));
  $("filter-family").replaceChildren(...Object.keys(counts.family)
    .map((f) => chip(check.hiddenFamilies, f, familyName(f), "fam-" + f, counts.family[f])));
}

/** The text with every visible finding marked; accepted fixes shown as deletion and insertion. */
function renderText() {
  const result = check.result;
  const scalars = Array.from(result.text);
  const shown = result.diagnostics.map((d, i) => ({ d, i })).filter(({ d }) => visible(d));
  const container = $("report-text");
  const scroll = container.scrollTop;
  const paragraphs = [];
  let start = 0;
  for (let p = 0; p <= scalars.length; p++) {
    if (p === scalars.length || scalars[p] === "\n") {
      paragraphs.push(renderParagraph(scalars, start, p, shown));
      start = p + 1;
    }
  }
  container.replaceChildren(...paragraphs);
  container.scrollTop = scroll;
  markCurrent();
}

function renderParagraph(scalars, from, to, shown) {
  const para = h("p", {});
  const here = shown.filter(({ d }) => d.start < to && d.end > from || (d.start === d.end && d.start >= from && d.start <= to));
  const cuts = new Set([from, to]);
  for (const { d } of here) { cuts.add(Math.max(from, Math.min(to, d.start))); cuts.add(Math.max(from, Math.min(to, d.end))); }
  const points = Array.from(cuts).sort((a, b) => a - b);
  const insertionsAt = (pos) => here.filter(({ d }) => d.start === d.end && d.start === pos);
  for (let k = 0; k < points.length; k++) {
    const a = points[k];
    for (const { d, i } of insertionsAt(a)) para.append(markFor([{ d, i }], "‸", d.replacements[0] || ""));
    if (k === points.length - 1) break;
    const b = points[k + 1];
    const text = scalars.slice(a, b).join("");
    const covering = here.filter(({ d }) => d.start < d.end && d.start <= a && d.end >= b);
    if (!covering.length) { para.append(text); continue; }
    const accepted = covering.find(({ d }) => check.states.get(keyOf(d)) === "accepted");
    para.append(markFor(covering, text, accepted && accepted.d.end === b ? accepted.d.replacements[0] : null, !!accepted));
  }
  return para;
}

/** A <mark> for the findings covering one stretch of text, coloured by the most severe of them. */
function markFor(covering, text, insertion, deleted = false) {
  const sorted = covering.slice().sort((x, y) => SEVERITY_ORDER.indexOf(x.d.severity) - SEVERITY_ORDER.indexOf(y.d.severity));
  const top = sorted[0].d;
  const ids = covering.map(({ i }) => i).join(" ");
  const title = covering.map(({ d }) => `${SEVERITIES[d.severity]}·${familyName(d.family)}：${d.message}`).join("\n");
  const mark = h("mark", { class: `fam-${top.family} sev-${top.severity}`, dataset: { ids }, title });
  if (deleted) mark.append(h("del", {}, text)); else mark.append(text);
  if (insertion !== null && insertion !== undefined && insertion !== "") mark.append(h("ins", {}, insertion));
  mark.addEventListener("click", () => select(covering[0].i, true));
  return mark;
}

function renderFindings() {
  renderSummary();
  renderText();
  const list = $("finding-list");
  const diagnostics = check.result.diagnostics;
  // Sections in the order their first card comes in the reading order; the placeholder lists last, as one section.
  const sections = new Map();
  for (const entry of readingEntries()) {
    const shown = entry.indices.filter((i) => visible(diagnostics[i]));
    if (!shown.length) continue;
    const key = entry.placeholderList ? "待填" : diagnostics[shown[0]].family;
    if (!sections.has(key)) sections.set(key, { cards: [], count: 0 });
    const section = sections.get(key);
    section.cards.push(entry.placeholderList ? placeholderItem(entry, shown) : findingItem(shown[0]));
    section.count += shown.length;
  }
  const groups = [];
  for (const [key, section] of sections) {
    const title = key === "待填"
      ? `待填清单（${section.count} 处，${section.cards.length} 段）`
      : `${familyName(key)}（${section.count}）`;
    groups.push(h("h3", { class: "group-title" }, title), ...section.cards);
  }
  if (!groups.length) {
    groups.push(h("p", { class: "muted" }, diagnostics.length ? "筛选后没有问题。" : "没有发现问题。"));
  }
  list.replaceChildren(...groups);
  markCurrent();
}

function findingItem(i) {
  const d = check.result.diagnostics[i];
  const state = check.states.get(keyOf(d));
  const item = h("div", {
    class: `finding sev-${d.severity} ${state || ""}`, tabindex: "0", role: "button",
    dataset: { index: String(i), indices: String(i), rule: d.rule, start: String(d.start), end: String(d.end) },
    "aria-label": `${SEVERITIES[d.severity]}，${familyName(d.family)}：${d.message}`,
    onclick: (e) => { if (!e.target.closest("button")) select(i, false); },
    onkeydown: (e) => { if (e.key === "Enter" && e.target === item) select(i, false); },
  },
  h("div", { class: "rule", title: d.rule }, h("span", { class: "badge" }, SEVERITIES[d.severity]), " ", familyName(d.family),
    d.confidence !== undefined ? `　置信度 ${Math.round(d.confidence * 100)}%` : "", `　第 ${d.line} 行`),
  ...excerptLines(d),
  h("div", { class: "message" }, d.message),
  h("div", { class: "actions" },
    isFixable(d) ? h("button", { type: "button", onclick: () => accept(i) }, state === "accepted" ? "撤销修改" : (d.fix === "safe" ? "接受修改" : "接受修改（需确认）")) : null,
    h("button", { type: "button", onclick: () => ignore(i) }, state === "ignored" ? "恢复提示" : "不再提示"),
    teachable(d) ? h("button", { type: "button", class: "teach", onclick: () => teachWord(d) }, "加入本单位词库") : null,
  ));
  return item;
}

/** One card for a paragraph's unfilled placeholders: how many, each with its neighbours; ignoring it ignores all. */
function placeholderItem(entry, shown) {
  const diagnostics = check.result.diagnostics;
  const first = diagnostics[shown[0]];
  const ignored = shown.every((i) => check.states.get(keyOf(diagnostics[i])) === "ignored");
  const item = h("div", {
    class: `finding sev-${first.severity} ${ignored ? "ignored" : ""}`, tabindex: "0", role: "button",
    dataset: { index: String(shown[0]), indices: shown.join(" "), rule: first.rule, start: String(first.start),
               end: String(diagnostics[shown[shown.length - 1]].end) },
    "aria-label": `待填清单，第 ${first.line} 行：${entry.message || ""}`,
    onclick: (e) => { if (!e.target.closest("button")) select(shown[0], false); },
    onkeydown: (e) => { if (e.key === "Enter" && e.target === item) select(shown[0], false); },
  },
  h("div", { class: "rule" }, h("span", { class: "badge" }, SEVERITIES[first.severity]), ` 待填清单　第 ${first.line} 行　${shown.length} 处`),
  h("div", { class: "message" }, entry.message || first.message),
  h("div", { class: "actions" },
    h("button", { type: "button", onclick: () => ignoreAll(shown, !ignored) }, ignored ? "恢复" : "全部忽略")));
  return item;
}

function ignoreAll(indices, ignore) {
  for (const i of indices) {
    const key = keyOf(check.result.diagnostics[i]);
    if (ignore) check.states.set(key, "ignored"); else check.states.delete(key);
  }
  check.current = indices[0];
  renderFindings();
}

/**
 * The flagged text with a few characters either side in its line, and below it the same stretch as it would read
 * with the first replacement: a one-character change (布 → 部) is read as the whole phrase, 营商环境的布署 and
 * 营商环境的部署, not as two characters that look alike in the font.
 */
function excerptLines(d) {
  const scalars = check.scalars || Array.from(check.result.text || "");
  const reach = 6;
  let a = d.start, b = d.end;
  while (a > 0 && d.start - a < reach && scalars[a - 1] !== "\n") a--;
  while (b < scalars.length && b - d.end < reach && scalars[b] !== "\n") b++;
  const before = (a > 0 && scalars[a - 1] !== "\n" ? "…" : "") + scalars.slice(a, d.start).join("");
  const after = scalars.slice(d.end, b).join("") + (b < scalars.length && scalars[b] !== "\n" ? "…" : "");
  const lines = [h("div", { class: "excerpt" }, before, h("strong", {}, d.start === d.end ? "‸" : excerpt(d.text)), after)];
  if (d.replacements.length) {
    const replacement = d.replacements[0];
    lines.push(h("div", { class: "excerpt corrected" }, replacement === "" ? "删除后：" : "改为：",
      before, replacement === "" ? "" : h("strong", {}, replacement), after));
  }
  return lines;
}

/** A finding about wording (a typo, a formula, an outdated or repeated phrase) may be the organisation's own word. */
const teachable = (d) => ["typo", "formula", "outdated", "repeat"].includes(d.family) && Array.from(d.word || d.text).length >= 2;

/** Adds the finding's whole word to the organisation's word list, then checks again: it is never flagged again. */
async function teachWord(d) {
  const word = d.word || d.text;
  try {
    await api("/api/words", { method: "POST", headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ word, note: "网页加入" }) });
    await runCheck();
    setStatus("check-status", `已加入本单位词库：${word}。此后所有检查都不再提示。`);
  } catch (e) {
    setStatus("check-status", e.message, true);
  }
}

function excerpt(text) {
  const chars = Array.from(text.replace(/\n/g, "⏎"));
  return chars.length > 40 ? chars.slice(0, 40).join("") + "…" : (chars.length ? chars.join("") : "（此处）");
}

function select(i, fromText) {
  check.current = i;
  markCurrent();
  const marks = document.querySelectorAll(`#report-text mark`);
  const mark = Array.from(marks).find((m) => m.dataset.ids.split(" ").includes(String(i)));
  if (mark && !fromText) mark.scrollIntoView({ block: "center", behavior: "smooth" });
  const item = cardOf(i);
  if (item) {
    item.scrollIntoView({ block: "nearest" });
    if (fromText) item.focus({ preventScroll: true });
  }
}

function markCurrent() {
  for (const el of document.querySelectorAll(".current")) el.classList.remove("current");
  if (check.current < 0) return;
  for (const m of document.querySelectorAll("#report-text mark")) {
    if (m.dataset.ids.split(" ").includes(String(check.current))) m.classList.add("current");
  }
  const item = cardOf(check.current);
  if (item) item.classList.add("current");
}

function setState(i, state) {
  const key = keyOf(check.result.diagnostics[i]);
  if (check.states.get(key) === state) check.states.delete(key); else check.states.set(key, state);
  check.current = i;
  renderFindings();
  const item = cardOf(i);
  if (item) item.focus({ preventScroll: true });
}

function accept(i) { if (isFixable(check.result.diagnostics[i])) setState(i, "accepted"); }
function ignore(i) { setState(i, "ignored"); }

/** J/K move through the visible findings in text order; A accepts, I ignores the current one. */
function moveCurrent(step) {
  const order = check.result.diagnostics.map((d, i) => i).filter((i) => visible(check.result.diagnostics[i]));
  if (!order.length) return;
  const at = order.indexOf(check.current);
  const next = at < 0 ? (step > 0 ? 0 : order.length - 1) : Math.min(order.length - 1, Math.max(0, at + step));
  select(order[next], false);
  const item = cardOf(order[next]);
  if (item) item.focus({ preventScroll: true });
}

document.addEventListener("keydown", (e) => {
  if ((e.ctrlKey || e.metaKey) && e.key === "Enter" && !$("view-check").hidden) { e.preventDefault(); runCheck(); return; }
  if (e.ctrlKey || e.metaKey || e.altKey || !check.result || $("view-check").hidden) return;
  if (e.target.matches("input, textarea, select")) return;
  const key = e.key.toLowerCase();
  if (key === "j") { moveCurrent(1); e.preventDefault(); }
  else if (key === "k") { moveCurrent(-1); e.preventDefault(); }
  else if (key === "a" && check.current >= 0) { accept(check.current); e.preventDefault(); }
  else if (key === "i" && check.current >= 0) { ignore(check.current); e.preventDefault(); }
});

/** ignore=…&accept=… for the fix and annotate endpoints. */
function choiceParams(params) {
  const ignored = [], accepted = [];
  for (const [key, state] of check.states) (state === "ignored" ? ignored : accepted).push(key);
  if (ignored.length) params.set("ignore", ignored.join(","));
  if (accepted.length) params.set("accept", accepted.join(","));
  return params;
}

async function download(kind) {
  if (!check.result) return;
  const stem = check.result.file.replace(/\.[^.]*$/, "");
  if (kind === "json") {
    // The check as the server gave it, with the writer's choices so far: each finding accepted or ignored says so.
    const { text, outline, metrics, ...report } = check.result;
    const diagnostics = report.diagnostics.map((d) => {
      const state = check.states.get(keyOf(d));
      return state ? { ...d, state } : d;
    });
    const choices = choiceCounts();
    const json = { ...report, diagnostics, choices: { ...choices, open: report.summary.total - choices.accepted - choices.ignored } };
    saveBlob(new Blob([JSON.stringify(json, null, 2)], { type: "application/json" }), stem + ".json");
    return;
  }
  const endpoints = {
    text: ["/api/fix", { output: "text" }], tracked: ["/api/fix", { output: "tracked" }],
    annotated: ["/api/annotate", {}], format: ["/api/format", {}],
  };
  const [path, extra] = endpoints[kind];
  const params = choiceParams(checkParams(extra));
  const request = sourceRequest(params);
  setStatus("check-status", "正在生成文件……");
  try {
    await saveResponse(await api(path + "?" + params, { method: "POST", ...request }), stem + ".out");
    setStatus("check-status", "已下载。");
  } catch (e) {
    setStatus("check-status", e.message, true);
  }
}

// ---- tabs

function selectTab(tab) {
  for (const t of document.querySelectorAll(".tabs [role=tab]")) {
    const on = t === tab;
    t.setAttribute("aria-selected", String(on));
    t.tabIndex = on ? 0 : -1;
    $(t.getAttribute("aria-controls")).hidden = !on;
  }
  tab.focus();
}

const CORE_PARTS = ["述学", "述职", "述廉", "述法"];

function renderOutline() {
  const o = check.result.outline;
  const pane = $("pane-outline");
  if (!o) { pane.replaceChildren(h("p", { class: "muted" }, "没有提纲。")); return; }
  const s = o.structure;
  const missing = s.owed.filter((p) => !s.present.includes(p));
  const section = (n) => h("li", {},
    h("strong", {}, n.marker), " ", n.title || "", n.runIn ? h("span", { class: "muted" }, "（段中标题）") : "",
    h("span", { class: "muted" }, `　第 ${n.line} 行`),
    n.series.length ? h("ul", {}, n.series.map((x) => h("li", {}, h("strong", {}, x.marker), " ", x.text))) : "",
    n.children.length ? h("ul", {}, n.children.map(section)) : "");
  pane.replaceChildren(
    h("p", {}, "标题：", o.title ? o.title.text : "（未识别）"),
    h("p", {}, "报告年度：", o.reportYear && o.reportYear.year ? `${o.reportYear.year}（${o.reportYear.reason}）` : "未知"),
    h("p", {}, "应有部分：", s.reason,
      "；实际包含：", ...s.present.map((p) => h("span", { class: "part-tag" }, p)),
      ...missing.map((p) => h("span", { class: "part-tag part-missing" }, "缺" + p))),
    h("p", {}, "四个部分：", ...CORE_PARTS.map((p) => h("span", { class: "part-tag" + (s.present.includes(p) ? "" : (s.owed.includes(p) ? " part-missing" : " part-absent")) },
      (s.present.includes(p) ? "✓" : (s.owed.includes(p) ? "✗" : "–")) + p))),
    h("h3", {}, "各部分"),
    h("ul", {}, s.units.map((u) => h("li", {}, u.heading, ...u.parts.map((p) => h("span", { class: "part-tag" }, p)),
      h("span", { class: "muted" }, `　${u.evidence}`)))),
    h("h3", {}, "提纲"),
    h("div", { class: "outline-tree" }, h("ul", {}, o.sections.map(section))),
  );
}

function renderMetrics() {
  const m = check.result.metrics;
  const pane = $("pane-metrics");
  if (!m) { pane.replaceChildren(); return; }
  const rows = m.results.map((r) => h("tr", {},
    h("td", {}, r.indicator), h("td", { class: "num" }, r.missing ? "（缺数值）" : r.valueText), h("td", {}, r.unit || ""),
    h("td", {}, r.change || ""), h("td", {}, r.period || ""),
    h("td", {}, r.section || ""), h("td", { class: "num" }, r.line)));
  pane.replaceChildren(
    h("p", {}, `实质内容：${m.substance.factual} / ${m.substance.sentences} 句含具体事实或数据（${percent(m.substance.score)}）`),
    h("h3", {}, `写明的成绩（${m.results.length} 项）`),
    m.results.length ? h("div", { class: "table-wrap" }, h("table", {},
      h("thead", {}, h("tr", {}, ["指标", "数值", "单位", "变化", "时段", "所在部分", "行"].map((t) => h("th", {}, t)))),
      h("tbody", {}, rows))) : h("p", { class: "muted" }, "没有找到带数值的成绩。"),
    h("h3", {}, "最空泛的段落"),
    h("ul", {}, m.substance.mostFormulaic.map((p) => h("li", {}, h("span", { class: "muted" }, `第 ${p.line} 行：`), p.text))),
  );
}

function renderSimilarity() {
  const pane = $("pane-similarity");
  const sim = check.result.similarity;
  if (!sim) {
    pane.replaceChildren(h("p", {}, "这次检查没有对照语料库。"),
      h("button", { type: "button", onclick: () => { $("check-corpus").checked = true; runCheck(); } }, "对照语料库重新检查"));
    return;
  }
  const passages = check.result.diagnostics.filter((d) => d.family === "similarity");
  const bySource = new Map();
  for (const d of passages) {
    // The source as the store lists it (its JSON names it id and title); a title that carries its own 《》 keeps them.
    const title = !d.source ? "（未知来源）"
      : `${/《/.test(d.source.title) ? d.source.title : `《${d.source.title}》`}（语料库第 ${d.source.id} 号）`;
    if (!bySource.has(title)) bySource.set(title, []);
    bySource.get(title).push(d);
  }
  pane.replaceChildren(
    h("p", {}, `对照语料库 ${sim.storeDocuments} 份文档：总复制比 ${percent(sim.copiedShare)}，去除本人报告 ${percent(sim.copiedShareExcludingOwn)}，`
      + `公文通用表述 ${percent(sim.sharedWordingShare)}` + (sim.largestSource ? `；单篇最大 ${percent(sim.largestSource.share)}《${sim.largestSource.title}》` : "")),
    ...Array.from(bySource).map(([title, ds]) => h("section", {}, h("h3", {}, title),
      h("ul", {}, ds.map((d) => h("li", {}, h("span", { class: "muted" }, `第 ${d.line} 行：`), excerpt(d.text), "　", d.message))))),
    passages.length ? "" : h("p", { class: "muted" }, "没有发现与语料库相同的段落。"),
  );
}

async function openReviewedReport(id, n) {
  setStatus("check-status", "正在打开审阅中的报告……");
  try {
    const result = await (await api(`/api/review/${encodeURIComponent(id)}/reports/${encodeURIComponent(n)}`)).json();
    check.source = { kind: "review", id, n, text: result.text, name: result.file };
    $("check-text").value = "";
    $("check-file-name").textContent = `来自批量审阅：${result.file}`;
    showCheckResult(result);
    setStatus("check-status", "");
  } catch (e) {
    setStatus("check-status", e.message, true);
  }
}

function chooseCheckFile(files) {
  if (!files.length) return;
  check.source = { kind: "file", file: files[0] };
  $("check-file-name").textContent = files[0].name;
  runCheck();
}

// ===================================================================== review

const review = { id: null, events: null };

async function startReview(files) {
  if (!files.length) { setStatus("review-status", "请先选择报告文件或 zip 压缩包。", true); return; }
  const form = new FormData();
  for (const f of files) form.append("files", f, f.name);
  if ($("review-corpus").checked) form.append("corpus", "1");
  setStatus("review-status", `正在上传 ${files.length} 个文件……`);
  $("review-result").hidden = true;
  $("review-run").disabled = true;
  try {
    const started = await (await api("/api/review", { method: "POST", body: form })).json();
    review.id = started.id;
    followReview(started.id);
  } catch (e) {
    setStatus("review-status", e.message, true);
    $("review-run").disabled = false;
  }
}

function followReview(id) {
  $("review-progress").hidden = false;
  setStatus("review-status", "");
  const events = new EventSource(`/api/review/${id}/events`);
  review.events = events;
  const finish = () => { events.close(); $("review-progress").hidden = true; $("review-run").disabled = false; };
  events.addEventListener("progress", (e) => {
    const p = JSON.parse(e.data);
    $("review-bar").max = Math.max(p.total, 1);
    $("review-bar").value = p.done;
    $("review-phase").textContent = `${p.phase}：${p.done} / ${p.total}`;
  });
  events.addEventListener("done", async () => {
    finish();
    try { showReview(id, (await (await api(`/api/review/${id}`)).json()).review); }
    catch (e) { setStatus("review-status", e.message, true); }
  });
  events.addEventListener("failed", (e) => { finish(); setStatus("review-status", JSON.parse(e.data).error.error.message, true); });
  events.addEventListener("cancelled", () => { finish(); setStatus("review-status", "已取消。"); });
  events.onerror = () => { if (events.readyState === EventSource.CLOSED) finish(); };
}

async function cancelReview() {
  if (!review.id) return;
  try { await api(`/api/review/${review.id}`, { method: "DELETE" }); } catch (e) { setStatus("review-status", e.message, true); }
}

function showReview(id, data) {
  $("review-result").hidden = false;
  const reports = data.reports;
  $("review-summary").textContent = `${reports.length} 份报告，${data.clusters.length} 组相互雷同`
    + (data.failures.length ? `；${data.failures.length} 个文件无法读取` : "");
  $("review-csv").href = `/api/review/${id}?format=csv`;
  $("review-html").href = `/api/review/${id}?format=html`;
  $("review-sheets").href = `/api/review/${id}?format=sheets`;
  $("review-pdf").href = `/api/review/${id}?format=pdf`;
  const partner = (i) => {
    let best = -1, value = 0;
    data.matrix[i].forEach((v, j) => { if (j !== i && v > value) { value = v; best = j; } });
    return best < 0 ? "" : `${best + 1}（${percent(value)}）`;
  };
  const head = ["#", "文件", "标题", "字数", "年度", "错误", "警告", "提示", "缺少部分", "成绩数", "实质内容", "批内复制比", "最接近", "组", ""];
  if (reports.some((r) => r.corpus)) head.splice(12, 0, "语料库复制比");
  const rows = reports.map((r, i) => {
    const cells = [
      h("td", { class: "num" }, r.number), h("td", {}, r.file), h("td", {}, r.title), h("td", { class: "num" }, r.characters),
      h("td", {}, r.year || ""), h("td", { class: "num" }, r.findings.errors), h("td", { class: "num" }, r.findings.warnings),
      h("td", { class: "num" }, r.findings.infos), h("td", {}, r.structure.missing.join("、")), h("td", { class: "num" }, r.results),
      h("td", { class: "num" }, percent(r.substance)), h("td", { class: "num" }, percent(r.batchCopiedShare)), h("td", {}, partner(i)),
      h("td", {}, r.cluster || ""),
      h("td", {}, h("a", { href: `#/check?review=${id}&n=${r.number}` }, "打开")),
    ];
    if (reports.some((x) => x.corpus)) cells.splice(12, 0, h("td", { class: "num" }, r.corpus ? percent(r.corpus.copiedShare) : ""));
    return h("tr", {}, cells);
  });
  const failures = data.failures.map((f) => h("tr", {}, h("td", {}, "—"), h("td", {}, f.file), h("td", { colspan: String(head.length - 2) }, "无法读取：" + f.message)));
  $("review-table").replaceChildren(h("thead", {}, h("tr", {}, head.map((t) => h("th", { scope: "col" }, t)))), h("tbody", {}, rows, failures));
  $("review-clusters").replaceChildren(...data.clusters.map((c, k) => h("span", { class: "cluster" }, `第 ${k + 1} 组：` + c.join("、"))));
  // Clustered reports first, so each group is a dark block on the diagonal.
  const order = [...data.clusters.flat().map((n) => n - 1)];
  reports.forEach((_, i) => { if (!order.includes(i)) order.push(i); });
  const matrix = $("review-matrix");
  const header = h("tr", {}, h("th", {}, ""), order.map((j) => h("th", { scope: "col", title: reports[j].file }, String(j + 1))));
  const body = order.map((i) => h("tr", {}, h("th", { scope: "row", title: reports[i].file }, `${i + 1} ${reports[i].title.slice(0, 12)}`),
    order.map((j) => {
      if (i === j) return h("td", { class: "self" }, "");
      const v = data.matrix[i][j];
      const cell = h("td", { title: `${i + 1} 抄自 ${j + 1}：${percent(v)}` }, v >= 0.005 ? Math.round(v * 100) + "%" : "");
      cell.style.backgroundColor = `rgba(179, 38, 30, ${Math.min(1, v * 1.6).toFixed(2)})`;
      if (v > 0.45) cell.style.color = "#fff";
      return cell;
    })));
  matrix.replaceChildren(h("thead", {}, header), h("tbody", {}, body));
}

// ===================================================================== corpus

async function loadCorpus() {
  try {
    const stats = await (await api("/api/corpus/stats")).json();
    $("corpus-stats").textContent = `语料库（${stats.store}）：${stats.documents} 份文档，${stats.characters} 字（报告 ${stats.byKind.report}，模板 ${stats.byKind.template}，其他 ${stats.byKind.other}）`;
    const q = $("corpus-filter").value.trim();
    const list = await (await api("/api/corpus?q=" + encodeURIComponent(q))).json();
    const kinds = { report: "报告", template: "模板", other: "其他" };
    $("corpus-table").replaceChildren(
      h("thead", {}, h("tr", {}, ["#", "标题", "作者或单位", "年度", "类别", "字数", "加入时间", ""].map((t) => h("th", { scope: "col" }, t)))),
      h("tbody", {}, list.documents.map((d) => h("tr", {},
        h("td", { class: "num" }, d.id), h("td", {}, d.title), h("td", {}, d.author || ""), h("td", {}, d.year || ""),
        h("td", {}, kinds[d.kind] || d.kind), h("td", { class: "num" }, d.characters), h("td", {}, d.addedAt.replace("T", " ").replace("Z", "")),
        h("td", {}, h("button", { type: "button", onclick: () => viewDocument(d.id) }, "查看"), " ",
          h("button", { type: "button", onclick: () => removeDocument(d) }, "删除"))))));
  } catch (e) {
    setStatus("corpus-status", e.message, true);
  }
}

// ---- the organisation's word list

async function loadWords() {
  try {
    const list = await (await api("/api/words")).json();
    $("words-table").replaceChildren(
      h("thead", {}, h("tr", {}, ["词", "来源", "备注", "加入时间", ""].map((t) => h("th", { scope: "col" }, t)))),
      h("tbody", {}, list.words.map((w) => h("tr", {},
        h("td", {}, w.word), h("td", {}, w.source === "store" ? "本单位词库" : w.source), h("td", {}, w.note),
        h("td", {}, w.addedAt ? w.addedAt.replace("T", " ").replace("Z", "") : ""),
        h("td", {}, w.source === "store" ? h("button", { type: "button", onclick: () => removeWord(w.word) }, "删除") : "")))));
  } catch (e) { setStatus("words-status", e.message, true); }
}

async function addWord(word, note) {
  try {
    const r = await (await api("/api/words", { method: "POST", headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ word, note }) })).json();
    setStatus("words-status", r.added ? `已加入：${r.word}` : `已在词库中：${r.word}`);
    loadWords();
  } catch (e) { setStatus("words-status", e.message, true); }
}

async function removeWord(word) {
  try {
    await api("/api/words/" + encodeURIComponent(word), { method: "DELETE" });
    setStatus("words-status", `已删除：${word}`);
    loadWords();
  } catch (e) { setStatus("words-status", e.message, true); }
}

async function suggestWords() {
  setStatus("words-status", "正在从语料库的报告中找词……");
  try {
    const { suggestions } = await (await api("/api/words/suggestions")).json();
    setStatus("words-status", suggestions.length ? `${suggestions.length} 个词在多份报告中写法相同却被当作问题：确实无误的可加入词库。` : "没有建议。");
    $("words-suggestions").replaceChildren(h("ul", {}, suggestions.map((s) => h("li", {},
      h("strong", {}, s.word), `　${s.documents} 份报告　`,
      h("button", { type: "button", onclick: () => addWord(s.word, "语料库建议") }, "加入")))));
  } catch (e) { setStatus("words-status", e.message, true); }
}

async function viewDocument(id) {
  try {
    const d = await (await api(`/api/corpus/${id}`)).json();
    $("corpus-view").hidden = false;
    $("corpus-view-title").textContent = `#${d.id} ${d.title}`;
    $("corpus-view-text").textContent = d.text;
    $("corpus-view").scrollIntoView({ block: "start" });
  } catch (e) { setStatus("corpus-status", e.message, true); }
}

async function removeDocument(d) {
  if (!confirm(`从语料库删除 #${d.id}《${d.title}》？`)) return;
  try {
    await api(`/api/corpus/${d.id}`, { method: "DELETE" });
    setStatus("corpus-status", `已删除 #${d.id}。`);
    loadCorpus();
  } catch (e) { setStatus("corpus-status", e.message, true); }
}

async function addToCorpus() {
  const files = $("corpus-files").files;
  if (!files.length) { setStatus("corpus-status", "请先选择文件。", true); return; }
  const form = new FormData();
  for (const f of files) form.append("files", f, f.name);
  for (const [field, id] of [["kind", "corpus-kind"], ["author", "corpus-author"], ["year", "corpus-year"], ["tags", "corpus-tags"]]) {
    form.append(field, $(id).value.trim());
  }
  setStatus("corpus-status", "正在加入……");
  try {
    const result = await (await api("/api/corpus", { method: "POST", body: form })).json();
    const added = result.results.filter((r) => r.outcome === "added").length;
    const duplicate = result.results.filter((r) => r.outcome === "duplicate").length;
    const failed = result.results.filter((r) => r.error);
    setStatus("corpus-status", `已加入 ${added} 份，${duplicate} 份已存在` + (failed.length ? `；${failed.length} 份无法读取：` + failed.map((r) => r.error.error.message).join("；") : ""), failed.length > 0);
    $("corpus-files").value = "";
    $("corpus-file-names").textContent = "";
    loadCorpus();
  } catch (e) { setStatus("corpus-status", e.message, true); }
}

async function searchCorpus() {
  const text = $("corpus-passage").value;
  if (!text.trim()) return;
  const out = $("corpus-search-result");
  try {
    const result = await (await api("/api/corpus/search", { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify({ text }) })).json();
    out.replaceChildren(
      h("p", {}, `复制比 ${percent(result.summary.copiedShare)}，涉及 ${result.sources.length} 份文档`),
      h("ul", {}, result.sources.map((s) => h("li", {}, `#${s.id}《${s.title}》${s.author ? "（" + s.author + "）" : ""}：${percent(s.copiedShare)}`,
        h("ul", {}, s.passages.map((p) => h("li", { class: "muted" }, excerpt(p.text))))))));
  } catch (e) { out.replaceChildren(h("p", { class: "status error" }, e.message)); }
}

// ===================================================================== wiring

document.addEventListener("DOMContentLoaded", () => {
  window.addEventListener("hashchange", showView);
  showView();

  $("check-form").addEventListener("submit", (e) => { e.preventDefault(); runCheck(); });
  $("check-text").addEventListener("input", () => {
    if (check.source && check.source.kind !== "text") { check.source = null; $("check-file-name").textContent = ""; $("check-file").value = ""; }
  });
  $("check-file").addEventListener("change", (e) => chooseCheckFile(e.target.files));
  dropZone($("check-drop"), chooseCheckFile);
  $("filter-ignored").addEventListener("change", renderFindings);
  $("words-add").addEventListener("submit", (e) => {
    e.preventDefault();
    const word = $("words-word").value.trim();
    if (word) { addWord(word, $("words-note").value.trim()); $("words-word").value = ""; }
  });
  $("words-suggest").addEventListener("click", suggestWords);
  for (const b of document.querySelectorAll("[data-download]")) b.addEventListener("click", () => download(b.dataset.download));
  const tabs = Array.from(document.querySelectorAll(".tabs [role=tab]"));
  tabs.forEach((t, k) => {
    t.addEventListener("click", () => selectTab(t));
    t.addEventListener("keydown", (e) => {
      if (e.key === "ArrowRight") selectTab(tabs[(k + 1) % tabs.length]);
      if (e.key === "ArrowLeft") selectTab(tabs[(k + tabs.length - 1) % tabs.length]);
    });
  });

  let reviewFiles = [];
  const chooseReviewFiles = (files) => { reviewFiles = Array.from(files); $("review-file-names").textContent = fileNames(files); };
  $("review-files").addEventListener("change", (e) => chooseReviewFiles(e.target.files));
  dropZone($("review-drop"), chooseReviewFiles);
  $("review-form").addEventListener("submit", (e) => { e.preventDefault(); startReview(reviewFiles); });
  $("review-cancel").addEventListener("click", cancelReview);

  $("corpus-files").addEventListener("change", (e) => { $("corpus-file-names").textContent = fileNames(e.target.files); });
  $("corpus-add").addEventListener("submit", (e) => { e.preventDefault(); addToCorpus(); });
  $("corpus-search-form").addEventListener("submit", (e) => { e.preventDefault(); searchCorpus(); });
  let filterTimer = null;
  $("corpus-filter").addEventListener("input", () => { clearTimeout(filterTimer); filterTimer = setTimeout(loadCorpus, 250); });
});
