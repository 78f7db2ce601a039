"""A regular expression's relaxed form, which RE2 runs before the pattern itself.

Most of a post's time goes to the packs' regular expressions (claims built from lexicons: tries of
thousands of phrases), and on most posts they find nothing. The `regex` module is a backtracking
engine: a trie of 400 kB is tried at every position of a long description. RE2 runs a DFA instead, one
pass over the text whatever the pattern's size, but it has no look-arounds, back-references,
possessive repeats or Unicode word edges.

`relax(pattern)` writes a pattern RE2 can run that matches wherever the pattern matches (it may match
more): a search of the relaxed form that finds nothing proves the pattern finds nothing, and the
pattern is not run. It is never a reason to report anything. How each construct is relaxed:

- a look-around (`(?=...)`, `(?!...)`, `(?<=...)`, `(?<!...)`) holds everywhere: it is left out;
- a word edge (`\\b`, `\\B`), an anchor (`^`, `$`, `\\A`, `\\Z`) holds everywhere; a `\\b` that begins
  the pattern (or one of its alternatives, before anything is read), before what always begins with
  a word character (`_word_first`), is read as "the text starts here, or a character that is no word
  character comes first", which lets RE2's DFA start at word starts only;
- a possessive repeat or an atomic group is read as the plain repeat or group;
- a character class (`[...]`, `\\w`, `\\p{Han}`, `\\s`, ...) is read as the class of its ASCII members,
  exactly as `regex` reads them (each character tried), and every character from U+0080 on when it
  holds any of those: a class is then a few ranges, however large it is in Unicode (and however
  RE2's Unicode tables differ from the `regex` module's);
- `.` also matches a line break; inline flags are kept (`i`, `m`, `s`), a global one for the whole
  pattern.

Anything else (back-references, verbose patterns, conditionals, fuzzy matching, `\\K`, nested sets) makes
`relax` return None: the pattern runs as it always did. `tests/test_prefilters.py` checks that the
relaxed form of every shipped pattern matches each example and evaluation text its pattern matches;
`tests/test_relaxed.py` each construct.

A relaxed form is compiled once a pattern has met `WARM_UP` texts (`may_match`: a check of one
caption does not pay for it) and kept per process; its DFA grows as it meets texts, up to `MAX_MEM`.
One longer than `MAX_LENGTH` characters, or whose RE2 program is larger than `MAX_PROGRAM`, is not
run (the largest lexicon tries: their DFA outgrows any budget, and RE2 then falls back to a search
slower than the `regex` module's).
"""

from __future__ import annotations

import regex

MAX_MEM = 64 << 20  # bytes RE2 may use for one pattern (its program and its DFA's states)
MAX_PROGRAM = 150_000  # RE2 instructions: a larger relaxed form is not run
MAX_LENGTH = 400_000  # characters: a longer relaxed form is not written (its program would be larger)
WARM_UP = 16  # texts a pattern is searched in as written before its relaxed form is compiled

_PLAIN = regex.compile(r"[^\\\[\](){}|?*+.^$#\s]+")  # characters that stand for themselves
_QUANTIFIER = regex.compile(r"\{(\d*)(,?)(\d*)\}")
_FLAGS = regex.compile(r"\(\?([a-zA-Z]*)(?:-([a-zA-Z]*))?([:)])")
_SHORTHANDS = frozenset("wWdDsSh")  # class escapes (`\h`: horizontal space; `\v` is a character)
_EDGE_FREE = frozenset("bBAZzGmM")  # zero-width escapes (word edges, anchors): hold everywhere
_CHAR_ESCAPES = {"t": "\t", "n": "\n", "r": "\r", "f": "\f", "v": "\v", "a": "\a"}


class Unsupported(Exception):
    """A construct `relax` does not read."""


class _Retry(Exception):
    """A group that holds a word edge read as a character is repeated: relaxed again without that."""


