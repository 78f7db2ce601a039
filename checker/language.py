"""Which languages a segment is written in: by script, and for Latin script by a small word list.

A segment is checked with the rules of every language it may be in: Han characters get the Chinese
rules, Thai characters the Thai rules, Latin text the rules of each Latin-script language of the
target markets (a Malaysian caption mixing Malay, English and Chinese gets all three). The word lists
below only decide which language is *reported* for Latin text; they never hide a rule.
"""

from __future__ import annotations

import re

import regex

_LATIN_RUNS = regex.compile(r"\p{Latin}+")
_WORD = regex.compile(r"[\p{Latin}']+")
# Vietnamese letters (both cases, listed: a case-insensitive regex is slower) and the
# combining marks of decomposed text
_VI_MARKS = re.compile(
    "[ÂÊÔâêôĂăĐđƠơƯưẠạẢảẤấẦầẨẩẪẫẬậẮắẰằẲẳẴẵẶặẸẹẺẻẼẽẾếỀềỂểỄễỆệỈỉỊịỌọỎỏỐốỒồỔổỖỗỘộỚớỜờỞởỠỡỢợỤụỦủỨứỪừỬửỮữỰựỲỳỴỵỶỷỸỹ"
    "\u0300-\u0323]"
)

_RUNS = {"zh": regex.compile(r"\p{Han}+"), "th": regex.compile(r"\p{Thai}+")}  # languages known by their script
SCRIPT_LANGUAGES = frozenset(_RUNS)

# Frequent function words that tell the Latin-script market languages apart.
STOPWORDS = {
    "en": frozenset("the and is this my you your for with it to of in on so i it's that just are was have get".split()),
    "id": frozenset("yang dan ini itu aku kamu banget di ke untuk dengan tidak nggak gak bisa sudah udah juga ya kak "
                    "nya dong sih aja buat pakai kulit".split()),
    "ms": frozenset("yang dan ini itu saya awak sangat di ke untuk dengan tidak tak nak boleh sudah dah juga lah kat "
                    "je korang ni tu pakai kulit".split()),
    "tl": frozenset("ang ng sa mga ako ko ito na at lang po naman talaga ka yung para hindi siya niyo kayo".split()),
    "vi": frozenset("và của là có không này cho với một những được rất da".split()),
}


# The languages reelcheck has rules for, and every other name a user or an archive may give one of them:
# BCP 47 tags are read by their primary subtag (en-US, zh-Hans, zh_TW -> en, zh), ISO 639-2/3 codes and
# old tags (eng, zho, fil, in) and English (or the language's own) names are mapped here, in one place.
LANGUAGES = ("en", "zh", "th", "id", "ms", "vi", "tl")
LANGUAGE_NAMES = {
    "en": "English", "zh": "Chinese", "th": "Thai", "id": "Indonesian", "ms": "Malay", "vi": "Vietnamese",
    "tl": "Filipino (Tagalog)",
}
_LANGUAGE_ALIASES = {
    "eng": "en", "english": "en",
    "zho": "zh", "chi": "zh", "cmn": "zh", "chinese": "zh", "mandarin": "zh", "中文": "zh", "汉语": "zh",
    "漢語": "zh", "普通话": "zh", "华语": "zh", "華語": "zh",
    "tha": "th", "thai": "th", "ไทย": "th", "ภาษาไทย": "th",
    "in": "id", "ind": "id", "indonesian": "id", "bahasa indonesia": "id",
    "msa": "ms", "may": "ms", "zsm": "ms", "malay": "ms", "bahasa melayu": "ms", "bahasa malaysia": "ms",
    "vie": "vi", "vietnamese": "vi", "tiếng việt": "vi",
    "fil": "tl", "tgl": "tl", "tagalog": "tl", "filipino": "tl", "pilipino": "tl",
}


