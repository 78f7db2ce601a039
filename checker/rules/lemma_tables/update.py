"""Copy the lemma tables that `checker.rules.phrases` reads into this folder (run after upgrading
spacy-lookups-data; `pip install -e '.[tables]'` installs it):

    python -m checker.rules.lemma_tables.update

The tables are spaCy's lookup lemma tables (`<lang>_lemma_lookup.json.gz`: form -> lemma) from
spacy-lookups-data (https://github.com/explosion/spacy-lookups-data, MIT licence, Copyright (c)
2019 ExplosionAI GmbH; the licence is in SOURCE.md beside this file), copied unchanged for the
languages of reelcheck's markets that have one. They are read only when a pack is compiled (a phrase's
words are inflected once, when the compiled-pack cache is filled), and shipping the ~0.5 MB used keeps
the ~100 MB package out of the runtime install.
"""

from __future__ import annotations

import shutil
from pathlib import Path

LANGUAGES = ("en", "id", "ms", "tl", "vi", "th", "zh")  # the languages of the markets' packs


def main() -> None:
    import spacy_lookups_data

    source = Path(spacy_lookups_data.__file__).parent / "data"
    here = Path(__file__).parent
    for lang in LANGUAGES:
        table = source / f"{lang}_lemma_lookup.json.gz"
        if table.exists():
            shutil.copyfile(table, here / table.name)
            print(f"{table.name}: {table.stat().st_size:,} bytes (spacy-lookups-data {spacy_lookups_data.__version__})")


if __name__ == "__main__":
    main()
