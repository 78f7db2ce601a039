"""`--format html`: one self-contained report file for the people who write and approve the content.

The page is rendered with jinja2 (autoescaping on) from `templates/report.html.j2`; the stylesheet
and script are read from `templates/report.css` and `templates/report.js` and inlined, and a
Content-Security-Policy allows nothing else (no network, no other script: the inline script is
allowed by its hash, so even a payload that slipped through escaping would not run).

Each document is shown with its original text and every finding highlighted in place. The text is
cut at the findings' start/end offsets (for archive records, per field: offsets are into the
field's value) and every piece goes through `markupsafe.escape`, so nothing from the checked text
reaches the page unescaped.

Large audits: at most `options.html_max_documents` documents are rendered in full (those with
findings first, in input order). The other documents with findings are listed in a compact table
built in the browser from JSON embedded in a `<script type="application/json">` element (with `<`,
`>` and `&` written as `\\u003c`..., so the data can never close the element); the page says that the
JSON report has the full data.
"""

from __future__ import annotations

import base64
import hashlib
import json
from collections import Counter, defaultdict
from functools import lru_cache
from pathlib import Path

from jinja2 import Environment, FileSystemLoader
from markupsafe import Markup, escape

from ..vocabulary import SEVERITIES, SEVERITY_RANK
from ._common import (
    SEVERITY_ICON,
    category_label,
    doc_label,
    header_notes,
    not_selling_line,
    obfuscation_text,
    rule_docs_url,
    severity_label,
    split_source,
    where,
)
from .base import Reporter

TEMPLATES = Path(__file__).with_name("templates")
_META_KEYS = ("sponsored", "product", "platform", "account", "type")
PAGE_SIZE = 50  # documents per page in the browser (the script reads it from the page)
NOSCRIPT_CSS = ".doc.pg-hide{display:block}"


