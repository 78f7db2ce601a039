"""Word boundaries for the languages written without spaces, used to keep a hit to whole words.

Phrases in Chinese and Thai are matched by characters (`nlp.CharTokenizer`), which finds a phrase
wherever its characters stand, also inside a longer word (第一 in 第一次 "the first time", ดื่ม in
เครื่องดื่ม "beverage"). A hit found that way is then checked against a dictionary segmenter, per
language, as measured on the packs' examples and on real posts (docs/quality.md):

- zh, **veto** with jieba's dictionary: a hit is dropped only when it lies inside one longer word; a
  hit whose edges cut across words is kept (最|好吃 still holds 最好, and jieba often joins a term
  with its neighbour differently from the pack). Run through rjieba, jieba's algorithm and
  dictionary in Rust (the same words as jieba on every Chinese run of the corpus and the packs).
- th, **whole words** with PyThaiNLP's `newmm` dictionary segmenter: a hit must start and end on a
  word boundary of the Thai run it is in (an edge next to a space, a digit or a Latin letter is one).
  Run through nlpO3, PyThaiNLP's own Rust implementation of newmm, with PyThaiNLP's word list shipped
  in `checker/wordlists/`.
- vi: nothing here; its syllables are already whole tokens, which the Latin tokenizer keeps.

A rule can say that its terms match inside words (`inside_words: true`, or a list of its terms):
for a phrase that is itself the start of a longer claim word (最低 in 最低价).

Both dictionaries ship with reelcheck or its dependencies (no download). They are imported and
loaded lazily, once per process, only when a segment of that language has a hit to check; the
words of a segment are cached for its other hits.
"""

from __future__ import annotations

from functools import cache, lru_cache

import regex

WORD_LANGUAGES = frozenset({"zh", "th"})
POLICY = {"zh": "veto", "th": "words"}

_RUN = {"zh": regex.compile(r"\p{Han}+"), "th": regex.compile(r"[\p{Thai}]+")}


@cache
def _jieba():
    import rjieba

    return rjieba.tokenize


@cache
def _newmm():
    from importlib.resources import as_file, files

    import nlpo3

    with as_file(files("checker.wordlists").joinpath("th_words.txt")) as path:
        nlpo3.load_dict(str(path), "th")
    return lambda text: nlpo3.segment(text, "th")


def _cut(lang: str, run: str) -> list[str]:
    if lang == "zh":
        return [w for w, _s, _e in _jieba()(run)]
    return _newmm()(run)


@lru_cache(maxsize=256)
def boundaries(lang: str, text: str) -> tuple[tuple[int, int], ...]:
    """The words of `text` in `lang`'s script runs, as (start, end) character spans, in order.
    Characters outside the runs belong to no word here."""
    out: list[tuple[int, int]] = []
    for m in _RUN[lang].finditer(text):
        pos = m.start()
        words = _cut(lang, m.group())
        if sum(map(len, words)) != m.end() - m.start():
            continue  # (a segmenter that changed the text: no boundaries known in this run)
        for word in words:
            out.append((pos, pos + len(word)))
            pos += len(word)
    return tuple(out)


def keeps(lang: str, text: str, start: int, end: int) -> bool:
    """Whether the hit text[start:end] stands as words by `lang`'s policy (True for other languages,
    and for a hit with no character of the language's script)."""
    policy = POLICY.get(lang)
    if policy is None or end <= start or not _RUN[lang].search(text, start, end):
        return True
    words = [(a, b) for a, b in boundaries(lang, text) if a < end and b > start]
    if not words:
        return True
    if policy == "veto":
        # dropped only inside one longer word
        return not (len(words) == 1 and (words[0][0] < start or words[0][1] > end))
    starts_ok = words[0][0] >= start
    ends_ok = words[-1][1] <= end
    return starts_ok and ends_ok