def relax(pattern: str) -> str | None:
    """An RE2 pattern that matches wherever `pattern` (for the `regex` module) does; None where
    `pattern` holds a construct this does not read."""
    try:
        try:
            found = _relax(pattern, edges=True)
        except _Retry:
            found = _relax(pattern, edges=False)
    except (Unsupported, ValueError, IndexError, regex.error):
        return None
    return found if len(found) <= MAX_LENGTH else None


_CLASSES: dict[str, str] = {}
_NON_ASCII: list[str] = []  # (every character from U+0080 on, but surrogates: made once)
# a class of ASCII characters and escaped punctuation, not negated: it holds ASCII characters only
_ASCII_CLASS = regex.compile(r"\[(?!\^)(?:[\x00-\x5b\x5d-\x7f]|\\[\x00-\x2f\x3a-\x40\x5b-\x60\x7b-\x7f])*\]")


def _class(source: str) -> str:
    """An RE2 class (with its brackets) holding every character the `regex` class `source` holds:
    its ASCII members exactly, all of U+0080 on when it holds any other character."""
    found = _CLASSES.get(source)
    if found is None:
        rx = regex.compile(source)
        members = [c for c in range(128) if rx.match(chr(c))]
        ranges: list[list[int]] = []
        for c in members:
            if ranges and ranges[-1][1] == c - 1:
                ranges[-1][1] = c
            else:
                ranges.append([c, c])
        if not _ASCII_CLASS.fullmatch(source):  # (else it holds no other character: not searched for one)
            if not _NON_ASCII:
                _NON_ASCII.append("".join(map(chr, range(0x80, 0xD800))) + "".join(map(chr, range(0xE000, 0x110000))))
            if rx.search(_NON_ASCII[0]):
                ranges.append([0x80, 0x10FFFF])
        if not ranges:
            raise Unsupported("an empty class")
        found = _CLASSES[source] = "[" + "".join(
            _hex(a) if a == b else f"{_hex(a)}-{_hex(b)}" for a, b in ranges) + "]"
    return found


def _hex(c: int) -> str:
    return f"\\x{{{c:x}}}"


def _class_end(src: str, i: int) -> int:
    """The index after the `]` that closes the class opened at `src[i]`."""
    k = i + 1
    if src.startswith("^", k):
        k += 1
    if src.startswith("]", k):
        k += 1
    while k < len(src):
        c = src[k]
        if c == "\\":
            k += 2
            continue
        if c == "[":
            raise Unsupported("a nested set or a POSIX class")
        if c == "]":
            return k + 1
        k += 1
    raise Unsupported("an unclosed class")


_GROUPING = regex.compile(r"[\\\[()|]")


def _group(src: str, i: int) -> tuple[int, list[int]]:
    """For the group opened at `src[i]`: the index after the `)` that closes it, and where each of
    its top-level alternatives begins (after its `(`, `(?:` or `(?>`)."""
    body = i + (3 if src.startswith("(?", i) else 1)
    starts, depth, k = [body], 0, i
    while True:
        found = _GROUPING.search(src, k)  # (the next character that opens, closes or splits)
        if found is None:
            break
        k = found.start()
        c = src[k]
        if c == "\\":
            k += 2
            continue
        if c == "[":
            k = _class_end(src, k)
            continue
        if c == "(":
            depth += 1
        elif c == ")":
            depth -= 1
            if depth == 0:
                return k + 1, starts
        elif c == "|" and depth == 1:
            starts.append(k + 1)
        k += 1
    raise Unsupported("an unclosed group")


_WORD_ESCAPES = ("\\w", "\\d", "\\p{L}", "\\p{Lu}", "\\p{Ll}", "\\p{Lt}", "\\p{Lm}", "\\p{Lo}", "\\p{Nd}", "\\pL")


