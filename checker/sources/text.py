"""Plain text and Markdown files, with YAML front matter and shooting-script conventions.

One `Document` per file; `Document.text` is the decoded file and every segment's `origin` is that text.
Lines end at LF, CR LF or a lone CR (`split_lines`). YAML front matter runs from a first line ``---``
to the next ``---`` or ``...`` line; a ``---`` that no line closes is a rule line over the text, unless
the lines after it read as front matter with a key reelcheck reads (``market: us``): that is an error.

Markdown (``.md``) is read as prose: heading markers, list and quote markers, emphasis delimiters,
table pipes, HTML tags and link brackets/targets are left out of segment text (through `pieces`);
code spans, fenced code blocks, images, HTML comments and link reference definitions are not checked.
Plain ``.txt`` files keep every character except what the script conventions take out.

Script conventions (both formats), used when the document is a script: front matter ``type: script``,
or (unless ``type: caption``) any known speaker label or scene/shot heading in it.

- speaker lines ``HOST: ...``, ``VO:``, ``V.O.:``, ``SARAH (V.O.):``, ``**HOST:**``, ``主播：``; the
  label is left out of the text and becomes `Segment.speaker`; the kind comes from the label
  (``SUPER``/``ON-SCREEN``/``TEXT``/``字幕`` -> onscreen, ``CAPTION``/``文案`` -> caption,
  ``ACTION``/``SFX``/``画面`` -> direction, anything else -> spoken). A turn runs over the following
  unlabeled lines up to a blank line, a heading or the next label.
- scene/shot headings ``[SHOT 3]``, ``SCENE 2 – kitchen``, ``INT. KITCHEN – DAY``, ``镜头1``, ``场景2``
  -> one `direction` segment; so is a Markdown heading (``# Serum launch (paid partnership)``): in a
  script it is production metadata that viewers never see.
- directions in ``(...)``, ``[...]``, ``（...）``, ``【...】``: inside a spoken line, or making up a whole
  unlabeled line -> their own `direction` segment (without the brackets); the rest of a spoken line
  stays one segment around the gap. On-screen and caption lines keep their brackets as text.

Everything else is prose: kind `caption`, one segment per paragraph (lines joined with their newline),
a new segment for each list item, heading and table row.
"""

from __future__ import annotations

import unicodedata
from bisect import bisect_right
from dataclasses import dataclass

import regex
import yaml

from ..model import LINE_BREAK, Document, Meta, Segment
from ._segments import META_KEYS, Range, bounded, build, meta_from_values, reindex

# --- speaker labels ------------------------------------------------------------------------------

ONSCREEN_LABELS = {
    "SUPER", "ON-SCREEN", "ONSCREEN", "ON SCREEN", "ON-SCREEN TEXT", "ONSCREEN TEXT", "ON SCREEN TEXT",
    "TEXT", "TEXT ON SCREEN", "SCREEN TEXT", "TEXT OVERLAY", "OVERLAY", "GRAPHIC", "GRAPHICS", "GFX",
    "LOWER THIRD", "CARD", "TITLE CARD", "END CARD", "STICKER", "BANNER", "SUBTITLE", "CHYRON",
    "字幕", "花字", "屏幕文字", "屏幕字幕", "贴纸", "标题字幕", "画面文字", "大字",
}
CAPTION_LABELS = {
    "CAPTION", "POST CAPTION", "DESCRIPTION", "DESC", "TITLE", "POST TITLE", "HASHTAGS", "TAGS",
    "文案", "标题", "话题", "描述", "配文",
}
DIRECTION_LABELS = {
    "ACTION", "DIRECTION", "STAGE DIRECTION", "SFX", "FX", "MUSIC", "BGM", "SOUND", "AUDIO", "PROPS",
    "PROP", "LOCATION", "SETTING", "CAMERA", "CAM", "SHOT", "ANGLE", "TRANSITION", "CUT TO", "B-ROLL",
    "BROLL", "B ROLL", "VISUAL", "VISUALS", "NOTE", "NOTES", "WARDROBE", "LIGHTING",
    "画面", "动作", "音效", "音乐", "背景音乐", "备注", "道具", "转场", "机位", "运镜", "场景", "景别",
}
MUSIC_LABELS = {"MUSIC", "BGM", "SOUND", "AUDIO", "SONG", "TRACK", "音乐", "背景音乐", "音效"}
SPOKEN_LABELS = {
    "HOST", "CO-HOST", "VO", "V.O.", "V.O", "VOICEOVER", "VOICE-OVER", "VOICE OVER", "NARRATOR", "NARRATION",
    "PRESENTER", "INTERVIEWER", "GUEST", "CREATOR", "INFLUENCER", "CUSTOMER", "EXPERT", "DOCTOR", "CTA",
    "SPEAKER", "ANNOUNCER", "Q", "A",
    "主播", "画外音", "旁白", "口播", "主持人", "嘉宾", "解说", "达人", "博主", "顾客", "配音", "台词",
}
KNOWN_LABELS = ONSCREEN_LABELS | CAPTION_LABELS | DIRECTION_LABELS | SPOKEN_LABELS
# labels that mark a script even when not written in capitals ("Host:", "Voiceover:")
SCRIPT_MARKERS = {"HOST", "CO-HOST", "VO", "V.O.", "VOICEOVER", "VOICE-OVER", "VOICE OVER", "NARRATOR",
                  "PRESENTER", "SUPER", "ON-SCREEN", "ONSCREEN", "ON SCREEN", "ON-SCREEN TEXT", "SFX", "B-ROLL"}

