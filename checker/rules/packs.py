"""Loading rule packs: YAML files under `rules/<market>/` (and `--packs DIR`), validated, resolved.

A bad pack stops the run with `PackError`, whose message names the file, line and field.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

import yaml

from ..model import SEGMENT_KINDS, SEVERITY_RANK, UsageError
from . import kinds as kind_registry
from . import phrases

DEFAULT_APPLIES_TO = frozenset(k for k in SEGMENT_KINDS if k != "direction")
_SCHEMA_PATH = Path(__file__).with_name("pack.schema.json")


class PackError(UsageError):
    pass


def builtin_rules_dir() -> Path:
    """The packs shipped with reelcheck: `$REELCHECK_RULES`, the installed copy, or the checkout's."""
    env = os.environ.get("REELCHECK_RULES")
    if env:
        return Path(env)
    checkout = Path(__file__).resolve().parent.parent.parent / "rules"
    if (checkout / "global" / "pack.yaml").is_file():
        return _display(checkout)
    return Path(__file__).resolve().parent.parent / "_packs"  # installed from a wheel


def _display(path: Path) -> Path:
    """A path relative to the working directory when it is below it (shorter error messages)."""
    try:
        return path.relative_to(Path.cwd())
    except ValueError:
        return path


# --- YAML with line numbers -------------------------------------------------------------------

class _LineLoader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):  # libyaml when available
    pass


class LineDict(dict):
    """A mapping that remembers the line of each of its keys (and its own)."""

    line: int = 0
    key_lines: dict


def _construct_mapping(loader, node, deep=False):
    loader.flatten_mapping(node)
    mapping = LineDict()
    mapping.line = node.start_mark.line + 1
    mapping.key_lines = {}
    for key_node, value_node in node.value:
        key = loader.construct_object(key_node, deep=True)
        if not isinstance(key, str | int | float | bool) and key is not None:
            raise yaml.constructor.ConstructorError(
                None, None, "mapping keys must be plain values", key_node.start_mark
            )
        if key in mapping:
            raise yaml.constructor.ConstructorError(
                None, None, f"duplicate key {key!r}", key_node.start_mark
            )
        mapping[key] = loader.construct_object(value_node, deep=True)
        mapping.key_lines[key] = key_node.start_mark.line + 1
    return mapping


_LineLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)

