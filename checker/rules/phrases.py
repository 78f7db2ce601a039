"""Phrase templates and word forms, expanded once when a pack is compiled.

`{a|b|c}` is a choice, `[word]` an optional part (`[a|b]`: a, b or nothing): `"[your] {skin|face}"`
gives four phrases. With
`match: lemma`, each word of a phrase also matches its inflected forms (`guarantee` ->
`guarantees`, `guaranteed`, `guaranteeing`), read from spaCy's lookup tables (copied from `spacy-lookups-data`: lemma_tables/)
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
    """spaCy's lemma table of `lang`: the copy shipped in lemma_tables/ (see SOURCE.md there), else
    spacy-lookups-data's own when it is installed."""
    shipped = Path(__file__).with_name("lemma_tables") / f"{lang}_lemma_lookup.json.gz"
    if shipped.exists():
        return shipped
    try:
        import spacy_lookups_data
    except ImportError:  # (not a runtime dependency: lemma_tables/update.py copies what is used)
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


# --- lexicons: named word lists of pack data that rules reference ---------------------------------
#
# A pack file may hold `lexicons: {name: {language: [entries]}}` (conditions, body parts, product
# nouns, rank words, periods...). A rule names one with `{@name}` in a phrase template or a regular
# expression, or `"@name"` as a member of a token pattern's `IN` list; the reference is replaced by
# the entries of the rule's language when the pack is loaded, so a new entry is one line of YAML and
# every rule that names the lexicon learns it. An entry is itself a template (`{joint|knee} pain`).

LEXICON_REF = re.compile(r"\{@([a-z][a-z0-9_]*)\}")
_PATTERN_REF = re.compile(r"^@([a-z][a-z0-9_]*)$")


class LexiconError(ValueError):
    pass


def lexicon_phrases(lexicons: dict, name: str, lang: str) -> list[str]:
    """The phrases of lexicon `name` in `lang` (its entries' templates expanded), longest first."""
    if name not in lexicons:
        known = ", ".join(sorted(lexicons)) or "none"
        raise LexiconError(f"unknown lexicon '@{name}' (known: {known})")
    entries = lexicons[name].get(lang)
    if not entries:
        raise LexiconError(f"lexicon '@{name}' has no entries in language '{lang}'")
    out: dict[str, None] = {}
    for entry in entries:
        if "{@" in entry:
            raise LexiconError(f"lexicon '@{name}': an entry may not name another lexicon ({entry!r})")
        for phrase in expand(entry):
            out[phrase] = None
    return sorted(out, key=lambda p: (-len(p), p))


def lexicons_named(value, into: set[str] | None = None) -> set[str]:
    """The names of the lexicons a value (a rule's spec, an `unless` entry: any nesting) names."""
    into = set() if into is None else into
    if isinstance(value, str):
        if "@" in value:
            into.update(LEXICON_REF.findall(value))
            found = _PATTERN_REF.match(value)
            if found:
                into.add(found.group(1))
    elif isinstance(value, dict):
        for v in value.values():
            lexicons_named(v, into)
    elif isinstance(value, list | tuple):
        for v in value:
            lexicons_named(v, into)
    return into


def resolve_terms(templates, lexicons: dict, lang: str) -> list[str]:
    """Phrase templates with each `{@name}` replaced by a choice of the lexicon's phrases."""
    out = []
    for template in templates:
        resolved = LEXICON_REF.sub(
            lambda m: "{" + "|".join(lexicon_phrases(lexicons, m.group(1), lang)) + "}", template)
        if resolved != template:
            expand(resolved)  # the phrase cap holds for what a lexicon makes of a template
        out.append(resolved)
    return out


def resolve_regex(source: str, lexicons: dict, lang: str) -> str:
    """A regular expression with each `{@name}` replaced by an alternation of the lexicon's phrases
    (escaped; a space matches any run of white space), written as a trie (`trie_alternation`)."""
    from ..normalize import normalize  # (the text a regex runs on is normalized: so are the entries)

    fold = "i" in (_LEADING_FLAGS.match(source).group(1) or "")

    def alternation(m):
        name = m.group(1)
        entries = lexicons.get(name, {}).get(lang)
        key = (name, lang, fold, tuple(entries) if entries else None)
        trie = _TRIES.get(key)
        if trie is None:  # (a lexicon is named in many patterns: its trie is written once)
            phrases = [normalize(p).text.split(" ") for p in lexicon_phrases(lexicons, name, lang)]
            trie = trie_alternation(phrases, fold=fold)
            if len(_TRIES) >= 512:
                _TRIES.clear()
            _TRIES[key] = trie
        if len(trie) >= SHARED_TRIE:
            SHARED_TRIES[trie] = None
        return trie
    return LEXICON_REF.sub(alternation, source)


