"""What a team's run adds around `runner.Session`: the report format from the output file's name, a
baseline, per-path settings, fixes, what folders left out, and the one-line summary on the terminal.

    flow = Workflow.from_params(params, "check")   # the CLI's options, after the configuration file
    session = Session(get_reporter(flow.format)(out, options))
    flow.attach(session, source_options)           # filters on the session, hooks on the sources
    ... run ...
    flow.finish(session)                           # notes on stderr: summary line, baseline, fixes

Each document dict passes the session's filters in this order: per-path settings (`overrides`), the
baseline, then fixes (only what is still reported is fixed).
"""

from __future__ import annotations

import os
import sys
from dataclasses import dataclass, field

from .vocabulary import SEVERITIES


def summary_line(summary: dict, output: str | None, noun: str = "records") -> str:
    """`reelcheck: 3 errors, 2 warnings in 2 of 12 records (12 read, 12 checked, 0 skipped, 0 failed);
    report: audit.html`"""
    counts = [(summary["by_severity"].get(s, 0), s) for s in SEVERITIES]
    found = ", ".join(f"{n} {s if n == 1 or s == 'info' else s + 's'}" for n, s in counts if n)
    read = summary["records_read"]
    if read == 1 and noun.endswith("s"):
        noun = noun[:-1]
    if found:
        head = f"{found} in {summary['documents_with_findings']:,} of {read:,} {noun}"
    else:
        head = f"no problems in {read:,} {noun}"
    line = (f"reelcheck: {head} ({read:,} read, {summary['records_checked']:,} checked, "
            f"{summary['records_skipped']:,} skipped, {summary['records_failed']:,} failed)")
    if summary.get("errors"):
        n = summary["errors"]
        line += f", {n:,} input error{'s' if n != 1 else ''}"
    if summary.get("not_selling"):
        line += f", {summary['not_selling']:,} read as selling nothing (--commercial if they sell)"
    if output:
        line += f"; report: {output}"
    return line


@dataclass
class Workflow:
    command: str
    format: str
    output: str | None = None
    quiet: bool = False
    verbose: bool = False
    baseline: object | None = None  # baseline.BaselineFilter
    overrides: object | None = None  # overrides.Overrides
    fixer: object | None = None  # fixes.Fixer
    notes: list[str] = field(default_factory=list)
    stderr: object = None

    @classmethod
    def from_params(cls, p: dict, command: str) -> Workflow:
        from .reporters.formats import format_for_output, format_of_extension

        given, output = p.get("format_given"), p.get("output")
        if command == "baseline":
            fmt = "baseline"
        elif given:
            fmt = format_for_output(output, given)  # (a UsageError when -o's extension means another)
        else:  # -o's extension, else the configuration file's format, else text
            fmt = (format_of_extension(output) if output else None) or p.get("fmt") or "text"
        flow = cls(command=command, format=fmt, output=p.get("output"), quiet=bool(p.get("quiet")),
                   verbose=bool(p.get("verbose")))
        if p.get("baseline_path"):
            from .baseline import BaselineFilter

            flow.baseline = BaselineFilter(p["baseline_path"])
        overrides = p.get("overrides")
        if overrides:
            flow.overrides = overrides
        if p.get("fix") or p.get("diff"):
            from .fixes import Fixer

            flow.fixer = Fixer(write=bool(p.get("fix")) and not p.get("diff"))
        return flow

    def attach(self, session, source_options) -> None:
        self.stderr = session.stderr
        if self.overrides is not None:
            session.filters.append(self.overrides.filter)
            source_options.meta_for = self.overrides.meta_for
        if self.baseline is not None:
            session.filters.append(self.baseline)
        if self.fixer is not None:
            session.filters.append(self.fixer)
        skip = [p for p in (self.output, getattr(self.baseline, "path", None)) if p]
        source_options.leave_out = tuple(os.path.abspath(p) for p in skip)
        if self.verbose and not self.quiet:
            source_options.on_skip = self._skipped

    @staticmethod
    def with_progress(audit_options, source_options, paths: list[str]):
        """The audit's options with the input's size (files named: their bytes; a folder or stdin: unknown)
        and a counter of the bytes read, for the progress bar's percentage."""
        import dataclasses

        try:
            total = sum(os.path.getsize(p) for p in paths) if paths and all(os.path.isfile(p) for p in paths) else None
        except OSError:
            total = None
        read = [0]

        def on_read(n: int) -> None:
            read[0] += n

        source_options.on_read = on_read
        return dataclasses.replace(audit_options, input_bytes=total or None, bytes_read=lambda: read[0])

    def _skipped(self, path: str, why: str) -> None:
        print(f"reelcheck: skipped {path} ({why})", file=self.stderr or sys.stderr)

    @property
    def diff_only(self) -> bool:
        """`--diff` without -o: the diffs go to stdout, the report nowhere."""
        return self.fixer is not None and not self.fixer.write and not self.output

    def exit_code(self, session) -> int:
        code = session.exit_code
        if code == 0 and self.fixer is not None and not self.fixer.write and self.fixer.fixed:
            return 1  # (--diff: there is something to fix)
        return code

    def finish(self, session) -> None:
        err = self.stderr or sys.stderr
        if self.baseline is not None and not self.quiet:
            print(self.baseline.note(), file=err)
        if self.fixer is not None:
            self.fixer.finish(err)
        if self.command == "baseline":
            if not self.quiet:
                summary = session.summary
                print(f"reelcheck: baseline {self.output}: {summary.findings:,} finding"
                      f"{'s' if summary.findings != 1 else ''} recorded from {summary.documents:,} documents", file=err)
        elif self.output and not self.quiet:
            noun = "records" if self.command == "audit" else "documents"
            print(summary_line(session.summary.as_dict(), self.output, noun), file=err)
