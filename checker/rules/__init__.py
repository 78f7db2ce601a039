"""Rule packs: loading (packs), the general rule kinds (kinds/), compilation per language (compiled)."""

from .compiled import CompiledRules, LanguageRules
from .packs import EffectiveRule, Market, PackError, Rule, RuleSet, load_rules

__all__ = ["CompiledRules", "EffectiveRule", "LanguageRules", "Market", "PackError", "Rule", "RuleSet", "load_rules"]