_UPPER_WORD = r"\p{Lu}[\p{Lu}\p{Nd}.'’\-]*"
_KNOWN_LATIN = "|".join(
    regex.escape(label) for label in sorted(KNOWN_LABELS, key=len, reverse=True) if label.isascii()
)
_KNOWN_HAN = "|".join(sorted((label for label in KNOWN_LABELS if not label.isascii()), key=len, reverse=True))
LABEL_RE = regex.compile(
    rf"""
    (?P<pre>\*\*|__)?
    (?P<label>
        (?i:{_KNOWN_LATIN})(?![\p{{L}}\p{{N}}])
      | {_UPPER_WORD}(?:[ ](?:{_UPPER_WORD}|\p{{Nd}}+)){{0,2}}
      | (?:{_KNOWN_HAN})
    )
    (?P<mod>[ \t]*[(（][^()（）\n]{{1,24}}[)）])?
    (?P<post>\*\*|__)?
    [ \t]*[:：]
    (?P<post2>\*\*|__)?
    """,
    regex.VERBOSE,
)

# --- headings ------------------------------------------------------------------------------------

SCENE_RE = regex.compile(
    r"""
    (?:
        [\[【(（]?[ \t]*
        (?i:scene|shot|sc\.|seq\.?|sequence|clip|cut|part|take|frame|beat)[ \t]*\#?[ \t]*\d+[a-z]?
        [ \t]*[\]】)）]?
        (?=[ \t]*(?:$|[–—\-:：.|,]|[\]】)）]))
      | (?:INT|EXT|INT\./EXT|I/E)\.[ \t]
      | [\[【(（]?[ \t]*(?:镜头|场景|分镜|片段|画面)[ \t]*[\d一二三四五六七八九十]+
      | [\[【(（]?[ \t]*第[ \t]*[\d一二三四五六七八九十]+[ \t]*[幕场镜个段]
    )
    """,
    regex.VERBOSE,
)

# --- markdown block structure --------------------------------------------------------------------