def _word_first(src: str, i: int) -> bool:
    """Whether every match of the pattern from `src[i]` on begins with a word character (then a `\\b`
    before it has a character that is no word character, or the text's start, before it). Shown
    for a letter or digit, a class escape of word characters, or a group each of whose alternatives
    begins so, none of them optional; anything else: False."""
    if i >= len(src):
        return False
    c = src[i]
    if c.isascii() and (c.isalnum() or c == "_"):
        end = i + 1
    elif c == "\\":
        word = next((e for e in _WORD_ESCAPES if src.startswith(e, i)), None)
        if word is None:
            return False
        end = i + len(word)
    elif c == "(":
        if src.startswith("(?", i) and not (src.startswith("(?:", i) or src.startswith("(?>", i)):
            return False  # (a look-around, a named group, flags: not shown)
        end, starts = _group(src, i)
        if not all(_word_first(src, at) for at in starts):
            return False
    else:
        return False
    if end < len(src) and src[end] in "?*":
        return False
    m = _QUANTIFIER.match(src, end)
    return m is None or int(m.group(1) or "0") > 0


def _escape(src: str, i: int) -> tuple[str, int]:
    """(what RE2 reads, the index after it) for the escape at `src[i]` outside a class."""
    c = src[i + 1]
    if c in "pP":
        end = src.index("}", i) + 1 if src.startswith("{", i + 2) else i + 3
        return _class("[" + src[i:end] + "]"), end
    if c in _SHORTHANDS:
        return _class("[\\" + c + "]"), i + 2
    if c in _EDGE_FREE:
        return "", i + 2
    if c == "x":
        if src.startswith("{", i + 2):
            end = src.index("}", i) + 1
            return _hex(int(src[i + 3:end - 1], 16)), end
        return _hex(int(src[i + 2:i + 4], 16)), i + 4
    if c == "u":
        return _hex(int(src[i + 2:i + 6], 16)), i + 6
    if c == "U":
        return _hex(int(src[i + 2:i + 10], 16)), i + 10
    if c in _CHAR_ESCAPES:
        return _hex(ord(_CHAR_ESCAPES[c])), i + 2
    if c.isalnum() or c == "_":  # back-references, \K, \X, \N{...}, \L<...>, octal codes
        raise Unsupported(f"\\{c}")
    return _hex(ord(c)), i + 2  # an escaped punctuation mark or space


def _relax(src: str, edges: bool) -> str:
    out: list[str] = []
    flags: set[str] = set()  # global inline flags: for the whole relaxed pattern
    # groups open: [whether nothing was read before it, whether it holds a word edge read as a character]
    stack: list[list[bool]] = []
    start = True  # nothing read yet on this path (a `\b` here may be read as a character before)
    i, n = 0, len(src)
    while i < n:
        c = src[i]
        plain = _PLAIN.match(src, i)
        if plain:
            out.append(plain.group())
            i, start = plain.end(), False
            continue
        if c == "\\":
            if i + 1 >= n:
                raise Unsupported("a pattern ending in a backslash")
            if edges and start and src[i + 1] == "b" and _word_first(src, i + 2):
                out.append("(?:^|" + _class("[\\W]") + ")")
                for group in stack:
                    group[1] = True
                i, start = i + 2, False
                continue
            text, i = _escape(src, i)
            out.append(text)
            start = start and not text
            continue
        if c == "[":
            end = _class_end(src, i)
            out.append(_class(src[i:end]))
            i, start = end, False
            continue
        if c == "|":
            out.append("|")
            i, start = i + 1, stack[-1][0] if stack else True
            continue
        if c == ")":
            if not stack:
                raise Unsupported("an unopened group")
            group = stack.pop()
            out.append(")")
            i, start = i + 1, False
            if group[1] and i < n and src[i] in "*+{":
                raise _Retry
            continue
        if c == "(":
            if not src.startswith("(?", i):
                out.append("(")
                stack.append([start, False])
                i += 1
                continue
            head = src[i + 2:i + 4]
            if head[:1] in "=!" or head in ("<=", "<!"):
                out.append("(?:)")  # (a look-around: holds everywhere)
                i = _group(src, i)[0]
                continue
            if head[:1] in ":>":
                out.append("(?:")
                stack.append([start, False])
                i += 3
                continue
            if head[:1] == "#":
                i = src.index(")", i) + 1
                continue
            if head[:1] == "<" or head == "P<":
                out.append("(?:")
                stack.append([start, False])
                i = src.index(">", i) + 1
                continue
            m = _FLAGS.match(src, i)
            if m is None:
                raise Unsupported(src[i:i + 4])
            on = m.group(1)
            if set(on + (m.group(2) or "")) - set("imsu"):
                raise Unsupported(f"flags {on}")
            on = "".join(f for f in on if f in "ims")  # (a flag turned off: on, which matches more)
            if m.group(3) == ")":
                flags.update(on)
            else:
                out.append(f"(?{on}:")
                stack.append([start, False])
            i = m.end()
            continue
        if c in "^$":
            i += 1
            continue
        if c == ".":
            out.append("(?s:.)")
            i, start = i + 1, False
            continue
        if c == "{":
            m = _QUANTIFIER.match(src, i)
            if m is None:  # (a brace of its own, or fuzzy matching: `{e<=1}`)
                raise Unsupported("a brace that is no repeat")
            low, comma, high = m.group(1) or "0", m.group(2), m.group(3)
            if int(low) > 1000:
                raise Unsupported("a repeat of more than 1,000")
            if comma and high and int(high) > 1000:
                high = ""  # (no upper bound: matches more)
            out.append("{" + low + ("," + high if comma else "") + "}")
            i = m.end()
            if src.startswith("+", i):  # (possessive)
                i += 1
            continue
        if c in "*+?":
            out.append(c)
            i += 1
            if src.startswith("+", i):  # (possessive)
                i += 1
            continue
        out.append(_hex(ord(c)))  # "}", "]", "#", white space: themselves
        i, start = i + 1, False
    if stack:
        raise Unsupported("an unclosed group")
    return (f"(?{''.join(sorted(flags))})" if flags else "") + "".join(out)