def language_code(value: str) -> str:
    """The language code for a declared language (`en-US` -> en, `zh-Hans` -> zh, `fil` -> tl,
    `english` -> en); raises ValueError naming the value for anything else. Whatever a caption, a front
    matter or an option says goes through here before it names a spaCy pipeline."""
    text = " ".join(str(value).strip().lower().replace("_", "-").split())
    if text in LANGUAGES:
        return text
    if text in _LANGUAGE_ALIASES:
        return _LANGUAGE_ALIASES[text]
    primary = text.split("-", 1)[0]
    if primary != text and len(primary) in (2, 3):  # a BCP 47 tag: language-script-region...
        if primary in LANGUAGES:
            return primary
        if primary in _LANGUAGE_ALIASES:
            return _LANGUAGE_ALIASES[primary]
    shown = str(value) if len(str(value)) <= 40 else str(value)[:40] + "..."
    raise ValueError(f"unknown language {shown!r} (use one of {', '.join(LANGUAGES)}, a tag such as en-US or "
                     "zh-Hans, or an English name)")


_STOP_LANGS: dict[str, tuple[str, ...]] = {}  # stopword -> the languages it tells
for _lang, _words in STOPWORDS.items():
    for _w in _words:
        _STOP_LANGS[_w] = (*_STOP_LANGS.get(_w, ()), _lang)

_EDGES = "".join(c for c in map(chr, range(33, 127)) if not c.isalnum() and c != "'")


def split_words(text: str, rx, edges: str) -> list[str]:
    """`rx.findall(text)`, in any order, for a word regex whose words hold no whitespace, hold every
    plain ASCII word whole, and never start or end with a character of `edges`. A word never spans
    whitespace, so the text is read a whitespace-separated piece at a time: a plain ASCII word (once
    trimmed of `edges`: "month," "#fyp"), which is most of them, is taken as it is; the regex reads
    only the other pieces ("don't", "carry-on", "$29", accented and other-script words)."""
    out = []
    rest = []
    for piece in text.split():
        if not (piece.isalpha() and piece.isascii()):
            piece = piece.strip(edges)
            if not (piece.isalpha() and piece.isascii()):
                if piece:
                    rest.append(piece)
                continue
        out.append(piece)
    if rest:
        out.extend(rx.findall(" ".join(rest)))
    return out


def latin_words(text: str) -> list[str]:
    """`_WORD.findall(text)`, lower-cased, in any order (`split_words`; the apostrophe is kept)."""
    return [w.lower() for w in split_words(text, _WORD, _EDGES)]


def detect_latin(text: str, candidates: list[str]) -> str:
    """The most likely of `candidates` for Latin-script text (the first candidate on a tie)."""
    if len(candidates) == 1:
        return candidates[0]
    if "vi" in candidates and _VI_MARKS.search(text):
        return "vi"
    scores = dict.fromkeys(candidates, 0)
    for w in latin_words(text):
        for lang in _STOP_LANGS.get(w, ()):
            if lang in scores:
                scores[lang] += 1
    best, best_score = candidates[0], 0
    for lang in candidates:
        if scores[lang] > best_score:
            best, best_score = lang, scores[lang]
    return best


def segment_languages(text: str, market_langs: tuple[str, ...], forced: str | None) -> tuple[list[str], dict[str, int]]:
    """(languages whose rules run on the segment, {language found: characters of it, roughly})."""
    check: list[str] = []
    found: dict[str, int] = {}
    other = 0
    for lang, rx in _RUNS.items():
        runs = rx.findall(text)
        if runs:
            n = sum(map(len, runs))
            check.append(lang)
            found[lang] = n
            other += n
    if _LATIN_RUNS.search(text):  # (a search: the runs are listed only with other scripts)
        if forced and forced not in SCRIPT_LANGUAGES:
            # the declared language, and English where the markets speak it: Malay, Indonesian and
            # Filipino posts mix in English ("order now", "link in bio"), which no declaration removes
            latin = [forced] + (["en"] if forced != "en" and "en" in market_langs else [])
        else:
            latin = [lang for lang in market_langs if lang not in SCRIPT_LANGUAGES]
            if "vi" in latin and not _VI_MARKS.search(text):
                latin.remove("vi")  # Vietnamese is written with its diacritics; plain Latin is English
                if "en" not in latin:
                    latin.append("en")
            latin = latin or ["en"]
        check.extend(latin)
        main = forced if forced in latin else detect_latin(text, latin)
        latin_chars = sum(map(len, _LATIN_RUNS.findall(text))) if other else len(text)
        found[main] = found.get(main, 0) + latin_chars
    elif forced and not check:
        check.append(forced)
    return check, found
