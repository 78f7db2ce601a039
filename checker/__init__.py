"""reelcheck: finds the compliance pitfalls of short-video commerce scripts and captions.

    import checker
    for f in checker.check_text("Best serum ever! DM me on WhatsApp", markets=["us"]):
        print(f.rule, f.severity, f.text, f.suggestion)

The flow, a module per stage: sources (files -> documents and segments) -> normalize -> nlp (spaCy
Doc) -> rules (compiled packs) -> engine (findings) -> reporters.
"""

from __future__ import annotations

__version__ = "0.1.0"

from functools import cache

from .check import ItemResult, check_item
from .model import Document, Finding, InputError, Meta, Segment, UsageError

__all__ = [
    "Document", "Finding", "InputError", "ItemResult", "Meta", "Segment", "UsageError", "check_item", "check_text",
    "load_checker", "__version__",
]


@cache
def _default_checker(packs: tuple[str, ...] = ()):
    from .engine import Checker
    from .rules import load_rules

    return Checker(load_rules(packs))


def load_checker(packs: tuple[str, ...] = (), select=(), ignore=()):
    """A reusable Checker over the built-in packs (plus `packs` folders)."""
    from .engine import Checker
    from .rules import load_rules

    return Checker(load_rules(tuple(packs)), select=select, ignore=ignore)


def check_text(
    text: str,
    markets: list[str] | tuple[str, ...] = ("us",),
    language: str | None = None,
    *,
    kind: str = "caption",
    sponsored: bool | None = None,
    product: str | None = None,
    platform: str | None = None,
    account: str | None = None,
    commercial: bool | None = None,
    packs: tuple[str, ...] = (),
) -> list[Finding]:
    """Check one caption or script text; offsets in the findings point into `text`. A check that fails
    (an unknown market) raises UsageError; `check_item` gives the whole result, partial errors too."""
    from .language import language_code

    checker = _default_checker(tuple(packs))
    if language is not None:
        try:
            language = language_code(language)
        except ValueError as exc:
            raise UsageError(str(exc)) from None
    meta = Meta(
        markets=tuple(markets), language=language, sponsored=sponsored, product=product,
        platform=platform, account=account, commercial=commercial,
    )
    document = Document(path="<text>", segments=[Segment.whole(text, kind=kind)], meta=meta, text=text)
    result = check_item(checker, document)
    if result.error is not None:
        raise UsageError(result.error)
    return result.findings
