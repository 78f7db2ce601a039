"""Hand-built reports for the reporter tests: what the engine would hand each reporter.

Offsets, lines and columns are computed from the text here, so every finding satisfies
`original[start:end] == text` exactly as docs/report-format.md promises.
"""

from __future__ import annotations

import io
from collections import Counter

from checker.reporters.base import ReportOptions

XSS_CAPTION = '<script>alert(1)</script> buy now <img src=x onerror=alert(1)> this cures acne'

EN_SCRIPT = (
    "---\nsponsored: true\nproduct: cosmetic\n---\n"
    "# Serum launch\n\n"
    "[SPOKEN] Honestly this serum cures acne in a week!\n"
    "[ONSCREEN] DM me on WhatsApp for 50% off\n"
)
ZH_CAPTION = "这款面霜是全网最好的，第一次用就爱上了！加微信领优惠 #护肤"
TH_CAPTION = "ครีมนี้รักษาสิวได้ 100% ใช้แล้วหายขาด สั่งเลย"
SRT = (
    "1\n00:00:01,000 --> 00:00:03,000\nHey guys, welcome back!\n\n"
    "2\n00:00:03,200 --> 00:00:05,000\nThis tea melts fat overnight.\n\n"
    "3\n00:00:05,500 --> 00:00:07,000\nComment \"YES\" if you want the link!\n"
)
HYPERLINK_CAPTION = '=HYPERLINK("http://evil.example/x","click") this cream cures eczema'
MINUS_CAPTION = "-1 day left! Guaranteed results or your money back"

RULES = {
    "us.claims.cure": dict(
        category="claim", severity="error",
        message="Disease claim for a product that is not a licensed medicine",
        rationale="The FTC treats cure/treat claims for cosmetics as health claims that need scientific evidence.",
        suggestion='Describe what the product does, not a disease outcome ("soothes the look of redness").',
        source="FTC Health Products Compliance Guidance (Dec 2022) https://www.ftc.gov/business-guidance/resources/health-products-compliance-guidance",
    ),
    "us.claims.weightloss": dict(
        category="claim", severity="error",
        message="Weight-loss claim without evidence",
        rationale="Rapid or effortless weight-loss claims are deceptive unless substantiated.",
        suggestion="Talk about taste or routine, not fat loss.",
        source="FTC Gut Check (2014) https://www.ftc.gov/gut-check",
    ),
    "global.offplatform.messaging-app": dict(
        category="offplatform", severity="warning",
        message="Sends buyers to a messaging app, off the platform",
        rationale="TikTok Shop and Reels shopping policies forbid moving transactions off-platform.",
        suggestion="Ask viewers to use the in-app shop or chat instead.",
        source="TikTok Shop Prohibited Conduct Policy, markets.md §2.1",
    ),
    "global.engagement.bait": dict(
        category="engagement", severity="info",
        message="Engagement bait (asks for comments to get the link)",
        rationale="Platforms demote posts that ask for comments or likes in exchange for something.",
        suggestion=None,
        source="Meta Branded Content Policies https://www.facebook.com/business/help/engagement-bait",
    ),
    "us.disclosure.missing": dict(
        category="disclosure", severity="warning",
        message="Sponsored content without a clear #ad disclosure at the start",
        rationale="The FTC expects a clear and conspicuous disclosure before the claim.",
        suggestion="Start the caption with #ad or 'Paid partnership'.",
        source="FTC Disclosures 101 for Social Media Influencers (2019)",
    ),
    "cn.absolute.zui": dict(
        category="claim", severity="error",
        message="Absolute superlative (最 + adjective) is banned in Chinese ads",
        rationale="Art. 9(3) of the Advertising Law bans 最佳, 最好 and similar absolute terms.",
        suggestion="说产品做什么：这款的保湿力很出色。",
        source="中华人民共和国广告法 第九条第(三)项",
    ),
    "cn.offplatform.wechat": dict(
        category="offplatform", severity="warning",
        message="Moves buyers to WeChat",
        rationale="Douyin bans directing buyers to other platforms.",
        suggestion="请在抖音小店下单。",
        source="抖音电商 站外引流 规则",
    ),
    "th.claims.cure": dict(
        category="claim", severity="error",
        message="Cosmetic claims to treat a skin disease",
        rationale="Thai FDA forbids cosmetics from claiming to treat disease.",
        suggestion="ช่วยให้ผิวดูเรียบเนียน",
        source="Thai FDA cosmetic advertising rules https://www.fda.moph.go.th/",
    ),
    "th.claims.guaranteed": dict(
        category="claim", severity="warning",
        message="Guaranteed result",
        rationale="Absolute guarantees of results mislead buyers.",
        suggestion="Say what most users noticed.",
        source="Thai Consumer Protection Act",
    ),
    "global.claims.guaranteed": dict(
        category="claim", severity="warning",
        message="Guaranteed results",
        rationale="Guarantees of results are unsubstantiated claims in every market.",
        suggestion="Describe typical results.",
        source="ICC Advertising Code art. 3",
    ),
}


