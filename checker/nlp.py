"""Stage 4: normalized text -> spaCy Doc. Blank pipelines per language, built once per process.

No trained model is needed or loaded. What each language gets:

- Latin-script languages (en, id, ms, tl, vi, ...): spaCy's rule-based tokenizer of that language (the
  multi-language rules for `vi`, whose own tokenizer leaves punctuation on syllables), changed so that
  hashtags (`#ad`), mentions (`@brand`), prices (`$19.99`, `RM50`, `50%`), URLs, e-mail addresses
  and phone numbers stay single tokens.
- Chinese and Thai: `CharTokenizer`, one token per Han/Thai character, Latin words, numbers, hashtags,
  prices and URLs whole. Phrases then match wherever their characters stand (what substring search
  finds, which word segmenters miss when a phrase segments differently in context). A hit is then
  checked against a dictionary segmenter (`segment`: jieba for zh, pythainlp's newmm for th), loaded
  only when a segment has a hit: a word that merely contains a phrase (第一次 for 第一, เครื่องดื่ม for
  ดื่ม) is not the phrase.

Each pipeline has a `sentencizer` for `unless ... within: sentence`; the engine runs it only when a
rule needs sentences (`sentences(doc)`), since most captions never do.
"""

from __future__ import annotations

from functools import cache

import regex

from . import spacy_cli

spacy_cli.install()  # (spaCy without its command line, when this is its first import: spacy_cli.py)

import spacy  # noqa: E402
from spacy.language import Language  # noqa: E402
from spacy.tokens import Doc  # noqa: E402
from spacy.util import compile_prefix_regex, compile_suffix_regex  # noqa: E402

CHAR_LANGUAGES = frozenset({"zh", "th"})

_CURRENCY = r"(?:US\$|S\$|HK\$|A\$|RM|Rp\.?|[$£€¥￥₫฿₱₹₩])"
_AMOUNT = r"\d(?:[\d,.]*\d)?"  # ends on a digit: "RM50," keeps its comma apart
_PRICE = rf"{_CURRENCY}\s?{_AMOUNT}(?:[kK]|rb|jt|ribu|juta|tr|nghìn)?|{_AMOUNT}(?:%|{_CURRENCY}|đ|元|块)"
# an emoji inside a hashtag does not end it when the tag goes on (#ad🐧_squad is a fan tag, not #ad)
_HASHTAG = r"[#＃][\p{L}\p{M}\p{N}_]+(?:\p{Extended_Pictographic}+[\p{L}\p{M}\p{N}_]+)*"
_MENTION = r"@[\p{L}\p{M}\p{N}_.]*[\p{L}\p{M}\p{N}_]"
_EMAIL = r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+"
_URL = r"(?:https?://|www\.)[^\s<>\"'，。！？、]+|[a-z0-9-]+(?:\.[a-z0-9-]+)*\.(?:com|net|org|co|io|me|ly|to|gl|shop|store|link|id|my|vn|th|ph|sg|uk|cn)(?:/[^\s<>\"'，。！？、]*)?"
_PHONE = r"\+?\d[\d\-.]{6,}\d"

# Whole-token shapes for the Latin tokenizers (checked before prefixes and suffixes are split off).
_TOKEN_MATCH = regex.compile(rf"^(?:{_HASHTAG}|{_MENTION}|{_EMAIL}|{_PRICE}|{_PHONE})$", regex.I)

# The character tokenizer: one alternative per token shape, Han and Thai characters one at a time.
_CHAR_TOKEN = regex.compile(
    rf"{_URL}|{_EMAIL}|{_HASHTAG}|{_MENTION}|{_PRICE}|{_PHONE}"
    r"|(?=[\p{Han}\p{Thai}])\X"
    r"|(?:(?![\p{Han}\p{Thai}])[\p{L}\p{M}\p{N}_])+(?:['’](?:(?![\p{Han}\p{Thai}])\p{L})+)?|\S",
    regex.I,
)

_WHITESPACE = regex.compile(r"(\s+)")

SENT_PUNCT = [".", "!", "?", "。", "！", "？", "\n", "\n\n", "…", "...", "!!", "?!", "ฯ", "।", ";", "；"]