_TRIES: dict[tuple, str] = {}  # (lexicon, language, case folded, its entries) -> its trie


#: lexicon tries of SHARED_TRIE characters or more that `resolve_regex` wrote: a pattern's analysis
#: parses each once, however many patterns and places hold it (`matcher._parse`)
SHARED_TRIE = 400
SHARED_TRIES: dict[str, None] = {}


_LEADING_FLAGS = re.compile(r"((?:\(\?[a-zA-Z]+\))*)")


def trie_alternation(phrases: list[list[str]], fold: bool = False) -> str:
    """A non-capturing group matching any of `phrases` (each a list of words; consecutive words are
    separated by `\\s+`), shaped as a trie: `los(?:t(?:\\s+weight)?|e|ing)` for lost, lost weight,
    lose, losing. A lexicon of hundreds of phrases then costs the regex engine one branch per letter
    read at each position instead of one per phrase. It
    matches what the flat alternation of the phrases, longest first, matches: at each node the longer
    continuations are tried before the phrase that ends there. `fold`: the regex is case-insensitive,
    so phrases differing only in case share their branch (one branch per letter, as above)."""
    root: dict = {}
    for words in phrases:
        node = root
        for i, word in enumerate(words):
            if i:
                node = node.setdefault(" ", {})
            for ch in (word.lower() if fold else word):
                node = node.setdefault(ch, {})
        node[""] = {}

    def emit(node: dict) -> str:
        branches = [(r"\s+" if key == " " else re.escape(key)) + emit(child)
                    for key, child in node.items() if key]
        if not branches:
            return ""
        if len(branches) == 1:
            body = branches[0]
            if "" not in node:
                return body
            return body + "?" if len(body) == 1 else f"(?:{body})?"
        return "(?:" + "|".join(branches) + (")?" if "" in node else ")")

    return "(?:" + emit(root) + ")"


def resolve_patterns(patterns, lexicons: dict, lang: str) -> list:
    """Token patterns with each `"@name"` member of an `IN` list replaced by the lexicon's words
    (one token each: a pattern token is one word)."""
    out = []
    for pattern in patterns:
        tokens = []
        for token in pattern:
            token = dict(token)
            for attr, value in list(token.items()):
                if isinstance(value, dict) and isinstance(value.get("IN"), list):
                    members: list = []
                    for member in value["IN"]:
                        m = _PATTERN_REF.match(member) if isinstance(member, str) else None
                        if m is None:
                            members.append(member)
                            continue
                        for phrase in lexicon_phrases(lexicons, m.group(1), lang):
                            if " " in phrase:
                                raise LexiconError(f"lexicon '@{m.group(1)}': {phrase!r} is more than one word, "
                                                   "and a pattern token matches one")
                            members.append(phrase if attr != "LOWER" else phrase.lower())
                    token[attr] = dict(value) | {"IN": list(dict.fromkeys(members))}
            tokens.append(token)
        out.append(tokens)
    return out


_SPEC_RESOLVERS = {"terms": resolve_terms, "phrases": resolve_terms, "patterns": resolve_patterns,
                   "regex": resolve_regex}


def resolve_block(block: dict, lexicons: dict, languages) -> dict:
    """A matcher block (a rule, an `unless` entry, a `require` label...) with its lexicon references
    resolved: a value that names one becomes a per-language mapping (`languages`: the rule's)."""
    out = block
    for key, resolver in _SPEC_RESOLVERS.items():
        value = block.get(key)
        if value is None or not lexicons_named(value):
            continue
        if out is block:
            out = dict(block)
        per_lang = value if isinstance(value, dict) else {lang: value for lang in languages}
        try:
            out[key] = {lang: resolver(v, lexicons, lang) for lang, v in per_lang.items()}
        except (LexiconError, TemplateError) as exc:
            raise LexiconError(f"field '{key}': {exc}") from None
    return out