FENCE_RE = regex.compile(r"[ ]{0,3}(`{3,}|~{3,})")
ATX_RE = regex.compile(r"[ ]{0,3}(#{1,6})(?:[ \t]+|$)")
ATX_CLOSE_RE = regex.compile(r"(?:[ \t]+#+)?[ \t]*$")
HR_RE = regex.compile(r"[ ]{0,3}(?:(?:\*[ \t]*){3,}|(?:-[ \t]*){3,}|(?:_[ \t]*){3,}|=+[ \t]*)$")
QUOTE_RE = regex.compile(r"[ ]{0,3}>[ ]?")
LIST_RE = regex.compile(r"[ \t]*(?:[-+*]|\d{1,9}[.)])[ \t]+(?:\[[ xX]\][ \t]+)?")
REFDEF_RE = regex.compile(r"[ ]{0,3}\[[^\]\n]+\]:[ \t]*\S")
TABLE_SEP_RE = regex.compile(r"[ \t]*\|?[ \t]*:?-{2,}:?[ \t]*(?:\|[ \t]*:?-{2,}:?[ \t]*)*\|?[ \t]*$")
HTML_INLINE_RE = regex.compile(
    r"<!--.*?-->|<(?:https?|mailto|ftp):[^>\s]*>|<[A-Za-z0-9._%+\-]+@[A-Za-z0-9.\-]+>|</?[A-Za-z][A-Za-z0-9\-]*(?:\s[^<>]*)?/?>",
    regex.DOTALL,
)
ASCII_PUNCT = set("!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~")

OPEN_CLOSE = {"(": ")", "[": "]", "（": "）", "【": "】"}


def _is_punct(ch: str) -> bool:
    return unicodedata.category(ch)[0] in "PS"


@dataclass(slots=True)
class _Line:
    start: int  # offset of the first character
    end: int  # offset just past the content (before its line break)
    newline: int | None  # offset of the line break's last character ("\n", or a lone "\r"), if any
    number: int  # 1-based


def split_lines(text: str) -> list[_Line]:
    """The lines of `text`, ending at CR LF, LF or a lone CR (`model.LINE_BREAK`: an old Mac file is as
    many lines as it shows, not one)."""
    lines = []
    number = 1
    if "\r" in text:
        pos = 0
        for m in LINE_BREAK.finditer(text):
            lines.append(_Line(pos, m.start(), m.end() - 1, number))
            pos = m.end()
            number += 1
        if pos < len(text):
            lines.append(_Line(pos, len(text), None, number))
        return lines
    pos = 0
    n = len(text)
    while pos < n:
        nl = text.find("\n", pos)
        if nl < 0:
            lines.append(_Line(pos, n, None, number))
            break
        lines.append(_Line(pos, nl, nl, number))
        pos = nl + 1
        number += 1
    return lines


FRONT_MATTER_LIMIT = 64 * 1024  # characters of YAML front matter read at most
FRONT_MATTER_DEPTH = 16  # levels of nesting in it


class _FrontMatterLoader(yaml.SafeLoader):
    """`yaml.SafeLoader` without aliases and with bounded nesting: a 600-byte front matter whose aliases
    refer to each other ("billion laughs") expanded to gigabytes, and 2,000 nested brackets exhausted the
    stack. Front matter holds a few flat values; an anchor or alias in it is refused."""

    depth = 0

    def compose_node(self, parent, index):
        if self.check_event(yaml.AliasEvent):
            raise yaml.composer.ComposerError(None, None, "aliases (*name) are not allowed in front matter",
                                              self.peek_event().start_mark)
        self.depth += 1
        try:
            if self.depth > FRONT_MATTER_DEPTH:
                raise yaml.composer.ComposerError(
                    None, None, f"front matter nested more than {FRONT_MATTER_DEPTH} levels deep",
                    self.peek_event().start_mark)
            return super().compose_node(parent, index)
        finally:
            self.depth -= 1


def _load_front_matter(body: str):
    """The YAML value of a front matter body (`_FrontMatterLoader`); raises yaml.YAMLError, or ValueError
    for a value that cannot be built (a date 2020-99-99)."""
    loader = _FrontMatterLoader(body)
    try:
        return loader.get_single_data()
    finally:
        loader.dispose()


class FrontMatterError(ValueError):
    def __init__(self, message: str, line: int):
        super().__init__(message)
        self.line = line


