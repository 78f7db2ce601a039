"""Phrase templates and word forms, expanded once when a pack is compiled.

`{a|b|c}` is a choice, `[word]` an optional part (`[a|b]`: a, b or nothing): `"[your] {skin|face}"`
gives four phrases. With
`match: lemma`, each word of a phrase also matches its inflected forms (`guarantee` ->
`guarantees`, `guaranteed`, `guaranteeing`), read from spaCy's lookup tables (`spacy-lookups-data`)
so that no lemmatizer has to run on each caption.
"""

from __future__ import annotations

import gzip
import itertools
import json
import re
from functools import cache
from pathlib import Path

MAX_EXPANSIONS = 10000
_GROUP = re.compile(r"\{([^{}\[\]]*)\}|\[([^{}\[\]]*)\]")
_SPACES = re.compile(r"\s+")

LEMMA_TABLE_LANGUAGES = frozenset({"en"})  # where `match: lemma` is the default


class TemplateError(ValueError):
    pass


def expand(template: str) -> list[str]:
    """All phrases a template stands for, in a stable order, without duplicates."""
    if "{" not in template and "[" not in template:
        return [_SPACES.sub(" ", template).strip()]
    parts: list[list[str]] = []
    pos = 0
    for m in _GROUP.finditer(template):
        parts.append([template[pos : m.start()]])
        if m.group(1) is not None:
            parts.append(m.group(1).split("|"))
        else:
            parts.append([*m.group(2).split("|"), ""])  # [a|b]: a, b or nothing
        pos = m.end()
    parts.append([template[pos:]])
    rest = template[pos:]
    if any(c in rest for c in "{}[]") or any(c in "".join(p[0] for p in parts[::2]) for c in "{}[]"):
        raise TemplateError(f"unbalanced or nested brackets in phrase template {template!r}")
    combinations = 1
    for part in parts:
        combinations *= len(part)
    if combinations > 4 * MAX_EXPANSIONS:  # (counted before expanding: `{|}` forty times is 2**40)
        raise TemplateError(f"phrase template {template!r} expands to more than {MAX_EXPANSIONS} phrases")
    out: dict[str, None] = {}
    for combo in itertools.product(*parts):
        phrase = _SPACES.sub(" ", "".join(combo)).strip()
        if phrase:
            out[phrase] = None
        if len(out) > MAX_EXPANSIONS:
            raise TemplateError(f"phrase template {template!r} expands to more than {MAX_EXPANSIONS} phrases")
    return list(out)


def _table_path(lang: str) -> Path | None:
    try:
        import spacy_lookups_data
    except ImportError:  # pragma: no cover - a declared dependency
        return None
    path = Path(spacy_lookups_data.__file__).parent / "data" / f"{lang}_lemma_lookup.json.gz"
    return path if path.exists() else None


@cache
def _inverse_table(lang: str) -> dict[str, tuple[str, ...]]:
    """lemma -> the forms whose lemma it is (lower case), for the whole table of `lang`."""
    path = _table_path(lang)
    if path is None:
        return {}
    with gzip.open(path, "rt", encoding="utf-8") as fh:
        table: dict[str, str] = json.load(fh)
    inverse: dict[str, list[str]] = {}
    for form, lemma in table.items():
        if form.isalpha() and form.islower():
            inverse.setdefault(lemma, []).append(form)
    return {lemma: tuple(sorted(forms)) for lemma, forms in inverse.items()}


def has_forms(lang: str) -> bool:
    return _table_path(lang) is not None


def word_forms(lang: str, word: str) -> tuple[str, ...]:
    """The word itself and its inflected forms (for a word written in its base form)."""
    lower = word.lower()
    forms = _inverse_table(lang).get(lower, ())
    return (lower, *[f for f in forms if f != lower])


def inflect(lang: str, phrase_words: list[str]) -> list[list[str]]:
    """Combinations of forms of a phrase's words (bounded).

    Only the first and the last word are inflected: in claim phrases those are the verb and the head
    noun ("cure acne" -> "cures acne", "guarantee results" -> "guaranteed results"); inflecting every
    word multiplies the phrase count for nothing.
    """
    last = len(phrase_words) - 1
    options = [
        word_forms(lang, w) if w.isalpha() and i in (0, last) else (w.lower(),)
        for i, w in enumerate(phrase_words)
    ]
    total = 1
    for o in options:
        total *= len(o)
    if total > MAX_EXPANSIONS:
        # too many combinations: inflect only the last word (the head of most English phrases)
        options = [(w.lower(),) for w in phrase_words[:-1]] + [options[-1]]
    return [list(c) for c in itertools.product(*options)]