@lru_cache(maxsize=1)
def _environment() -> Environment:
    env = Environment(
        loader=FileSystemLoader(str(TEMPLATES)),
        autoescape=True,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters["num"] = lambda n: f"{n:,}" if isinstance(n, int) else ("" if n is None else n)
    return env


@lru_cache(maxsize=1)
def _assets() -> tuple[str, str]:
    css = (TEMPLATES / "report.css").read_text(encoding="utf-8")
    js = (TEMPLATES / "report.js").read_text(encoding="utf-8")
    # both are inlined: they must not be able to close their own element
    assert "</style" not in css.lower() and "</script" not in js.lower()
    return css, js


def _csp_hash(text: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode("ascii") + "'"


def json_for_script(data) -> Markup:
    """JSON that is safe inside `<script type="application/json">`: no `<`, `>` or `&` at all."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    text = (
        text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
        .replace("\u2028", "\\u2028").replace("\u2029", "\\u2029")
    )
    return Markup(text)


def _sev(value) -> str:
    return value if value in SEVERITY_RANK else "info"


def _valid_span(value: str, f: dict) -> bool:
    start, end = f.get("start"), f.get("end")
    if not isinstance(start, int) or not isinstance(end, int) or not 0 <= start <= end <= len(value):
        return False
    text = f.get("text")
    return text is None or value[start:end] == text


def highlight(value: str, spans: list[tuple[int, int, int, str, str]], n: int, counter: list[int],
              first_mark: dict[int, str]) -> Markup:
    """`value` as HTML with a `<mark>` over every span; every piece of text is escaped.

    `spans` are `(finding index, start, end, severity, message)`. Overlapping findings are cut at
    every boundary: each piece is one `<mark>` naming all findings that cover it (`data-f`), coloured
    by the most severe. A finding with no extent (`start == end`: something missing) is an empty
    marker at its place. `first_mark` receives the id of each finding's first mark.
    """
    if not spans:
        return escape(value)
    bounds = {0, len(value)}
    points: dict[int, list[tuple[int, str, str]]] = defaultdict(list)
    starting: dict[int, list[tuple[int, int, str]]] = defaultdict(list)
    for i, start, end, sev, message in spans:
        if start == end:
            points[start].append((i, sev, message))
        else:
            starting[start].append((i, end, sev))
            bounds.add(start)
            bounds.add(end)
    bounds.update(points)
    ordered = sorted(bounds)
    active: dict[int, tuple[int, str]] = {}
    out: list[str] = []

    def mark_id(ids) -> str:
        k = counter[0]
        counter[0] += 1
        mid = f"m-{n}-{k}"
        for i in ids:
            first_mark.setdefault(i, mid)
        return mid

    for pos, nxt in zip(ordered, ordered[1:] + [None], strict=True):
        for i in [i for i, (end, _) in active.items() if end <= pos]:
            del active[i]
        for i, sev, message in points.get(pos, ()):
            mid = mark_id((i,))
            out.append(
                f'<mark id="{mid}" class="hl pt sev-{sev}" data-f="{i}" tabindex="0" '
                f'aria-describedby="f-{n}-{i}" aria-label="{escape("Missing here: " + message)}"></mark>'
            )
        for i, end, sev in starting.get(pos, ()):
            active[i] = (end, sev)
        if nxt is None or nxt <= pos:
            continue
        piece = escape(value[pos:nxt])
        if not active:
            out.append(piece)
            continue
        ids = sorted(active)
        top = max((sev for _, sev in active.values()), key=SEVERITY_RANK.__getitem__)
        mid = mark_id(ids)
        data_f = " ".join(map(str, ids))
        described = " ".join(f"f-{n}-{i}" for i in ids)
        out.append(
            f'<mark id="{mid}" class="hl sev-{top}" data-f="{data_f}" tabindex="0" '
            f'aria-describedby="{described}">{piece}</mark>'
        )
    return Markup("".join(out))


def prepare_document(doc: dict, n: int, docs_url: str) -> dict:
    """The view of one document that the template renders (text blocks with marks, findings list)."""
    findings = list(doc.get("findings") or ())
    fields = doc.get("fields")
    blocks: list[tuple[str | None, str]] = []
    if isinstance(fields, dict) and fields:
        blocks = [(str(k), "" if v is None else str(v)) for k, v in fields.items()]
    elif doc.get("text") is not None:
        blocks = [(None, str(doc["text"]))]
    spans: list[list] = [[] for _ in blocks]
    placed: set[int] = set()
    for i, f in enumerate(findings):
        candidates = range(len(blocks))
        if f.get("field") is not None and any(name == f["field"] for name, _ in blocks):
            candidates = [b for b, (name, _) in enumerate(blocks) if name == f["field"]]
        for b in candidates:
            if _valid_span(blocks[b][1], f):
                spans[b].append((i, f["start"], f["end"], _sev(f.get("severity")), f.get("message") or ""))
                placed.add(i)
                break
    counter = [0]
    first_mark: dict[int, str] = {}
    block_views = [
        {"name": name, "html": highlight(value, spans[b], n, counter, first_mark), "empty": not value}
        for b, (name, value) in enumerate(blocks)
    ]
    views = []
    counts: Counter = Counter()
    for i, f in enumerate(findings):
        sev = _sev(f.get("severity"))
        counts[sev] += 1
        pre, url, post = split_source(f.get("source"))
        rule = str(f.get("rule") or "")
        views.append({
            "i": i,
            "severity": sev,
            "icon": SEVERITY_ICON[sev],
            "sev_label": severity_label(sev),
            "category": str(f.get("category") or ""),
            "cat_label": category_label(str(f.get("category") or "")),
            "rule": rule,
            "markets": [str(m) for m in f.get("markets") or ()],
            "message": f.get("message") or rule,
            "rationale": f.get("rationale"),
            "suggestion": f.get("suggestion"),
            "fix": f.get("fix"),
            "fix_safe": bool(f.get("fix_safe")),
            "obfuscated": obfuscation_text(f),
            "source_pre": pre,
            "source_url": url,
            "source_post": post,
            "docs_url": rule_docs_url(docs_url, rule),
            "where": where(f),
            "text": f.get("text"),
            "missing": f.get("start") is not None and f.get("start") == f.get("end"),
            "mark": first_mark.get(i),
            "placed": i in placed,
            "related": [str(r) for r in f.get("related") or ()],
            "signals": [str(s) for s in f.get("signals") or ()],
        })
    meta = doc.get("meta") or {}
    meta_items = []
    for key in _META_KEYS:
        value = meta.get(key)
        if value is None:
            continue
        if isinstance(value, bool):
            value = "yes" if value else "no"
        meta_items.append((key, str(value)))
    return {
        "n": n,
        "label": doc_label(doc),
        "path": str(doc.get("path") or "-"),
        "record": doc.get("record"),
        "record_line": doc.get("record_line"),
        "format": doc.get("format"),
        "language": doc.get("language") or "",
        "languages": [str(x) for x in doc.get("languages") or ()],
        "markets": [str(m) for m in doc.get("markets") or ()],
        "meta": meta_items,
        "blocks": block_views,
        "has_text": bool(blocks),
        "findings": views,
        "counts": [(s, SEVERITY_ICON[s], severity_label(s), counts[s]) for s in SEVERITIES if counts[s]],
        "subtitle": doc.get("format") in ("srt", "vtt"),
    }


class _Rest:
    """Documents with findings past the limit, as compact rows: [label, [sev, cat, rule, *markets]...]."""

    def __init__(self) -> None:
        self.index: dict[str, dict[str, int]] = {"sev": {}, "cat": {}, "rule": {}, "market": {}}
        self.rows: list[list] = []
        self.findings = 0

    def _i(self, kind: str, value) -> int:
        table = self.index[kind]
        value = "" if value is None else str(value)
        found = table.get(value)
        if found is None:
            found = table[value] = len(table)
        return found

    def add(self, doc: dict) -> None:
        row: list = [doc_label(doc)]
        for f in doc.get("findings") or ():
            row.append([
                self._i("sev", _sev(f.get("severity"))),
                self._i("cat", f.get("category")),
                self._i("rule", f.get("rule")),
                *(self._i("market", m) for m in f.get("markets") or ()),
            ])
            self.findings += 1
        self.rows.append(row)

    def data(self) -> dict:
        return {**{kind: list(table) for kind, table in self.index.items()}, "rows": self.rows}


class HtmlReporter(Reporter):
    name = "html"
    needs_text = True

    def __init__(self, out, options=None):
        super().__init__(out, options)
        self.header: dict = {}
        self._limit = max(0, int(self.options.html_max_documents))
        self._with: list[dict] = []
        self._without: list[dict] = []
        self._without_total = 0
        self._rest = _Rest()
        self._n = 0
        self._errors: list[dict] = []
        self._rules: dict[str, dict] = {}
        self._sev: Counter = Counter()
        self._cat: Counter = Counter()
        self._market: Counter = Counter()
        self._docs_with = 0

    def document(self, doc: dict) -> None:
        n = self._n
        self._n += 1
        findings = doc.get("findings") or ()
        for f in findings:
            rule = str(f.get("rule") or "")
            info = self._rules.get(rule)
            if info is None:
                info = self._rules[rule] = {"rule": rule, "message": f.get("message") or rule, "count": 0,
                                            "severity": _sev(f.get("severity")), "category": f.get("category")}
            info["count"] += 1
            if SEVERITY_RANK[_sev(f.get("severity"))] > SEVERITY_RANK[info["severity"]]:
                info["severity"] = _sev(f.get("severity"))
            self._sev[_sev(f.get("severity"))] += 1
            self._cat[str(f.get("category") or "")] += 1
            for m in f.get("markets") or ():
                self._market[str(m)] += 1
        if findings:
            self._docs_with += 1
            if len(self._with) < self._limit:
                self._with.append(prepare_document(doc, n, self.options.docs_url))
                if len(self._with) == self._limit:
                    self._without.clear()  # no room left for documents without findings
            else:
                self._rest.add(doc)
        else:
            self._without_total += 1
            if len(self._with) + len(self._without) < self._limit:
                self._without.append(prepare_document(doc, n, self.options.docs_url))

    def error(self, err: dict) -> None:
        self._errors.append(dict(err))

    def end(self, summary: dict) -> None:
        self.out.write(self.render(summary or {}))

    # -- page --------------------------------------------------------------------------------------
    def render(self, summary: dict) -> str:
        header = self.header or {}
        css, js = _assets()
        shown = self._with + self._without[: max(0, self._limit - len(self._with))]
        omitted_without = self._without_total - (len(shown) - len(self._with))
        by_sev = summary.get("by_severity") or dict(self._sev)
        by_cat = summary.get("by_category") or dict(self._cat)
        by_market = summary.get("by_market") or dict(self._market)
        markets = list(dict.fromkeys([*(header.get("markets") or ()), *sorted(by_market)]))
        rules = sorted(self._rules.values(), key=lambda r: (-r["count"], r["rule"]))
        for r in rules:
            r["docs_url"] = rule_docs_url(self.options.docs_url, r["rule"])
            r["icon"] = SEVERITY_ICON[r["severity"]]
            r["sev_label"] = severity_label(r["severity"])
        documents = summary.get("documents", self._n)
        findings_total = summary.get("findings", sum(self._sev.values()))
        context = {
            "title": self.options.title,
            "tool": header.get("tool") or {"name": "reelcheck"},
            "markets": markets,
            "packs": header.get("packs") or [],
            "notes": header_notes(header) + ([not_selling_line(summary["not_selling"], documents)]
                                             if summary.get("not_selling") else []),
            "summary": summary,
            "documents": documents,
            "documents_with": summary.get("documents_with_findings", self._docs_with),
            "findings_total": findings_total,
            "sev_rows": [(s, SEVERITY_ICON[s], severity_label(s), int(by_sev.get(s, 0))) for s in SEVERITIES],
            "cat_rows": sorted(((c, category_label(c), int(v)) for c, v in by_cat.items()), key=lambda r: (-r[2], r[0])),
            "market_rows": sorted(((m, int(v)) for m, v in by_market.items()), key=lambda r: (-r[1], r[0])),
            "top_rules": rules[:10],
            "all_rules": sorted(self._rules.values(), key=lambda r: r["rule"]),
            "facet_sev": [(s, SEVERITY_ICON[s], severity_label(s), self._sev.get(s, 0)) for s in SEVERITIES],
            "facet_cat": sorted(((c, category_label(c), n) for c, n in self._cat.items()), key=lambda r: r[0]),
            "facet_market": [(m, self._market.get(m, 0)) for m in markets],
            "errors": self._errors,
            "input_errors": summary.get("errors", len(self._errors)),
            "docs": shown,
            "shown_count": len(shown),
            "omitted_with": len(self._rest.rows),
            "omitted_with_findings": self._rest.findings,
            "omitted_without": omitted_without,
            "rest_json": json_for_script(self._rest.data()) if self._rest.rows else None,
            "limit": self._limit,
            "page_size": PAGE_SIZE,
            "noscript_css": Markup(NOSCRIPT_CSS),
            "css": Markup(css),
            "js": Markup(js),
            "csp": (
                "default-src 'none'; img-src data:; "
                f"style-src {_csp_hash(css)} {_csp_hash(NOSCRIPT_CSS)}; script-src {_csp_hash(js)}; "
                "base-uri 'none'; form-action 'none'"
            ),
        }
        return _environment().get_template("report.html.j2").render(**context)