def front_matter(text: str, lines: list[_Line]) -> tuple[Meta, int]:
    """(Meta from a leading ``---`` YAML block, number of lines it takes); (Meta(), 0) without one."""
    if not lines or text[lines[0].start:lines[0].end].rstrip() != "---":
        return Meta(), 0
    for i in range(1, len(lines)):
        if text[lines[i].start:lines[i].end].rstrip() in ("---", "..."):
            break
    else:
        last = _unclosed_front_matter(text, lines)
        if last is not None:
            raise FrontMatterError(f"front matter is never closed: add a '---' line after line {last}", 1)
        return Meta(), 0  # no closing marker: not front matter, just a rule line
    body = text[lines[1].start:lines[i].start] if i > 1 else ""
    if len(body) > FRONT_MATTER_LIMIT:
        raise FrontMatterError(f"front matter is longer than {FRONT_MATTER_LIMIT // 1024} KB "
                               f"({len(body):,} characters)", 1)
    try:
        data = _load_front_matter(body) if body.strip() else {}
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = lines[1].number + mark.line if mark is not None else 1
        problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
        raise FrontMatterError(f"front matter is not valid YAML: {problem}", line) from None
    except (ValueError, TypeError, OverflowError, RecursionError) as exc:  # a value YAML reads but cannot build
        raise FrontMatterError(f"front matter is not valid YAML: {str(exc)[:100]}", 1) from None
    if data is None:
        data = {}
    if not isinstance(data, dict):
        raise FrontMatterError("front matter must be a mapping of keys to values", 1)
    values = {}
    for key, value in data.items():
        target = META_KEYS.get(str(key).strip().lower())
        if target:
            values[target] = value
    try:
        meta = meta_from_values(values)
    except ValueError as exc:
        raise FrontMatterError(f"front matter: {exc}", 1) from None
    if meta.type not in (None, "script", "caption"):
        raise FrontMatterError(f"front matter: type must be script or caption, not {meta.type!r}", 1)
    return meta, i + 1


_YAML_KEY = regex.compile(r"[ \t]*([A-Za-z_][\w \-]*?)[ \t]*:(?:[ \t]|$)")
_YAML_MORE = regex.compile(r"[ \t]+\S|[ \t]*-[ \t]|[ \t]*#")  # an indented value, a list item, a comment


def _unclosed_front_matter(text: str, lines: list[_Line]) -> int | None:
    """For a file whose first line is ``---`` and no line closes it: the number of the last line of
    the front matter it opens, when the lines after it read as front matter (``key: value`` lines, their
    indented values and list items, up to a blank line or other text) and one of the keys is one
    reelcheck reads (`META_KEYS`: ``market:``, ``type:``...); None when the ``---`` is a rule line
    over text (a speaker line ``HOST: hi`` is not front matter)."""
    last = None
    known = False
    for line in lines[1:]:
        content = text[line.start:line.end]
        if not content.strip():
            break
        key = _YAML_KEY.match(content)
        if key is not None and not content[:1].isspace():
            known = known or key.group(1).strip().lower() in META_KEYS
        elif last is None or not _YAML_MORE.match(content):
            break
        last = line.number
    return last if known else None


# --- inline --------------------------------------------------------------------------------------


def _match_bracket(text: str, i: int, end: int, open_ch: str, close_ch: str) -> int:
    """Offset of the bracket closing the one at `i` (nesting, backslash escapes), or -1."""
    return _Brackets(text, i, end, open_ch, close_ch).match(i)


class _Brackets:
    """Where each bracket of a line closes, from one pass over it (finding it bracket by bracket scanned to
    the end of the line each time: a line of 20,000 brackets took 17 s). The brackets of the line, read from its start (a backslash escapes the next character), each
    move a level up or down; a bracket opened at `i` closes at the first bracket after it that takes the
    level below the level at `i` (`nxt`, the next lower level, found for all at once)."""

    __slots__ = ("positions", "nxt", "first_negative")

    def __init__(self, text: str, start: int, end: int, open_ch: str, close_ch: str):
        positions: list[int] = []
        levels: list[int] = []
        level = 0
        j = start
        while j < end:
            ch = text[j]
            if ch == "\\":
                j += 2
                continue
            if ch == open_ch or ch == close_ch:
                level += 1 if ch == open_ch else -1
                positions.append(j)
                levels.append(level)
            j += 1
        nxt = [-1] * len(levels)
        stack: list[int] = []
        for k in range(len(levels) - 1, -1, -1):
            while stack and levels[stack[-1]] >= levels[k]:
                stack.pop()
            nxt[k] = stack[-1] if stack else -1
            stack.append(k)
        self.positions = positions
        self.nxt = nxt
        self.first_negative = next((k for k, lv in enumerate(levels) if lv < 0), -1)

    def match(self, i: int) -> int:
        """The bracket closing the one at `i` (also one read as escaped from the line's start), or -1."""
        k = bisect_right(self.positions, i) - 1
        found = self.nxt[k] if k >= 0 else self.first_negative
        return self.positions[found] if found >= 0 else -1