def _line_col(text: str, offset: int) -> tuple[int, int]:
    line = text.count("\n", 0, offset) + 1
    column = offset - (text.rfind("\n", 0, offset) + 1) + 1
    return line, column


def finding(original: str, needle: str, rule: str, markets=("us",), occurrence: int = 0, *,
            language="en", segment="spoken", start: int | None = None, **extra) -> dict:
    """A finding over the `occurrence`-th `needle` in `original` (or an empty one at `start`)."""
    if start is None:
        start = -1
        for _ in range(occurrence + 1):
            start = original.index(needle, start + 1)
        end = start + len(needle)
    else:
        end = start
        needle = ""
    line, column = _line_col(original, start)
    if end > start:
        end_line, end_column = _line_col(original, end - 1)
    else:
        end_line, end_column = line, column
    f = {
        "rule": rule, **RULES[rule], "text": needle, "start": start, "end": end,
        "line": line, "column": column, "end_line": end_line, "end_column": end_column,
        "markets": list(markets), "segment": segment, "language": language,
    }
    f.update(extra)
    return f


def _doc(path, fmt, text, findings, *, language="en", markets=("us",), record=None, record_line=None,
         fields=None, meta=None) -> dict:
    doc = {
        "path": path, "format": fmt, "record": record, "record_line": record_line,
        "language": language, "languages": [language], "markets": list(markets),
        "meta": meta or {}, "text": text, "findings": findings,
    }
    if fields is not None:
        doc["fields"] = fields
    return doc


