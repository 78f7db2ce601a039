"""Rule kinds: the only place Python knows about rules. One module per kind.

Each kind module defines:
    FIELDS    JSON-schema properties of its own rule fields (merged into pack.schema.json)
    REQUIRED  the fields a rule of this kind must have
    languages_of(data) -> list[str] | None   languages named by the rule's own fields
    check(rule)            load-time checks that need more than the schema (raise PackError)
    compile(rules, lang)   -> a compiled matcher for every rule of this kind in one language, with
                              `possible(ctx) -> bool` (a cheap test without tokenising: can any
                              active rule match this segment? None = always run) and
                              `find(ctx) -> [Hit]`

Adding a kind is adding a module here and a line to KINDS.
"""

from . import pattern, regex_kind, require, terms

KINDS = {
    "terms": terms,
    "pattern": pattern,
    "regex": regex_kind,
    "require": require,
}