class _Inline:
    """Which characters of one line's content are kept, and which bracketed spans are directions."""

    def __init__(self, text: str, start: int, end: int, markdown: bool, directions: bool, table: bool):
        self.text = text
        self.start = start
        self.end = end
        self._pairs: dict[str, _Brackets] = {}  # by opening bracket
        n = end - start
        self.keep = [True] * n
        self.dropped = False  # whether any character was dropped (most lines of a caption keep every one)
        self.locked = [False] * n  # code, link targets...: no emphasis or direction inside
        self.directions: list[list[Range]] = []
        if markdown:
            self._markdown(table)
            self._emphasis()
        if directions:
            self._directions()

    def _match(self, i: int, open_ch: str, close_ch: str) -> int:
        """`_match_bracket(self.text, i, self.end, open_ch, close_ch)`, from a map made once per line."""
        brackets = self._pairs.get(open_ch)
        if brackets is None:
            brackets = self._pairs[open_ch] = _Brackets(self.text, self.start, self.end, open_ch, close_ch)
        return brackets.match(i)

    def _drop(self, s: int, e: int, lock: bool = True) -> None:
        if s < e:
            self.dropped = True
        for k in range(s - self.start, e - self.start):
            self.keep[k] = False
            if lock:
                self.locked[k] = True

    def _collapse(self, s: int, e: int) -> None:
        """After dropping [s, e): drop the spaces after it if the kept text before it ends in a space."""
        start = self.start
        prev = s - 1
        while prev >= start and not self.keep[prev - start]:
            prev -= 1
        if prev < start or self.text[prev].isspace():
            k = e
            while k < self.end and self.text[k] in " \t" and self.keep[k - start]:
                self._drop(k, k + 1, lock=False)
                k += 1

    def _markdown(self, table: bool) -> None:
        text, end = self.text, self.end
        i = self.start
        while i < end:
            if self.locked[i - self.start]:
                i += 1
                continue
            ch = text[i]
            if ch == "\\" and i + 1 < end and text[i + 1] in ASCII_PUNCT:
                self._drop(i, i + 1)
                self.locked[i + 1 - self.start] = True
                i += 2
                continue
            if ch == "`":
                run = 1
                while i + run < end and text[i + run] == "`":
                    run += 1
                j = i + run
                close = -1
                while j < end:
                    k = text.find("`" * run, j, end)
                    if k < 0:
                        break
                    if (k + run < end and text[k + run] == "`"):
                        j = k + run
                        while j < end and text[j] == "`":
                            j += 1
                        continue
                    close = k
                    break
                if close < 0:
                    i += run
                    continue
                self._drop(i, close + run)
                self._collapse(i, close + run)
                i = close + run
                continue
            if ch == "<":
                m = HTML_INLINE_RE.match(text, i, end)
                if m:
                    self._drop(i, m.end())
                    i = m.end()
                    continue
            if ch == "!" and i + 1 < end and text[i + 1] == "[":
                link = self._link(i + 1)
                if link:
                    self._drop(i, link[2])
                    self._collapse(i, link[2])
                    i = link[2]
                    continue
            if ch == "[":
                link = self._link(i)
                if link:
                    text_end, link_end = link[1], link[2]
                    self._drop(i, i + 1)
                    self._drop(text_end, link_end)
                    i += 1
                    continue
            if table and ch == "|":
                self._drop(i, i + 1)
            i += 1

    def _link(self, i: int) -> tuple[int, int, int] | None:
        """For `[text](target)` / `[text][ref]` at `i`: (text start, text end, end of the link)."""
        text, end = self.text, self.end
        close = self._match(i, "[", "]")
        if close < 0 or close + 1 >= end:
            return None
        nxt = text[close + 1]
        if nxt == "(":
            stop = self._match(close + 1, "(", ")")
        elif nxt == "[":
            stop = self._match(close + 1, "[", "]")
        else:
            return None
        if stop < 0:
            return None
        return i + 1, close, stop + 1

    def _emphasis(self) -> None:
        text, start, end = self.text, self.start, self.end
        runs = []  # (char, s, e, can_open, can_close)
        i = start
        while i < end:
            ch = text[i]
            if ch in "*_~" and self.keep[i - start] and not self.locked[i - start]:
                j = i
                while j < end and text[j] == ch and self.keep[j - start] and not self.locked[j - start]:
                    j += 1
                before = text[i - 1] if i > start else " "
                after = text[j] if j < end else " "
                left = not after.isspace() and (not _is_punct(after) or before.isspace() or _is_punct(before))
                right = not before.isspace() and (not _is_punct(before) or after.isspace() or _is_punct(after))
                if ch == "_":
                    can_open = left and (not right or _is_punct(before))
                    can_close = right and (not left or _is_punct(after))
                elif ch == "~":
                    can_open, can_close = (left, right) if j - i == 2 else (False, False)
                else:
                    can_open, can_close = left, right
                runs.append((ch, i, j, can_open, can_close))
                i = j
                continue
            i += 1
        stack: list[tuple[str, int, int]] = []
        where: dict[str, list[int]] = {"*": [], "_": [], "~": []}  # places in `stack` of each delimiter
        for ch, s, e, can_open, can_close in runs:
            if can_close and where[ch]:  # closes the nearest opener of its kind, and any opened after it
                k = where[ch][-1]
                _, os_, oe = stack[k]
                self._drop(os_, oe, lock=False)
                self._drop(s, e, lock=False)
                del stack[k:]
                for places in where.values():
                    while places and places[-1] >= k:
                        places.pop()
                continue
            if can_open:
                where[ch].append(len(stack))
                stack.append((ch, s, e))

    def _directions(self) -> None:
        text, start, end = self.text, self.start, self.end
        i = start
        while i < end:
            ch = text[i]
            if ch in OPEN_CLOSE and self.keep[i - start] and not self.locked[i - start]:
                close = self._match(i, ch, OPEN_CLOSE[ch])
                if close > i:
                    inner = self._runs(i + 1, close)
                    if inner:
                        self.directions.append(inner)
                    self._drop(i, close + 1)
                    self._collapse(i, close + 1)
                    i = close + 1
                    continue
            i += 1

    def _runs(self, s: int, e: int) -> list[Range]:
        if not self.dropped:  # (every character kept: one run)
            return [(s, e)] if s < e else []
        runs: list[Range] = []
        run_start = None
        for k in range(s, e):
            if self.keep[k - self.start]:
                if run_start is None:
                    run_start = k
            elif run_start is not None:
                runs.append((run_start, k))
                run_start = None
        if run_start is not None:
            runs.append((run_start, e))
        return runs

    def main(self) -> list[Range]:
        return self._runs(self.start, self.end)