def sample_documents() -> list[dict]:
    docs = [
        _doc("examples/scripts/us_serum_launch.md", "markdown", EN_SCRIPT, [
            finding(EN_SCRIPT, "", "us.disclosure.missing", start=EN_SCRIPT.index("# Serum"), segment="caption"),
            finding(EN_SCRIPT, "cures acne", "us.claims.cure"),
            finding(EN_SCRIPT, "WhatsApp", "global.offplatform.messaging-app", markets=("us", "uk"), segment="onscreen"),
        ], markets=("us", "uk"), meta={"sponsored": True, "product": "cosmetic"}),
        _doc("examples/captions/cn_live.txt", "text", ZH_CAPTION, [
            finding(ZH_CAPTION, "最好", "cn.absolute.zui", markets=("cn",), language="zh", segment="caption"),
            finding(ZH_CAPTION, "微信", "cn.offplatform.wechat", markets=("cn",), language="zh", segment="caption"),
        ], language="zh", markets=("cn",)),
        _doc("examples/captions/th_promo.txt", "text", TH_CAPTION, [
            finding(TH_CAPTION, "รักษาสิว", "th.claims.cure", markets=("th",), language="th", segment="caption"),
            finding(TH_CAPTION, "100%", "th.claims.guaranteed", markets=("th",), language="th", segment="caption"),
        ], language="th", markets=("th",)),
        _doc("examples/subtitles/tea.srt", "srt", SRT, [
            finding(SRT, "melts fat", "us.claims.weightloss", cue=2, time="00:00:03,200"),
            finding(SRT, 'Comment "YES"', "global.engagement.bait", cue=3, time="00:00:05,500"),
        ]),
        _doc("examples/scripts/clean.md", "markdown", "# Beach day\n\nJust a nice day at the beach.\n", []),
    ]
    records = [
        ("v123", 2, {"caption": HYPERLINK_CAPTION, "hashtags": "#skincare"}, [("caption", "cures eczema", "us.claims.cure")]),
        ("v124", 3, {"caption": MINUS_CAPTION, "hashtags": "#deal"}, [("caption", "Guaranteed results", "global.claims.guaranteed")]),
        ("v125", 4, {"caption": XSS_CAPTION, "hashtags": "#<b>bold</b>"}, [("caption", "cures acne", "us.claims.cure")]),
        ("v126", 5, {"caption": "Sunset walk with the dog", "hashtags": ""}, []),
    ]
    for rid, line, fields, specs in records:
        found = [
            finding(fields[field], needle, rule, segment="caption", record=rid, field=field)
            for field, needle, rule in specs
        ]
        docs.append(_doc("examples/archives/captions.csv", "csv", None, found, record=rid, record_line=line,
                         fields=fields))
    return docs


HEADER = {
    "schema_version": "1.0",
    "tool": {"name": "reelcheck", "version": "0.1.0"},
    "markets": ["cn", "th", "uk", "us"],
    "packs": [
        {"market": "global", "name": "Global platform rules", "version": "2026.11.1", "rules": 24},
        {"market": "us", "name": "United States", "version": "2026.11.1", "rules": 31},
        {"market": "uk", "name": "United Kingdom", "version": "2026.11.1", "rules": 18},
        {"market": "cn", "name": "China (Douyin)", "version": "2026.11.2", "rules": 40},
        {"market": "th", "name": "Thailand", "version": "2026.11.1", "rules": 12},
    ],
}
ERRORS = [{"path": "examples/archives/captions.csv", "line": 41, "record": "v77",
           "message": "row has 5 fields, header has 4"}]


def summarize(docs: list[dict], errors=()) -> dict:
    findings = [f for d in docs for f in d["findings"]]
    by_market: Counter = Counter(m for f in findings for m in f["markets"])
    records = [d for d in docs if d.get("record") is not None]
    return {
        "documents": len(docs),
        "documents_with_findings": sum(1 for d in docs if d["findings"]),
        "findings": len(findings),
        "by_severity": {s: sum(1 for f in findings if f["severity"] == s) for s in ("error", "warning", "info")},
        "by_category": dict(Counter(f["category"] for f in findings)),
        "by_market": dict(by_market),
        "by_rule": dict(Counter(f["rule"] for f in findings)),
        "records_read": len(records) + len(errors), "records_checked": len(records), "records_skipped": 0,
        "records_failed": len(errors), "errors": len(errors),
    }


def sample_report() -> dict:
    docs = sample_documents()
    return {**HEADER, "summary": summarize(docs, ERRORS), "documents": docs, "errors": ERRORS}


def run(reporter_cls, report: dict | None = None, **options) -> str:
    """Drive a reporter through begin/document/error/end like the engine does; return its output."""
    report = report or sample_report()
    out = io.StringIO()
    reporter = reporter_cls(out, ReportOptions(**options))
    reporter.begin({k: report[k] for k in ("schema_version", "tool", "markets", "packs")})
    for doc in report["documents"]:
        reporter.document(doc)
    for err in report.get("errors") or ():
        reporter.error(err)
    reporter.end(report["summary"])
    return out.getvalue()