class CharTokenizer:
    """Tokenizer for scripts written without spaces between words (Chinese, Thai)."""

    def __init__(self, vocab):
        self.vocab = vocab

    def __call__(self, text: str) -> Doc:
        # Split on whitespace first (C speed), then cut each chunk into tokens with one findall; a
        # single space becomes the previous token's trailing whitespace, other whitespace a token.
        words: list[str] = []
        spaces: list[bool] = []
        for chunk in _WHITESPACE.split(text):
            if not chunk:
                continue
            if chunk.isspace():
                if chunk == " " and words and not spaces[-1]:
                    spaces[-1] = True
                else:
                    words.append(chunk)
                    spaces.append(False)
                continue
            tokens = _CHAR_TOKEN.findall(chunk)
            words.extend(tokens)
            spaces.extend([False] * len(tokens))
        return Doc(self.vocab, words=words, spaces=spaces)

    def pipe(self, texts, batch_size=1000):
        for text in texts:
            yield self(text)

    # spaCy serialises tokenizers with the pipeline; this one has no state of its own.
    def to_bytes(self, **kwargs):
        return b""

    def from_bytes(self, data, **kwargs):
        return self

    def to_disk(self, path, **kwargs):
        pass

    def from_disk(self, path, **kwargs):
        return self


# Languages whose tokenizer exceptions matter for matching (English contractions: "don't" -> do n't).
# Others have long lists of abbreviations that cost seconds to load and change nothing we match.
KEEP_EXCEPTIONS = frozenset({"en"})


@spacy.registry.tokenizers("reelcheck.latin_tokenizer.v1")
def create_latin_tokenizer():
    """spaCy's rule-based tokenizer for the language, with hashtags, mentions, prices and phone numbers
    kept whole (registered, so that spacy.blank builds it once, directly)."""

    def create(nlp: Language):
        from spacy.tokenizer import Tokenizer
        from spacy.util import compile_infix_regex

        defaults = nlp.Defaults
        if nlp.lang == "vi" or not defaults.prefixes:
            # vi's own tokenizer only splits on spaces; use the multi-language punctuation rules instead
            from spacy.lang.xx import MultiLanguage

            defaults = MultiLanguage.Defaults
        # currency signs and codes stay on their amount ($19.99, RM50, Rp50.000), hashtags keep their #
        kept_whole = ("#", "$", "£", "€", "¥", "₫", "฿", "₱", "Rp", "RM", "RMB", "US$", "S$")
        prefixes = [p for p in (defaults.prefixes or ()) if p.replace("\\", "") not in kept_whole]
        rules = dict(defaults.tokenizer_exceptions or {}) if nlp.lang in KEEP_EXCEPTIONS else {}
        return Tokenizer(
            nlp.vocab,
            rules=rules,
            prefix_search=compile_prefix_regex(prefixes).search,
            suffix_search=compile_suffix_regex(list(defaults.suffixes or ())).search,
            infix_finditer=compile_infix_regex(list(defaults.infixes or ())).finditer,
            token_match=_TOKEN_MATCH.match,
            url_match=defaults.url_match,
        )

    return create


@spacy.registry.tokenizers("reelcheck.char_tokenizer.v1")
def create_char_tokenizer():
    """One token per Han/Thai character (see CharTokenizer)."""

    def create(nlp: Language):
        return CharTokenizer(nlp.vocab)

    return create


_LANG_CODE = regex.compile(r"[a-z]{2,3}")


@cache
def pipeline(lang: str) -> Language:
    """The blank pipeline for `lang` with our tokenizer and a sentencizer, built once per process.

    `lang` must be a bare language code (`language.language_code` maps what users write): spaCy imports
    `spacy.lang.<lang>`, so nothing else (a tag, a dotted module path) is ever passed to it."""
    if not isinstance(lang, str) or not _LANG_CODE.fullmatch(lang):
        raise ValueError(f"not a language code: {str(lang)[:40]!r}")
    try:
        spacy.util.get_lang_class(lang)
    except ImportError:
        raise ValueError(f"spaCy has no language {lang!r}") from None
    factory = "reelcheck.char_tokenizer.v1" if lang in CHAR_LANGUAGES else "reelcheck.latin_tokenizer.v1"
    nlp = spacy.blank(lang, config={"nlp": {"tokenizer": {"@tokenizers": factory}}})
    nlp.add_pipe("sentencizer", config={"punct_chars": SENT_PUNCT})
    return nlp


def make_doc(lang: str, text: str) -> Doc:
    return pipeline(lang).make_doc(text)


def sentences(doc: Doc, lang: str) -> Doc:
    """Set sentence boundaries on `doc` (idempotent, cheap; only called when a rule needs them)."""
    if not doc.has_annotation("SENT_START"):
        pipeline(lang).get_pipe("sentencizer")(doc)
    return doc