# --- the parser ----------------------------------------------------------------------------------


def label_kind(label: str) -> str:
    key = " ".join(label.upper().replace("_", " ").split())
    if key in ONSCREEN_LABELS or label in ONSCREEN_LABELS:
        return "onscreen"
    if key in CAPTION_LABELS or label in CAPTION_LABELS:
        return "caption"
    if key in DIRECTION_LABELS or label in DIRECTION_LABELS:
        return "direction"
    return "spoken"


@dataclass(slots=True)
class _Block:
    kind: str  # line | heading | skip | blank
    start: int = 0  # content span
    end: int = 0
    line: _Line | None = None
    list_item: bool = False
    table: bool = False


class TextParser:
    def __init__(self, text: str, markdown: bool, declared_type: str | None = None):
        self.text = text
        self.markdown = markdown
        self.declared_type = declared_type

    def blocks(self, lines: list[_Line], first: int) -> list[_Block]:
        text = self.text
        out: list[_Block] = []
        fence: str | None = None
        comment = False
        for line in lines[first:]:
            s, e = line.start, line.end
            raw = text[s:e]
            if not raw.strip():
                out.append(_Block("blank", line=line))
                continue
            if self.markdown:
                if fence is not None:
                    stripped = raw.strip()
                    if stripped.startswith(fence) and not stripped.strip(fence[0]):
                        fence = None
                    out.append(_Block("skip", line=line))
                    continue
                if comment:
                    if "-->" in raw:
                        comment = False
                    out.append(_Block("skip", line=line))
                    continue
                m = FENCE_RE.match(raw)
                if m:
                    fence = m.group(1)
                    out.append(_Block("skip", line=line))
                    continue
                if raw.lstrip().startswith("<!--") and "-->" not in raw:
                    comment = True
                    out.append(_Block("skip", line=line))
                    continue
                if HR_RE.match(raw) or REFDEF_RE.match(raw) or ("|" in raw and TABLE_SEP_RE.match(raw)
                                                                 and "-" in raw):
                    out.append(_Block("skip", line=line))
                    continue
                while True:
                    m = QUOTE_RE.match(text, s, e)
                    if not m:
                        break
                    s = m.end()
                m = ATX_RE.match(text, s, e)
                if m:
                    cs = m.end()
                    ce = ATX_CLOSE_RE.search(text, cs, e).start()
                    out.append(_Block("heading", cs, max(cs, ce), line))
                    continue
                m = LIST_RE.match(text, s, e)
                if m:
                    out.append(_Block("line", m.end(), e, line, list_item=True))
                    continue
                if text[s:e].lstrip().startswith("|"):
                    out.append(_Block("line", s, e, line, table=True))
                    continue
            while s < e and text[s] in " \t\u3000":
                s += 1
            out.append(_Block("line", s, e, line))
        return out

    def _label(self, block: _Block):
        m = LABEL_RE.match(self.text, block.start, block.end)
        if not m:
            return None
        label = m.group("label")
        if m.group("pre") and not (m.group("post") or m.group("post2")):
            return None
        if not self._is_known(label) and sum(c.isalpha() for c in label) < 2:
            return None
        return m, label

    @staticmethod
    def _is_known(label: str) -> bool:
        return label in KNOWN_LABELS or " ".join(label.upper().split()) in KNOWN_LABELS

    @staticmethod
    def _marks_script(label: str) -> bool:
        """A label that makes a document a script by itself (a bare "Note:" or "Title:" does not)."""
        if not label.isascii():
            return label in KNOWN_LABELS
        key = " ".join(label.upper().split())
        if key not in KNOWN_LABELS:
            return False
        return label.isupper() or key in SCRIPT_MARKERS

    def is_script(self, blocks: list[_Block]) -> bool:
        if self.declared_type == "script":
            return True
        if self.declared_type == "caption":
            return False
        caps_labels = set()
        for block in blocks:
            if block.kind not in ("line", "heading"):
                continue
            if SCENE_RE.match(self.text, block.start, block.end):
                return True
            if block.kind == "line":
                found = self._label(block)
                if found:
                    if self._marks_script(found[1]):
                        return True
                    if not self._is_known(found[1]):
                        caps_labels.add(found[1])
                    if len(caps_labels) >= 2:
                        return True
        return False

    def segments(self, lines: list[_Line], first: int) -> tuple[list[Segment], bool]:
        text = self.text
        blocks = self.blocks(lines, first)
        script = self.is_script(blocks)
        segments: list[Segment] = []
        current: dict | None = None  # {"kind", "speaker", "ranges"}
        turn: tuple[str, str] | None = None  # (kind, speaker)

        def flush():
            nonlocal current
            if current is not None:
                seg = build(text, current["ranges"], current["kind"], speaker=current["speaker"])
                if seg is not None:
                    segments.append(seg)
            current = None

        def emit(ranges, kind, speaker=None):
            seg = build(text, ranges, kind, speaker=speaker)
            if seg is not None:
                segments.append(seg)

        for block in blocks:
            if block.kind in ("blank", "skip"):
                flush()
                if block.kind == "blank":
                    turn = None
                continue
            if block.kind == "heading" or (script and SCENE_RE.match(text, block.start, block.end)):
                flush()
                turn = None
                inline = _Inline(text, block.start, block.end, self.markdown, False, False)
                ranges = inline.main()
                # in a script a heading is production metadata (a title, "(paid partnership)"): viewers never
                # see it, so it is a direction (no disclosure, no claim made to them)
                kind = "direction" if script else "caption"
                if script and SCENE_RE.match(text, block.start, block.end):
                    ranges = _strip_brackets(text, ranges)
                emit(ranges, kind)
                continue
            start = block.start
            labelled = False
            if script:
                found = self._label(block)
                if found:
                    m, label = found
                    flush()
                    speaker = label.strip()
                    turn = (label_kind(speaker), speaker)
                    # a music cue keeps its label ("BGM: ..."): the label is what music rules look for
                    start = m.start() if speaker.upper() in MUSIC_LABELS else m.end()
                    labelled = True
            kind, speaker = turn if turn else ("caption", None)
            if script and not labelled and _whole_line_direction(text, start, block.end):
                # "(holds up the jar)" on its own line is a direction whoever's turn it is
                flush()
                inline = _Inline(text, start, block.end, self.markdown, True, False)
                for direction in inline.directions:
                    emit(direction, "direction", speaker if kind == "spoken" else None)
                continue
            if block.list_item or block.table:
                flush()
            directions = script and (turn is None or kind == "spoken")
            inline = _Inline(text, start, block.end, self.markdown, directions, block.table)
            main = inline.main()
            if turn is None and inline.directions and any(text[s:e].strip() for s, e in main):
                # outside a speaker's turn only a line that is all direction counts as one:
                # "(holds up the jar)" is a direction, "US (English) and Douyin" is prose
                inline = _Inline(text, start, block.end, self.markdown, False, block.table)
                main = inline.main()
            for direction in inline.directions:
                emit(direction, "direction", speaker if kind == "spoken" else None)
            if not any(text[s:e].strip() for s, e in main):
                if inline.directions:
                    flush()
                continue
            if current is not None and not labelled and current["kind"] == kind \
                    and current["speaker"] == speaker and not current.get("item"):
                nl = current["newline"]
                if nl is not None:
                    current["ranges"].append((nl, nl + 1))
                current["ranges"].extend(main)
                current["newline"] = block.line.newline
            else:
                flush()
                current = {"kind": kind, "speaker": speaker, "ranges": list(main),
                           "newline": block.line.newline, "item": block.list_item or block.table}
        flush()
        return reindex(segments), script


