"""Rule packs: loading (packs), the general rule kinds (kinds/), compilation per language (compiled)."""

from .packs import EffectiveRule, Market, PackError, Rule, RuleSet, load_rules


def __getattr__(name: str):
    # compiling imports spaCy: only the runs that check text pay for it (`reelcheck markets` does not)
    if name in ("CompiledRules", "LanguageRules"):
        from . import compiled

        return getattr(compiled, name)
    raise AttributeError(name)


__all__ = ["CompiledRules", "EffectiveRule", "LanguageRules", "Market", "PackError", "Rule", "RuleSet", "load_rules"]
