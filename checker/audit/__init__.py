"""`reelcheck audit`: the same check as `check` (`check.check_item`), at archive scale.

    records as read (main process) -> batches -> worker processes (Checker built once each):
                                                 parse the record, build its Document, check it
                                      <- per record: its result, free of where the record sits
    main process: put each result back in its place (path, line, record number), in input order

- `run.py`: the executor (batches, workers, input order, errors, Ctrl-C) and `AuditOptions`;
- `work.py`: what a worker gets (`to_work`) and sends back (`check_work`, around `check_item`);
- `cache.py`: the per-record result cache (SQLite), keyed on the raw record, how it is read, the
  packs, the rule selection and the tool version;
- `filecache.py`: the whole-file layer on top of it: an unchanged archive file is replayed whole.
"""

from __future__ import annotations

from .cache import CACHE_FILE, ResultCache, default_cache_dir
from .filecache import FileLayer
from .run import AuditOptions, audit_items
from .work import check_work, pack_document, unpack_document

__all__ = [
    "CACHE_FILE", "AuditOptions", "FileLayer", "ResultCache", "audit_items", "check_work", "default_cache_dir",
    "pack_document", "unpack_document",
]