def _whole_line_direction(text: str, start: int, end: int) -> bool:
    s, e = start, end
    while s < e and text[s] in " \t\u3000":
        s += 1
    while e > s and text[e - 1] in " \t\u3000":
        e -= 1
    if s >= e or text[s] not in OPEN_CLOSE:
        return False
    return _match_bracket(text, s, e, text[s], OPEN_CLOSE[text[s]]) == e - 1


def _strip_brackets(text: str, ranges: list[Range]) -> list[Range]:
    """`[SHOT 3]` -> `SHOT 3`: drop one bracket pair around a heading."""
    if not ranges:
        return ranges
    ranges = list(ranges)
    s, e = ranges[0]
    while s < e and text[s] in " \t":
        s += 1
    if s < e and text[s] in OPEN_CLOSE:
        close_ch = OPEN_CLOSE[text[s]]
        ranges[0] = (s + 1, e)
        for k, (rs, re_) in enumerate(ranges):
            idx = text.find(close_ch, rs, re_)
            if idx >= 0:
                ranges[k:k + 1] = [(rs, idx), (idx + 1, re_)]
                break
    return ranges


def parse_text(path: str, text: str, fmt: str, defaults: Meta) -> Document:
    """One document for a .txt/.md file (raises FrontMatterError for broken front matter)."""
    lines = split_lines(text)
    meta, first = front_matter(text, lines)
    declared = meta.type or defaults.type
    parser = TextParser(text, markdown=(fmt == "markdown"), declared_type=declared)
    segments, script = parser.segments(lines, first)
    if declared is None:
        meta.type = "script" if script else "caption"
    return Document(path=path, segments=bounded(segments), meta=defaults.merged(meta), text=text, format=fmt)