# --- running it ------------------------------------------------------------------------------------

# relaxed pattern -> searches made without it so far (an int), then its compiled RE2 search or None
_RE2: dict[str, object] = {}


def _compiled(relaxed: str):
    """RE2's search of `relaxed`, as a function of a text's UTF-8 (None: not run)."""
    import re2

    options = re2.Options()
    options.max_mem = MAX_MEM
    options.log_errors = False  # (a DFA out of memory falls back to a slower search; nothing to tell)
    try:
        rx = re2.compile(relaxed, options)._regexp
    except Exception:  # (RE2's error: a pattern it does not take, a program over its memory)
        return None
    if rx.ProgramSize() > MAX_PROGRAM:
        return None
    anchor = re2._re2.RE2.Anchor.UNANCHORED
    return lambda data: rx.Match(anchor, data, 0, len(data))[0][0] != -1


def search(relaxed: str, encoded: bytes | None) -> bool | None:
    """RE2's search of `relaxed` in the text whose UTF-8 is `encoded`: whether it finds something;
    None where it is not run (no RE2 form, or a text RE2 cannot read: `utf8`)."""
    found = _RE2.get(relaxed, 0)
    if type(found) is int:
        found = _RE2[relaxed] = _compiled(relaxed)
    if found is None or encoded is None:
        return None
    return found(encoded)


def may_match(relaxed: str, encoded: bytes | None) -> bool:
    """Whether the pattern relaxed to `relaxed` may match the text whose UTF-8 is `encoded`: False
    only where RE2's search of the relaxed form finds nothing. The first `WARM_UP` texts a pattern
    meets are not searched so (True): compiling a relaxed form costs up to a few tenths of a second,
    more than a check of one caption saves; an audit's patterns meet thousands of texts."""
    found = _RE2.get(relaxed, 0)
    if type(found) is int and found < WARM_UP:
        _RE2[relaxed] = found + 1
        return True
    return search(relaxed, encoded) is not False


def utf8(text: str) -> bytes | None:
    """The UTF-8 of `text` that RE2 reads; None with a lone surrogate, which it cannot."""
    try:
        return text.encode()
    except UnicodeEncodeError:
        return None