# YAML 1.2 booleans only: in phrase lists `no`, `yes`, `on` and `off` are words, not booleans.
_LineLoader.yaml_implicit_resolvers = {
    first: [(tag, rx) for tag, rx in resolvers if tag != "tag:yaml.org,2002:bool"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}
_LineLoader.add_implicit_resolver(
    "tag:yaml.org,2002:bool", re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"), list("tTfF")
)


def _line_of(data: Any, path: list) -> int | None:
    """The line of the deepest mapping key on `path` that we know."""
    line = getattr(data, "line", None)
    node = data
    for part in path:
        if isinstance(node, LineDict):
            line = node.key_lines.get(part, line)
            node = node.get(part)
        elif isinstance(node, list) and isinstance(part, int) and part < len(node):
            node = node[part]
            line = getattr(node, "line", line)
        else:
            break
    return line


@cache
def _validator():
    import jsonschema

    from .. import vocabulary

    schema = json.loads(_SCHEMA_PATH.read_text(encoding="utf-8"))
    for name, values in (("severity", vocabulary.SEVERITIES), ("category", vocabulary.CATEGORIES),
                         ("segment_kind", vocabulary.SEGMENT_KINDS), ("product", vocabulary.PRODUCTS),
                         ("account", vocabulary.ACCOUNTS), ("platform", vocabulary.PLATFORMS)):
        schema["$defs"][name]["enum"] = list(values)
    rule = schema["$defs"]["rule"]
    rule["properties"]["kind"] = {"enum": sorted(kind_registry.KINDS)}
    conditions = []
    for name, kind in sorted(kind_registry.KINDS.items()):
        rule["properties"].update(kind.FIELDS)
        conditions.append(
            {
                "if": {"properties": {"kind": {"const": name}}, "required": ["kind"]},
                "then": {"required": list(kind.REQUIRED)},
            }
        )
    rule["additionalProperties"] = False
    rule["allOf"] = conditions
    return jsonschema.Draft202012Validator(schema)


def _describe(err) -> str:
    path = [p for p in err.absolute_path]
    where = ""
    if "rules" in path:
        i = path.index("rules")
        rest = path[i + 2 :]
        if rest:
            where = "field '" + ".".join(str(p) for p in rest) + "': "
    elif path:
        where = "field '" + ".".join(str(p) for p in path) + "': "
    if err.validator == "additionalProperties":
        known = list(err.schema.get("properties", {}))
        extra = sorted(set(err.instance) - set(known))
        import difflib

        close = difflib.get_close_matches(str(extra[0]), known, n=1) if extra else []
        hint = f" (did you mean '{close[0]}'?)" if close else ""
        return f"{where}unknown field {', '.join(repr(e) for e in extra)}{hint}"
    if err.validator == "required":
        return f"{where}{err.message}"
    if err.validator == "enum":
        return f"{where}{err.instance!r} is not one of {', '.join(map(str, err.validator_value))}"
    if err.validator == "oneOf":
        return f"{where}not a valid value ({_short(err.instance)})"
    return f"{where}{err.message}"


def _short(value: Any) -> str:
    text = repr(value)
    return text if len(text) < 60 else text[:57] + "..."


def _rule_id_at(data: Any, path: list) -> str | None:
    if len(path) >= 2 and path[0] == "rules" and isinstance(path[1], int):
        rules = data.get("rules") or []
        if path[1] < len(rules) and isinstance(rules[path[1]], dict):
            return rules[path[1]].get("id")
    return None


MAX_PACK_VALUES = 1_000_000  # values in one pack file once its aliases are expanded (a big pack has ~20,000)


def _expands_past(data: Any, limit: int) -> bool:
    """Whether `data`, read with every alias expanded (YAML shares an aliased node: "billion laughs" is a
    few hundred bytes that every later step would walk a billion times), holds more than `limit` values.
    Stops counting at `limit`, so it takes bounded time."""
    count = 0
    stack = [data]
    while stack:
        value = stack.pop()
        count += 1
        if count > limit:
            return True
        if isinstance(value, dict):
            stack.extend(value.values())
        elif isinstance(value, list):
            stack.extend(value)
    return False


def read_pack_file(path: Path, validate: bool = True) -> LineDict:
    """A pack file's YAML, checked against the pack schema unless `validate` is False (a file of a
    folder that passed validation as it is: `validated`)."""
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise PackError(f"{path}: cannot read pack file: {exc}") from None
    try:
        data = yaml.load(text, Loader=_LineLoader)  # noqa: S506 - a SafeLoader subclass
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
        line = f":{mark.line + 1}" if mark else ""
        problem = getattr(exc, "problem", None) or str(exc)
        raise PackError(f"{path}{line}: invalid YAML: {problem}") from None
    if data is None:
        data = LineDict()
    if not isinstance(data, dict):
        raise PackError(f"{path}:1: a pack file must be a mapping (with `rules:` or pack metadata)")
    if _expands_past(data, MAX_PACK_VALUES):
        raise PackError(f"{path}:1: the file expands to more than {MAX_PACK_VALUES:,} values (aliases of aliases: "
                        "a pack cannot be read in bounded time)")
    errors = list(_validator().iter_errors(data)) if validate else []
    if errors:
        # the most useful first: an unknown field (usually a typo), then the deepest problem
        def rank(e):
            return (e.validator != "additionalProperties", -len(e.absolute_path), list(map(str, e.absolute_path)))

        err = min(errors, key=rank)
        path_list = list(err.absolute_path)
        if err.validator == "additionalProperties":
            extra = sorted(set(err.instance) - set(err.schema.get("properties", {})))
            if extra:
                path_list.append(extra[0])
        line = _line_of(data, path_list) or 1
        rule_id = _rule_id_at(data, path_list)
        prefix = f"rule {rule_id}: " if rule_id else ""
        raise PackError(f"{path}:{line}: {prefix}{_describe(err)}")
    return data


# --- the resolved model -----------------------------------------------------------------------

@dataclass(eq=False)
class Rule:
    id: str
    kind: str
    category: str
    severity: str
    message: str
    rationale: str
    source: str
    suggestion: str | None
    pack: str  # market code of the pack that defines it
    file: str
    line: int
    languages: tuple[str, ...]
    applies_to: frozenset[str]
    when: dict
    unless: list[dict]
    examples: dict
    spec: dict  # the whole YAML mapping (kind-specific fields included)
    evidence: str | None = None
    replacements: dict = field(default_factory=dict)  # flagged words -> their rewording
    safe_replacements: frozenset = frozenset()  # (lower-cased) keys of those --fix may apply
    reviewed: str | None = None  # YYYY-MM-DD: when someone last checked the rule against its source
    # language -> {"message", "suggestion", "review"}: the rule's texts in other languages, from the packs'
    # `messages:` catalogues (see RuleSet.texts_for)
    texts: dict = field(default_factory=dict)

    @property
    def where(self) -> str:
        return f"{self.file}:{self.line}"

    def doc_anchor(self) -> str:
        return self.id.replace(".", "-")


@dataclass
class Market:
    code: str
    name: str
    languages: tuple[str, ...]
    version: str
    extends: str | None
    description: str
    settings: dict
    disable: set[str]
    overrides: dict[str, dict]
    files: list[str]
    own_rules: list[Rule]
    builtin: bool = True
    signals: list[dict] = field(default_factory=list)
    negation: dict = field(default_factory=dict)  # language -> cues that deny what follows them
    lexicons: dict = field(default_factory=dict)  # name -> {language: [entries]} (see `lexicons_of`)
    messages: list = field(default_factory=list)  # (language, rule id, texts, review, where) from `messages:`


@dataclass
class EffectiveRule:
    """A rule as it applies in one market (after `disable` and `overrides`)."""

    rule: Rule
    severity: str
    message: str
    suggestion: str | None


class RuleSet:
    """Every loaded market with its rules, resolved through `extends`. `replaced`: the rules a team pack
    replaced with `overrides: true` ({"rule", "pack", "where"}, named in every report's header)."""

    cache_key: str | None = None  # its key in the compiled-pack cache, when it came from or went there

    def __init__(self, markets: dict[str, Market], fingerprint: str, replaced: list[dict] | None = None):
        self.markets = markets
        self.fingerprint = fingerprint  # hash of every pack file's content
        self.replaced = list(replaced or ())
        self.rules: dict[str, Rule] = {}
        for market in markets.values():
            for rule in market.own_rules:
                self.rules[rule.id] = rule
        for market in markets.values():
            for lang, rule_id, entry, review, where in market.messages:
                rule = self.rules.get(rule_id)
                if rule is None:
                    raise PackError(f"{where}: messages: unknown rule {rule_id!r}")
                rule.texts[lang] = rule.texts.get(lang, {}) | entry | {"review": review}
        self._contexts: dict[str, tuple[str, str]] = {}
        self._effective: dict[str, dict[str, EffectiveRule]] = {}
        for code in markets:
            self._effective[code] = self._resolve(code, ())

    def _chain(self, code: str, seen: tuple[str, ...]) -> list[str]:
        if code in seen:
            raise PackError(f"{self.markets[code].files[0]}: `extends` loops: {' -> '.join(seen + (code,))}")
        market = self.markets[code]
        if market.extends is None:
            return [code]
        if market.extends not in self.markets:
            raise PackError(f"{market.files[0]}: extends unknown market {market.extends!r}")
        return self._chain(market.extends, seen + (code,)) + [code]

    def _resolve(self, code: str, seen) -> dict[str, EffectiveRule]:
        rules: dict[str, EffectiveRule] = {}
        for link in self._chain(code, ()):
            market = self.markets[link]
            for rule_id in market.disable | set(market.overrides):
                if rule_id not in rules and rule_id not in {r.id for r in market.own_rules}:
                    raise PackError(f"{market.files[0]}: disables or overrides unknown rule {rule_id!r}")
            for rule_id in market.disable:
                rules.pop(rule_id, None)
            for rule in market.own_rules:
                rules[rule.id] = EffectiveRule(rule, rule.severity, rule.message, rule.suggestion)
            for rule_id, change in market.overrides.items():
                if rule_id in rules:
                    eff = rules[rule_id]
                    rules[rule_id] = EffectiveRule(
                        eff.rule,
                        change.get("severity", eff.severity),
                        change.get("message", eff.message),
                        change.get("suggestion", eff.suggestion),
                    )
        return rules

    # -- queries --

    def chain(self, code: str) -> list[str]:
        return self._chain(code, ())

    def signals(self) -> list[dict]:
        """Every signal of every pack (each with its `pack`)."""
        return [s | {"pack": m.code} for m in self.markets.values() for s in m.signals]

    def threshold(self, markets, what: str = "sponsored") -> float:
        """How much signal weight makes an undeclared post `sponsored` (or `commercial`)."""
        key = f"{what}_threshold"
        values = [self.markets[c].settings.get(key) for m in markets for c in self._chain(m, ())]
        values = [v for v in values if v is not None]
        return min(values) if values else 1.0

    def context_of(self, rule: Rule) -> tuple[str, str]:
        """(what the rule needs, what happens without it): ("commercial", "silent" | "info" | "lower")
        or ("any", ""). The rule's own `context`, else its pack's default for its category (the
        `context` setting, inherited along `extends`)."""
        found = self._contexts.get(rule.id)
        if found is None:
            value = rule.spec.get("context")
            if value is None:
                for code in reversed(self._chain(rule.pack, ())):
                    value = (self.markets[code].settings.get("context") or {}).get(rule.category)
                    if value is not None:
                        break
            if value is None or value == "any":
                found = ("any", "")
            elif isinstance(value, str):
                found = (value, "silent")
            else:
                found = (value["needs"], value.get("otherwise", "silent"))
            self._contexts[rule.id] = found
        return found

    def negation(self, lang: str) -> tuple[list[str], list[str], int]:
        """The negation of a language, from every pack's `negation: {lang: {cues, except, window}}`:
        its cues, the words that hold a cue without denying (`except`), and how many tokens a cue
        reaches ahead (the largest a pack gives; 3 when none does)."""
        cues: dict[str, None] = {}
        exceptions: dict[str, None] = {}
        window = None
        for market in self.markets.values():
            entry = market.negation.get(lang)
            if entry:
                cues.update(dict.fromkeys(entry.get("cues") or ()))
                exceptions.update(dict.fromkeys(entry.get("except") or ()))
                if entry.get("window") is not None:
                    window = max(window or 0, entry["window"])
        return list(cues), list(exceptions), 3 if window is None else window

    def text_language(self, rule: Rule, lang_out: str = "market") -> str:
        """The language a report shows `rule`'s message and suggestion in: `market` (the default) picks
        the first language of the market pack that defines the rule, English for the global pack; `en`
        or another code picks that language for every rule."""
        if lang_out != "market":
            return lang_out
        market = self.markets.get(rule.pack)
        if market is None or rule.pack == "global" or not market.languages:
            return "en"
        return market.languages[0]

    def texts_for(self, rule: Rule, lang: str) -> tuple[str | None, str | None]:
        """`rule`'s message and suggestion in `lang` from the packs' catalogues, None where there is no
        such text (the rule's own text then stands)."""
        entry = rule.texts.get(lang) or {}
        return entry.get("message"), entry.get("suggestion")

    def market_codes(self) -> list[str]:
        return sorted(c for c in self.markets if c != "global")

    def check_markets(self, codes) -> None:
        for code in codes:
            if code not in self.markets:
                known = ", ".join(self.market_codes())
                raise UsageError(f"unknown market {code!r} (known: {known})")

    def effective(self, market: str) -> dict[str, EffectiveRule]:
        return self._effective[market]

    def languages(self, markets) -> tuple[str, ...]:
        out: dict[str, None] = {}
        for code in markets:
            for lang in self.markets[code].languages:
                out[lang] = None
        return tuple(out)

    def packs_used(self, markets) -> list[dict]:
        codes: dict[str, None] = {}
        for code in markets:
            for link in self._chain(code, ()):
                codes[link] = None
        return [
            {
                "market": c,
                "name": self.markets[c].name,
                "version": self.markets[c].version,
                "rules": len(self.markets[c].own_rules),
            }
            for c in sorted(codes)
        ]

    def severity_for(self, rule_id: str, markets) -> tuple[EffectiveRule, list[str]] | None:
        """The rule as it applies with the highest severity among `markets`, and those markets."""
        best = None
        applies = []
        for code in markets:
            eff = self._effective[code].get(rule_id)
            if eff is None:
                continue
            applies.append(code)
            if best is None or SEVERITY_RANK[eff.severity] > SEVERITY_RANK[best.severity]:
                best = eff
        if best is None:
            return None
        return best, applies


SPAN_MARK = re.compile(r"\[\[(.+?)\]\]", re.S)


def pinned_examples(examples: dict) -> dict:
    """The examples with their `[[pinned span]]` marks taken out of the text: a flag example that
    marks words becomes a mapping with the clean `text` and `span` (start, end), which the rule's
    finding must cover exactly."""
    out = {}
    for which in ("flag", "pass"):
        items = []
        for example in examples[which]:
            text = example if isinstance(example, str) else example["text"]
            m = SPAN_MARK.search(text)
            if m is None:
                items.append(example)
                continue
            if which == "pass":
                raise ValueError(f"a pass example marks a span: {text!r}")
            clean = text[: m.start()] + m.group(1) + text[m.end() :]
            if SPAN_MARK.search(clean):
                raise ValueError(f"an example marks more than one span: {text!r}")
            data = {"text": example} if isinstance(example, str) else dict(example)
            items.append(data | {"text": clean, "span": (m.start(), m.start() + len(m.group(1)))})
        out[which] = items
    return out


def _rule_from(data: dict, pack: Market, path: Path) -> Rule:
    line = getattr(data, "line", 1)
    where = f"{path}:{line}: rule {data['id']}"
    langs = data.get("languages") or kind_registry.languages_of(data["kind"], data) or list(pack.languages)
    from ..language import LANGUAGES

    if langs == "any":  # bound to no language: runs in every language a post may be checked in
        langs = list(LANGUAGES)
    unknown = [lang for lang in langs if lang not in LANGUAGES]
    if unknown:  # (a rule in a language no post is checked in would never fire, and say nothing)
        raise PackError(f"{where}: unknown language {unknown[0]!r} (languages: {', '.join(LANGUAGES)})")
    if data.get("evidence") == "GK" and data["severity"] == "error":
        raise PackError(
            f"{where}: field 'severity': a rule resting only on a [GK] item ships as a warning at most"
        )
    if not data["id"].startswith(pack.code + ".") and pack.builtin:
        raise PackError(f"{where}: field 'id': ids of pack {pack.code!r} start with '{pack.code}.'")
    try:
        examples = pinned_examples(data["examples"])
    except ValueError as exc:
        raise PackError(f"{where}: field 'examples': {exc}") from None
    unless = data.get("unless") or []
    if unless and isinstance(unless[0], str):
        unless = [{"phrases": list(unless)}]
    return Rule(
        id=data["id"],
        kind=data["kind"],
        category=data["category"],
        severity=data["severity"],
        message=data["message"].strip(),
        rationale=" ".join(data["rationale"].split()),
        source=" ".join(data["source"].split()),
        suggestion=(data.get("suggestion") or "").strip() or None,
        pack=pack.code,
        file=str(path),
        line=line,
        languages=tuple(langs),
        applies_to=frozenset(data.get("applies_to") or DEFAULT_APPLIES_TO),
        when=dict(data.get("when") or {}),
        unless=[dict(u) for u in unless],
        examples=examples,
        spec=data,
        evidence=data.get("evidence"),
        replacements={k: v["with"] if isinstance(v, dict) else v for k, v in (data.get("replacements") or {}).items()},
        safe_replacements=frozenset(k.lower() for k, v in (data.get("replacements") or {}).items()
                                    if isinstance(v, dict) and v.get("safe")),
        reviewed=str(data["reviewed"]) if data.get("reviewed") else None,
    )


def _load_dir(directory: Path, builtin: bool, digest, validate: bool = True) -> Market:
    meta_path = directory / "pack.yaml"
    if not meta_path.is_file():
        raise PackError(f"{directory}: not a rule pack (no pack.yaml)")
    files = pack_files(directory)
    meta = None
    rules_data: list[tuple[dict, Path]] = []
    signals: list[dict] = []
    lexicons: dict[str, dict[str, list[str]]] = {}
    messages: list[tuple] = []
    for path in files:
        raw = path.read_bytes()
        digest.update(str(path.name).encode() + b"\0" + raw)
        data = read_pack_file(path, validate)
        if path == meta_path:
            meta = data
            for key in ("market", "name", "languages", "version"):
                if key not in data:
                    raise PackError(f"{path}:1: pack.yaml needs field '{key}'")
        else:
            extra = sorted(set(data) - {"rules", "signals", "lexicons", "messages"})
            if extra:
                line = data.key_lines.get(extra[0], 1) if isinstance(data, LineDict) else 1
                raise PackError(f"{path}:{line}: field '{extra[0]}' belongs in pack.yaml")
        for rule in data.get("rules") or []:
            rules_data.append((rule, path))
        for signal in data.get("signals") or []:
            signal = dict(signal) | {"file": str(path), "line": getattr(signal, "line", 1)}
            if signal.get("languages") == "any":  # bound to no language, like a rule's `languages: any`
                from ..language import LANGUAGES

                signal["languages"] = list(LANGUAGES)
            signals.append(signal)
        _add_lexicons(lexicons, data.get("lexicons") or {})
        for lang, catalogue in (data.get("messages") or {}).items():
            texts = catalogue["rules"]
            lines = getattr(texts, "key_lines", {})
            for rule_id, entry in texts.items():
                messages.append((lang, rule_id, dict(entry), catalogue["review"], f"{path}:{lines.get(rule_id, 1)}"))
    assert meta is not None
    market = Market(
        code=meta["market"],
        name=meta["name"],
        languages=tuple(meta["languages"]),
        version=str(meta["version"]),
        extends=meta.get("extends"),
        description=" ".join(str(meta.get("description", "")).split()),
        settings=dict(meta.get("settings") or {}),
        disable=set(meta.get("disable") or []),
        overrides={k: dict(v) for k, v in (meta.get("overrides") or {}).items()},
        files=[str(p) for p in files],
        own_rules=[],
        builtin=builtin,
        signals=signals,
        negation={k: dict(v) for k, v in (meta.get("negation") or {}).items()},
        lexicons=lexicons,
        messages=messages,
    )
    seen: dict[str, str] = {}
    for data, path in rules_data:
        rule = _rule_from(data, market, path)
        if rule.id in seen:
            raise PackError(f"{path}:{rule.line}: rule {rule.id}: duplicate id (first at {seen[rule.id]})")
        seen[rule.id] = rule.where
        market.own_rules.append(rule)  # (checked once every pack's lexicons are known: `_check_rules`)
    for signal in signals if validate else ():
        try:
            kind_registry.check_signal(signal, signal.get("languages") or market.languages)
        except ValueError as exc:
            raise PackError(f"{signal['file']}:{signal['line']}: signal {signal['id']}: {exc}") from None
    return market


def pack_files(directory: Path) -> list[Path]:
    """The files of a pack that loading reads: its pack.yaml, then its other YAML files by name."""
    return [directory / "pack.yaml"] + sorted(p for p in directory.glob("*.y*ml") if p.name != "pack.yaml")


def _pack_dirs(root: Path) -> list[Path]:
    if (root / "pack.yaml").is_file():
        return [root]
    return sorted(p for p in root.iterdir() if p.is_dir() and (p / "pack.yaml").is_file())


def load_rules(extra: list[str] | tuple[str, ...] = (), builtin_dir: Path | None = None,
               cache: bool | None = None, trust: bool = True) -> RuleSet:
    """Load the built-in packs and any extra pack folders (`--packs`): from the compiled-pack cache
    when they have not changed since a run stored them (`packcache`; `cache=False` or
    REELCHECK_NO_CACHE=1: never), else read, validated and stored. The built-in folder is not
    validated again when it passed validation as it is (`validated`; `trust=False`: always)."""
    from . import packcache, regexcode

    root = builtin_dir or builtin_rules_dir()
    if not root.is_dir():
        raise PackError(f"{root}: rule packs not found (set REELCHECK_RULES)")
    regexcode.use(packcache.enabled(cache))  # (compiled patterns are kept with the compiled packs)
    key = packcache.key([str(root), *map(str, extra)]) if packcache.enabled(cache) else None
    if key is not None:
        found = packcache.load(key)
        if isinstance(found, RuleSet):
            found.cache_key = key
            return found
    rs = _load_rules(root, extra, trust)
    if key is not None and packcache.store(key, rs):
        rs.cache_key = key  # (its compiled languages are cached under the same key)
    return rs


def _load_rules(root: Path, extra, trust: bool = True) -> RuleSet:
    from . import validated

    trusted = trust and validated.trusted(root)  # (validated as they are: see `validated`)
    digest = hashlib.sha256()
    markets: dict[str, Market] = {}
    for d in _pack_dirs(root):
        m = _load_dir(d, True, digest, validate=not trusted)
        markets[m.code] = m
    builtin_rules = [r for m in markets.values() for r in m.own_rules]
    builtin_lexicons = lexicons_of(markets) if trusted and extra else {}
    for item in extra:
        base = Path(item)
        if not base.is_dir():
            raise PackError(f"{item}: --packs needs a folder of rule packs")
        dirs = _pack_dirs(base)
        if not dirs:
            raise PackError(f"{item}: no pack.yaml found here or in its sub-folders")
        for d in dirs:
            m = _load_dir(d, False, digest)
            if m.code in markets:
                _merge_into(markets[m.code], m)
            else:
                if m.extends is None:
                    m.extends = "global"
                markets[m.code] = m
    if "global" in markets:
        for m in markets.values():
            if m.code != "global" and m.extends is None:
                m.extends = "global"
    replaced = _replace_overridden(markets)
    unchecked: set[int] = set()  # (the built-in rules as validated, but those naming a lexicon a team pack added to)
    if trusted:
        changed = _changed_lexicons(builtin_lexicons, lexicons_of(markets)) if extra else {}
        unchecked = {id(r) for r in builtin_rules if not _reads_changed(r, changed)}
    _check_rules(markets, unchecked)
    rs = RuleSet(markets, digest.hexdigest(), replaced)
    return rs


def _add_lexicons(into: dict, found: dict) -> None:
    """Entries of `lexicons:` in one pack file added to the lexicons met so far (a name given in
    several files, or packs, is one lexicon: their entries add up)."""
    for name, per_lang in found.items():
        mine = into.setdefault(name, {})
        for lang, entries in per_lang.items():
            mine[lang] = list(dict.fromkeys([*mine.get(lang, ()), *entries]))


def lexicons_of(markets) -> dict[str, dict[str, list[str]]]:
    """Every lexicon of every loaded pack, by name and language. Rules are compiled per language,
    not per market, so a lexicon is shared: a pack that adds an entry teaches it to every rule that
    names the lexicon (a market that needs its own list names its own lexicon)."""
    out: dict[str, dict[str, list[str]]] = {}
    for market in markets.values():
        _add_lexicons(out, market.lexicons)
    return out


def _changed_lexicons(before: dict, after: dict) -> dict[str, set[str]]:
    """The languages in which each lexicon of `before` has other entries in `after` (a lexicon new in
    `after` is named by none of the rules of `before`: they were validated without it)."""
    changed: dict[str, set[str]] = {}
    for name, per_lang in before.items():
        now = after.get(name, {})
        langs = {lang for lang in per_lang.keys() | now.keys() if per_lang.get(lang) != now.get(lang)}
        if langs:
            changed[name] = langs
    return changed


def _reads_changed(rule: Rule, changed: dict[str, set[str]]) -> bool:
    """Whether `rule` (its lexicon references not yet resolved) names a lexicon that `changed` in one
    of its languages: then it resolves to other patterns than those validated."""
    if not changed:
        return False
    named = phrases.lexicons_named(rule.unless, phrases.lexicons_named(rule.spec))
    return any(changed[name] & set(rule.languages) for name in named if name in changed)


def _check_rules(markets: dict[str, Market], unchecked: set[int] | frozenset[int] = frozenset()) -> None:
    """Resolve each rule's lexicon references, then check that its matchers compile (and the kind's
    own checks), naming the rule's file and line when they do not (`unchecked`: the ids of rules
    whose checks passed as they are: `validated`)."""
    lexicons = lexicons_of(markets)
    for market in markets.values():
        for rule in market.own_rules:
            try:
                _apply_lexicons(rule, lexicons)
                if id(rule) not in unchecked:
                    kind_registry.check(rule)
            except ValueError as exc:
                raise PackError(f"{rule.where}: rule {rule.id}: {exc}") from None


def _apply_lexicons(rule: Rule, lexicons: dict) -> None:
    """`{@name}` (terms, regex) and `"@name"` (a pattern's IN list) replaced by the lexicon's entries
    in the rule, its `require`/`weak` blocks and its `unless` entries."""
    spec = phrases.resolve_block(rule.spec, lexicons, rule.languages)
    for key in ("require", "weak"):
        if isinstance(spec.get(key), dict):
            block = phrases.resolve_block(spec[key], lexicons, rule.languages)
            if block is not spec[key]:
                spec = spec if spec is not rule.spec else dict(spec)
                spec[key] = block
    rule.spec = spec
    rule.unless = [phrases.resolve_block(u, lexicons, rule.languages) for u in rule.unless]


def _replace_overridden(markets: dict[str, Market]) -> list[dict]:
    """One rule per id across every pack. A team pack's rule marked `overrides: true` takes the place of the
    rule with its id in the pack that defined it first (so in every market that rule applies in), and is
    listed; any other repeated id is an error (a team pack would otherwise replace, silently and in every
    market, a rule of another market)."""
    first: dict[str, tuple[Market, int]] = {}
    replaced: list[dict] = []
    for market in markets.values():
        keep = []
        for rule in market.own_rules:
            overrides = rule.spec.get("overrides") is True
            if overrides and market.builtin:
                raise PackError(f"{rule.where}: rule {rule.id}: field 'overrides': only a team pack overrides a rule")
            found = first.get(rule.id)
            if found is None:
                if overrides:
                    raise PackError(f"{rule.where}: rule {rule.id}: field 'overrides': no other pack defines "
                                    f"{rule.id!r} to override")
                first[rule.id] = (market, len(keep))
                keep.append(rule)
                continue
            owner, index = found
            rules = keep if owner is market else owner.own_rules  # (a market's list is `keep` until it is done)
            original = rules[index]
            if not overrides:
                raise PackError(f"{rule.where}: rule {rule.id}: duplicate id (already in the "
                                f"{'built-in ' if owner.builtin else ''}{owner.code} pack at {original.where}); "
                                "to replace that rule in every market, mark this one `overrides: true`")
            rules[index] = rule  # (in the original's place: every market that had it has this one)
            replaced.append({"rule": rule.id, "pack": market.code, "where": rule.where})
        market.own_rules[:] = keep
    return replaced


def _merge_into(base: Market, extra: Market) -> None:
    """A team pack that names an existing market adds to it (a rule with an id the market has already is
    an error, or with `overrides: true` takes that rule's place)."""
    index = {r.id: i for i, r in enumerate(base.own_rules)}
    for rule in extra.own_rules:
        if rule.id in index:
            if rule.spec.get("overrides") is not True:
                raise PackError(f"{rule.where}: rule {rule.id}: duplicate id (already in the built-in {base.code} "
                                "pack); to replace that rule, mark this one `overrides: true`")
    base.own_rules.extend(extra.own_rules)
    base.signals.extend(extra.signals)
    _add_lexicons(base.lexicons, extra.lexicons)
    base.messages.extend(extra.messages)
    for lang, entry in extra.negation.items():
        mine = base.negation.setdefault(lang, {})
        for key in ("cues", "except"):
            mine[key] = list(dict.fromkeys([*mine.get(key, ()), *entry.get(key, ())]))
        if entry.get("window") is not None:
            mine["window"] = max(mine.get("window", 0), entry["window"])
    base.disable |= extra.disable
    base.overrides.update(extra.overrides)
    base.settings.update(extra.settings)
    base.files.extend(extra.files)
    base.version = f"{base.version}+{extra.version}"
