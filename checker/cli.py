"""The `reelcheck` command: check, audit, rules, markets, docs.

Exit codes: 0 no finding at or above --fail-on; 1 findings at or above it; 2 usage or input errors
(a one-line message naming the file and place, never a traceback).
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

import click

from . import __version__
from .model import UsageError
from .vocabulary import (
    ACCOUNTS,
    CATEGORIES,
    FAIL_ON,
    PLATFORMS,
    PRODUCTS,
    closest,
    output_formats,
    selected_by,
)

CONFIG_NAMES = ("reelcheck.toml", ".reelcheck.toml")


def _split(values) -> tuple[str, ...]:
    out: list[str] = []
    for v in values or ():
        out.extend(p.strip().lower() for p in str(v).split(",") if p.strip())
    return tuple(dict.fromkeys(out))


def _fail(message: str) -> None:
    from .reporters._common import printable

    click.echo(f"reelcheck: error: {printable(message)}", err=True)
    sys.exit(2)


# --- configuration file --------------------------------------------------------------------------

def find_config(start: Path) -> tuple[Path, dict] | None:
    """`reelcheck.toml`, `.reelcheck.toml` or `[tool.reelcheck]` in pyproject.toml, here or above."""
    import tomllib

    for folder in [start, *start.parents]:
        for name in CONFIG_NAMES:
            path = folder / name
            if path.is_file():
                return path, _read_toml(tomllib, path)
        py = folder / "pyproject.toml"
        if py.is_file():
            data = _read_toml(tomllib, py)
            if "reelcheck" in data.get("tool", {}):
                return py, data["tool"]["reelcheck"]
    return None


def _read_toml(tomllib, path: Path) -> dict:
    try:
        with open(path, "rb") as fh:
            return tomllib.load(fh)
    except (OSError, tomllib.TOMLDecodeError) as exc:
        _fail(f"{path}: cannot read configuration: {exc}")
        return {}


CONFIG_KEYS = {
    "market": "market", "markets": "market", "format": "fmt", "fail-on": "fail_on", "fail_on": "fail_on",
    "select": "select", "ignore": "ignore", "packs": "packs", "lang": "lang", "include": "include",
    "exclude": "exclude", "product": "product", "platform": "platform", "account": "account",
    "text-field": "text_field", "id-field": "id_field", "market-field": "market_field",
    "commercial": "commercial", "sponsored": "sponsored", "lang-out": "lang_out", "lang_out": "lang_out",
    "baseline": "baseline_path",
}


def apply_config(ctx: click.Context, params: dict, config_path: str | None) -> Path | None:
    """Fill options the user did not give on the command line from the configuration file, each value
    checked as the CLI checks the option (a bad one names the file and the key); returns the file used."""
    if config_path == "none":
        return None
    found = (Path(config_path), None) if config_path else find_config(Path.cwd())
    if not found:
        return None
    path, data = found
    if data is None:
        import tomllib

        data = _read_toml(tomllib, path)
        if path.name == "pyproject.toml":
            data = data.get("tool", {}).get("reelcheck", {})
    for key, value in data.items():
        if key == "overrides":  # per-path settings (checker/overrides.py)
            from .overrides import parse

            try:
                params["overrides"] = parse(value, path)
            except UsageError as exc:
                _fail(str(exc))
            continue
        name = CONFIG_KEYS.get(key)
        if name is None:
            _fail(f"{path}: unknown setting {key!r} (known: {', '.join(sorted(set(CONFIG_KEYS)))})")
        if name not in params:
            continue
        source = ctx.get_parameter_source(name)
        if source is not None and source.name not in ("DEFAULT",):
            continue  # the command line wins
        if isinstance(params[name], tuple):
            value = tuple(value) if isinstance(value, list) else (value,)
            if name == "packs":
                value = tuple(str((path.parent / v).resolve()) for v in value)
        params[name] = _config_value(ctx, path, key, name, value)
    return path


def _config_value(ctx: click.Context, path: Path, key: str, name: str, value):
    """A configuration value, converted and checked by the command's own option (its type, choices and
    callback), so that the file cannot set what the command line would refuse."""
    option = next((o for o in ctx.command.params if o.name == name), None)
    if option is None:
        return value
    if isinstance(value, (dict, list)) and not option.multiple:
        _fail(f"{path}: {key}: expected one value, not {type(value).__name__} {value!r}")
    try:
        return option.process_value(ctx, value)
    except click.BadParameter as exc:
        hint = ""
        if isinstance(option.type, click.Choice) and isinstance(value, str):
            hint = closest(value, option.type.choices)
        _fail(f"{path}: {key}: {exc.message}{hint}")


# --- shared options ---------------------------------------------------------------------------------

def _platform(ctx, param, value):
    """`--platform`: one of PLATFORMS (a typo is refused with the closest one, not taken silently)."""
    if value is None:
        return None
    word = str(value).strip().lower()
    if word not in PLATFORMS:
        raise click.BadParameter(f"unknown platform {value!r}{closest(word, PLATFORMS)} (known: {', '.join(PLATFORMS)})")
    return word


def common_options(f):
    options = [
        click.option("--market", "-m", multiple=True, help="Target market(s): us, uk, cn, id, th, vn, my, ph, sg (comma-separated or repeated)."),
        click.option("--format", "-f", "fmt", type=click.Choice(output_formats()), default=None,
                     help="Output format (default: from the -o file's extension, else text)."),
        click.option("--output", "-o", type=click.Path(dir_okay=False),
                     help="Write the report here instead of stdout; .html, .json, .sarif, .xml (JUnit), .csv, .jsonl "
                          "or .txt picks the format."),
        click.option("--baseline", "baseline_path", type=click.Path(dir_okay=False),
                     help="Report only findings not in this baseline file (see `reelcheck baseline`)."),
        click.option("--fail-on", type=click.Choice(FAIL_ON), default="error", show_default=True, help="Exit 1 when a finding is at or above this severity."),
        click.option("--packs", multiple=True, type=click.Path(), help="Extra rule-pack folder(s): new rules or markets."),
        click.option("--select", multiple=True, help="Only these rules (ids or id prefixes, e.g. us.claims)."),
        click.option("--ignore", multiple=True, help="Skip these rules (ids or id prefixes)."),
        click.option("--lang", help="Language of Latin-script text (default: from the market)."),
        click.option("--lang-out", "lang_out", default=None, metavar="market|en|CODE",
                     help="Language of messages and suggestions in the report: 'market' (default: each market "
                          "pack's rules in its market's language, global rules in English), 'en', or a language code."),
        click.option("--sponsored/--not-sponsored", default=None, help="Declare whether the post is an ad."),
        click.option("--commercial/--not-commercial", default=None,
                     help="Declare whether the posts sell or promote something (default: read from their wording)."),
        click.option("--product", type=click.Choice(PRODUCTS), help="Product type the post promotes."),
        click.option("--platform", callback=_platform, help=f"Platform: {', '.join(PLATFORMS)}."),
        click.option("--account", type=click.Choice(ACCOUNTS), help="Account type."),
        click.option("--input-format", help="Format for stdin or unknown extensions: text, markdown, srt, vtt, csv, tsv, jsonl, json."),
        click.option("--include", multiple=True, help="Glob of files to check inside folders."),
        click.option("--exclude", multiple=True, help="Glob of files or folders to skip."),
        click.option("--text-field", multiple=True, help="Archive field(s) to check (dotted paths for nested JSON)."),
        click.option("--id-field", help="Archive field holding the record id."),
        click.option("--market-field", help="Archive field holding the record's market(s) (default: a column named market, markets, country or region, unless --market is given; 'none': no field)."),
        click.option("--language-field", help="Archive field holding the record's language (default: a column named language, lang or locale, unless --lang is given; 'none': no field)."),
        click.option("--sponsored-field", help="Archive field saying whether the record is an ad (true/false/yes/no/1/0)."),
        click.option("--product-field", help="Archive field holding the product type."),
        click.option("--platform-field", help="Archive field holding the platform."),
        click.option("--account-field", help="Archive field holding the account type."),
        click.option("--commercial-field", help="Archive field saying whether the record sells (true/false/yes/no/1/0)."),
        click.option("--max-file-size", type=click.FloatRange(min=0), default=50, show_default=True,
                     help="Largest text, Markdown or subtitle file read, in MB (0: no limit); archives are streamed."),
        click.option("--follow-links", is_flag=True,
                     help="Inside folders, also read links to files and folders outside the folder given."),
        click.option("--include-text", is_flag=True, help="JSON: include each document's original text."),
        click.option("--color/--no-color", default=None, help="Colour output (default: on a terminal, unless NO_COLOR is set)."),
        click.option("--config", "config_path", type=click.Path(), help="Configuration file (default: reelcheck.toml or [tool.reelcheck] in pyproject.toml; 'none' to ignore)."),
        click.option("--quiet", "-q", is_flag=True, help="No progress bar or summary on stderr."),
        click.option("--verbose", "-v", is_flag=True, help="Also list on stderr what was left out of folders, and why."),
    ]
    for option in reversed(options):
        f = option(f)
    return f


def _source_options(p: dict):
    from .model import Meta
    from .sources import SourceOptions

    meta = Meta(
        markets=_split(p["market"]),
        language=p["lang"],
        sponsored=p["sponsored"],
        product=p["product"],
        platform=p["platform"],
        account=p["account"],
        commercial=p["commercial"],
    )
    return SourceOptions(
        input_format=p["input_format"],
        include=tuple(p["include"]),
        exclude=tuple(p["exclude"]),
        text_fields=tuple(p["text_field"]),
        id_field=p["id_field"],
        market_field=p["market_field"],
        language_field=p["language_field"],
        sponsored_field=p["sponsored_field"],
        product_field=p["product_field"],
        platform_field=p["platform_field"],
        account_field=p["account_field"],
        commercial_field=p["commercial_field"],
        meta=meta,
        max_file_size=int(p["max_file_size"] * 1024 * 1024),
        follow_links=p["follow_links"],
    )


def _lang_out(value: str | None) -> str:
    """`--lang-out` (or the configuration's `lang-out`): market, en, or a language code."""
    import re

    value = (value or "market").strip().lower()
    if value != "market" and not re.fullmatch(r"[a-z]{2,3}", value):
        raise UsageError(f"--lang-out: {value!r} is not 'market', 'en' or a language code such as 'th'")
    return value


def _use_color(p: dict, stream) -> bool:
    if p["color"] is not None:
        return p["color"]
    if os.environ.get("NO_COLOR"):
        return False
    return p["output"] is None and hasattr(stream, "isatty") and stream.isatty()


def _load(p: dict):
    from .engine import Checker
    from .rules import load_rules

    # (check --no-cache: the compiled-pack cache is neither read nor written)
    ruleset = load_rules(tuple(p["packs"]), cache=False if p.get("no_pack_cache") else None)
    markets = _split(p["market"])
    if p["market"] and not markets:  # (`--market ""`: an unset variable in a CI script, say)
        raise UsageError(f"--market is empty: name one or more markets ({', '.join(ruleset.market_codes())})")
    ruleset.check_markets(markets)
    # (a language the compiled-pack cache does not hold is compiled in as many processes as the run's jobs)
    processes = p.get("check_jobs") or p.get("jobs") or min(os.cpu_count() or 1, CHECK_MAX_DEFAULT_JOBS)
    checker = Checker(ruleset, select=_split(p["select"]), ignore=_split(p["ignore"]), processes=processes)
    if not p.get("quiet") and _stderr_is_terminal():
        checker.compiled.on_compile = _compiling_note
    return ruleset, checker, markets


def _stderr_is_terminal() -> bool:
    return hasattr(sys.stderr, "isatty") and sys.stderr.isatty()


def _compiling_note(lang: str, stored: bool) -> None:
    """A line on stderr before a language's rules are compiled (seconds, on a first run or after an
    upgrade or a pack edit), from the run's own process only (a worker's line would cut into the
    progress bar)."""
    import multiprocessing

    from .language import LANGUAGE_NAMES

    if multiprocessing.parent_process() is None:
        later = " once; later runs read them from the cache" if stored else ""
        click.echo(f"reelcheck: compiling the {LANGUAGE_NAMES.get(lang, lang)} rules of the packs{later}...", err=True)


#: `check` checks this many items (documents and input errors) in this process before it starts worker
#: processes for the rest: a small input never starts them (starting them costs more than checking a few
#: hundred captions), and they inherit a Checker that compiled what those items needed
CHECK_SERIAL_FIRST = 200
#: `check`'s default workers: every core, up to this many (its main process reads, parses and reports
#: each file, about a third of the time a worker takes to check it: past a few workers it is the limit)
CHECK_MAX_DEFAULT_JOBS = 4


def _check(checker, items, markets: tuple[str, ...], p: dict, session):
    """`check`'s results, in input order: `runner.check_items` over the first CHECK_SERIAL_FIRST items,
    and with `--jobs` over 1 (default: every core, up to 4) the audit's executor over the rest, its workers
    checking each item with the same `check.check_item`. The report is the same whatever the jobs."""
    from itertools import islice

    from .runner import check_items

    items = iter(items)
    taken = 0

    def first():
        nonlocal taken
        for item in islice(items, CHECK_SERIAL_FIRST):
            taken += 1
            yield item

    yield from check_items(checker, first(), markets)
    jobs = p.get("check_jobs") or min(os.cpu_count() or 1, CHECK_MAX_DEFAULT_JOBS)
    if jobs == 1:
        yield from check_items(checker, items, markets)
        return
    if taken < CHECK_SERIAL_FIRST:  # (the input ended)
        return
    from .audit import AuditOptions, audit_items

    options = AuditOptions(jobs=jobs, all_records=True, quiet=True, progress=False, packs=tuple(p["packs"]),
                           output=p["output"])
    yield from audit_items(checker, items, markets, options, session)


class _Collector:
    """The garbage collector over a run. Its start (imports, the packs read back, the first item's
    languages read or compiled, spaCy's pipeline) makes objects that live as long as the run and next
    to no garbage, and every full collection walks every object the process holds: two of them, of a
    tenth of a second each, in a one-caption check, and a third as the interpreter exits. So the
    collector is paused until the run's first result is out; then what the process holds is frozen out
    of it (`gc.freeze`) and it runs again, for what the run makes (an audit of a large archive). When
    the process exits the interpreter's last collection is spared the same way (atexit). A caller in
    the same process (the tests) gets its collector back as it was when the run returns."""

    _at_exit = False  # (registered once per process)

    def __enter__(self) -> _Collector:
        import atexit
        import gc

        self.enabled, self.frozen, self.warm = gc.isenabled(), gc.get_freeze_count(), False
        gc.disable()
        if not _Collector._at_exit:
            atexit.register(gc.freeze)
            _Collector._at_exit = True
        return self

    def warmed(self) -> None:
        """The run's start is over (its first result is out)."""
        if not self.warm:
            import gc

            self.warm = True
            gc.freeze()
            if self.enabled:
                gc.enable()

    def __exit__(self, *exc) -> bool:
        import gc

        if self.enabled:
            gc.enable()
        if not self.frozen:
            gc.unfreeze()
        return False


def run(p: dict, command: str, audit_options=None) -> int:
    from .spacy_cli import install

    install()  # (spaCy, if the run needs it, imported without its command line)
    with _Collector() as collector:
        return _run(p, command, audit_options, collector)


def _run(p: dict, command: str, audit_options, collector: _Collector) -> int:
    from .reporters import get_reporter
    from .reporters.base import ReportOptions
    from .runner import AtomicOutput, Localizer, Session, header, overwritten_input
    from .sources import is_fatal, iter_documents, iter_records
    from .workflow import Workflow

    victim = overwritten_input(p["output"], p["paths"])
    if victim is not None:
        raise UsageError(f"{p['output']}: the report would replace {victim}, which is being checked; "
                         "write it to another file (-o)")
    ruleset, checker, markets = _load(p)
    options = _source_options(p)
    flow = Workflow.from_params(p, command)
    fmt = flow.format
    reporter_cls = get_reporter("summary" if command == "audit" and fmt == "text" else fmt)
    with AtomicOutput(p["output"]) as out:
        if flow.diff_only:
            import io

            out = io.StringIO()  # (--diff prints the diffs instead of the report)
        report_options = ReportOptions(
            color=_use_color(p, sys.stdout), fail_on=p["fail_on"], include_text=p["include_text"],
            output=p["output"],
        )
        localizer = Localizer(ruleset, _lang_out(p.get("lang_out")))
        if localizer.unknown is not None:
            click.echo(f"reelcheck: note: --lang-out {localizer.unknown}: no rule pack has messages in "
                       f"{localizer.unknown!r}; messages are shown in English", err=True)
        session = Session(reporter_cls(out, report_options), fail_on=p["fail_on"], localize=localizer)
        flow.attach(session, options)
        head = header(ruleset, markets)
        from .sources import guessed_columns

        guessed = guessed_columns(list(p["paths"]), options)
        if guessed:
            head["guessed_fields"] = guessed
        if p.get("_config") is not None:  # (named, so that a file found in a folder above is not a surprise)
            head["config"] = p["_config"]
        session.begin(head)
        if command == "audit":  # archive records travel unparsed: the audit's workers parse them
            from .audit import FileLayer, audit_items

            audit_options = flow.with_progress(audit_options, options, list(p["paths"]))
            if audit_options.cache:  # archive files audited whole before are replayed from the cache
                files = FileLayer()
                items = iter_records(list(p["paths"]), options, archive_hook=files)
            else:
                files = None
                items = iter_records(list(p["paths"]), options)
            results = audit_items(checker, items, markets, audit_options, session, files=files)
        else:
            results = _check(checker, iter_documents(list(p["paths"]), options), markets, p, session)
        try:
            for item in results:
                collector.warmed()
                if isinstance(item, dict):
                    session.document(item)
                else:
                    session.error(item, fatal=is_fatal(item))
        except KeyboardInterrupt:
            # Ctrl-C while this loop wrote the report: hand it to the executor (the audit's, or check's
            # with workers), which stops its workers and says how far it got (as when the interrupt
            # lands inside it)
            results.throw(KeyboardInterrupt)
            raise
        session.end()
    flow.finish(session)
    return flow.exit_code(session)


def _invoke(ctx: click.Context, params: dict, command: str) -> None:
    given_format = params.get("fmt")  # (on the command line: it must agree with -o's extension)
    config = apply_config(ctx, params, params.get("config_path"))
    params["_config"] = os.path.relpath(config) if config is not None else None
    params["format_given"] = given_format
    if command == "baseline":  # (it records every finding: no baseline of its own, never a failure)
        params["baseline_path"], params["fail_on"] = None, "never"
    audit_options = _audit_options(params) if command == "audit" else None
    try:
        code = run(params, command, audit_options)
    except UsageError as exc:
        _fail(str(exc))
    except KeyboardInterrupt:
        click.echo("reelcheck: interrupted", err=True)
        sys.exit(130)
    except BrokenPipeError:
        sys.exit(0)
    sys.exit(code)


# --- commands ---------------------------------------------------------------------------------------

class _Program(click.Group):
    """The command group. Run as the program (`reelcheck`, `python -m checker`: called without arguments,
    reading sys.argv) it ends the process as soon as the command is done, without the interpreter's
    teardown: freeing one by one every object a run made (spaCy, the compiled packs: ~0.1 s, a tenth of
    a warm one-caption check). What the teardown would do that a user can see is done first: the
    `atexit` functions, and the standard streams flushed. Called with arguments (or through `.main`, as
    click's test runner does) it returns or raises as any click command."""

    def __call__(self, *args, **kwargs):
        if args or kwargs:
            return super().__call__(*args, **kwargs)
        try:
            return self.main()
        except SystemExit as exc:
            _exit_now(exc)


def _exit_now(exc: SystemExit):
    """Exit with `exc`'s status without the interpreter's teardown (see `_Program`); the usual exit where
    that could differ (a thread other than daemons still running, no `atexit._run_exitfuncs`, or a
    profiler or debugger watching, which reports once the program returns)."""
    import atexit
    import threading

    run_exit_functions = getattr(atexit, "_run_exitfuncs", None)
    others = [t for t in threading.enumerate() if t is not threading.main_thread() and not t.daemon]
    if run_exit_functions is None or others or sys.getprofile() is not None or sys.gettrace() is not None:
        raise exc
    code = exc.code
    if code is None:
        status = 0
    elif isinstance(code, int):
        status = code
    else:  # (what the interpreter does with sys.exit("message"))
        print(code, file=sys.stderr)
        status = 1
    run_exit_functions()
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except (OSError, ValueError):  # (a closed pipe: the interpreter's status for it)
            status = status or 120
    os._exit(status)


@click.group(cls=_Program, context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100})
@click.version_option(__version__, prog_name="reelcheck")
def main() -> None:
    """Check short-video scripts and captions for the compliance pitfalls of each market."""


@main.command()
@click.argument("paths", nargs=-1)
@common_options
@click.option("--fix", is_flag=True, help="Write the fixes the packs mark safe into text and Markdown scripts.")
@click.option("--diff", is_flag=True, help="Print those fixes as a unified diff instead of the report; write nothing.")
@click.option("--no-cache", "no_pack_cache", is_flag=True,
              help="Read and compile the rule packs afresh, and store nothing in the cache folder.")
@click.option("--jobs", "-j", "check_jobs", type=click.IntRange(min=1), default=None,
              help="Worker processes for many documents (default: every core, up to 4; 1 checks in this process). "
                   "The report is the same whatever the number.")
@click.pass_context
def check(ctx, **params):
    """Check scripts, captions, subtitles or archives.

    PATHS are files, folders, or - for stdin (default: the current folder). Folders are walked
    respecting .gitignore and .reelcheckignore; hidden folders and virtual environments are skipped.

    \b
    reelcheck check script.md --market us
    reelcheck check caption.txt --market us,uk -o report.json
    cat script.txt | reelcheck check - --market cn
    """
    params["paths"] = params["paths"] or (".",)
    _invoke(ctx, params, "check")


@main.command()
@click.argument("paths", nargs=-1, required=True)
@common_options
@click.option("--jobs", "-j", type=click.IntRange(min=1), default=None,
              help="Worker processes (default: every core; 1 checks in this process).")
@click.option("--cache", "cache_dir", type=click.Path(file_okay=False),
              help="Cache folder for the results of records and of whole archive files; an unchanged file is "
                   "replayed, an edited one re-checks its changed records (default: reelcheck/ in the user cache folder).")
@click.option("--no-cache", is_flag=True, help="Check every record again, and keep nothing.")
@click.option("--max-errors", type=click.IntRange(min=0), default=None,
              help="Stop (exit 2) once more than N records could not be read or checked.")
@click.option("--progress/--no-progress", default=None,
              help="Progress bar on stderr (default: on a terminal).")
@click.option("--all-records", is_flag=True,
              help="Report every record, clean ones too (default: records with findings; all are counted).")
@click.pass_context
def audit(ctx, **params):
    """Audit whole caption archives (CSV, JSONL, JSON, folders).

    \b
    reelcheck audit captions.csv --market-field market --id-field video_id --text-field caption -o audit.html
    reelcheck audit exports/ --market id,my --format jsonl -o findings.jsonl --jobs 2
    reelcheck audit big.jsonl --market us --format json --sponsored-field is_paid > audit.json
    """
    _invoke(ctx, params, "audit")


@main.command()
@click.argument("paths", nargs=-1)
@common_options
@click.pass_context
def baseline(ctx, **params):
    """Record the current findings so that CI reports only new ones.

    Writes every finding of PATHS (default: the current folder) to the baseline file (-o, default
    .reelcheck-baseline.json); `reelcheck check --baseline FILE` then leaves those out. A finding is
    known by its rule, file (and record) and words, not by its line: lines added above it do not bring
    it back. The format is described in docs/ci.md.

    \b
    reelcheck baseline scripts/ captions.csv --market us
    reelcheck check scripts/ captions.csv --market us --baseline .reelcheck-baseline.json
    """
    if params["fmt"] is not None or params["baseline_path"]:
        _fail("baseline: --format and --baseline do not apply (it writes a baseline file)")
    params["paths"] = params["paths"] or (".",)
    params["output"] = params["output"] or ".reelcheck-baseline.json"
    _invoke(ctx, params, "baseline")


@main.command()
@click.argument("shell", type=click.Choice(["bash", "zsh", "fish"]))
def completion(shell):
    """Print the shell completion script for bash, zsh or fish.

    \b
    bash:  reelcheck completion bash > ~/.local/share/bash-completion/completions/reelcheck
    zsh:   reelcheck completion zsh > "${fpath[1]}/_reelcheck"
    fish:  reelcheck completion fish > ~/.config/fish/completions/reelcheck.fish
    """
    from click.shell_completion import get_completion_class

    cls = get_completion_class(shell)
    click.echo(cls(main, {}, "reelcheck", "_REELCHECK_COMPLETE").source(), nl=False)


def _audit_options(p: dict):
    """`reelcheck audit`'s own options (after the configuration file filled the shared ones)."""
    from .audit import AuditOptions, default_cache_dir

    return AuditOptions(
        jobs=p["jobs"] or os.cpu_count() or 1,
        cache=None if p["no_cache"] else (p["cache_dir"] or str(default_cache_dir())),
        max_errors=p["max_errors"],
        all_records=p["all_records"],
        quiet=p["quiet"],
        progress=p["progress"],
        packs=tuple(p["packs"]),
        output=p["output"],
    )


@main.group()
def rules() -> None:
    """List and explain the rules."""


@rules.command("list")
@click.option("--market", "-m", multiple=True, help="Only the rules that apply in these markets.")
@click.option("--category", "-c", multiple=True, help=f"Only these categories: {', '.join(CATEGORIES)}.")
@click.option("--packs", multiple=True, type=click.Path(), help="Extra rule-pack folder(s).")
@click.option("--format", "-f", "fmt", type=click.Choice(["text", "json"]), default="text")
def rules_list(market, category, packs, fmt):
    """Id, category, severity and message of each rule."""
    import json

    from .rules import load_rules

    try:
        ruleset = load_rules(tuple(packs))
        markets = _split(market)
        ruleset.check_markets(markets)
    except UsageError as exc:
        _fail(str(exc))
    if markets:
        effective = {}
        for m in markets:
            for rid, eff in ruleset.effective(m).items():
                effective.setdefault(rid, eff)
        items = [(rid, eff.rule, eff.severity, eff.message) for rid, eff in sorted(effective.items())]
    else:
        items = [(rid, r, r.severity, r.message) for rid, r in sorted(ruleset.rules.items())]
    cats = _split(category)
    unknown = [c for c in cats if c not in CATEGORIES]
    if unknown:
        _fail(f"unknown category {unknown[0]!r} (known: {', '.join(CATEGORIES)})")
    items = [i for i in items if not cats or i[1].category in cats]
    if fmt == "json":
        click.echo(json.dumps(
            [{"id": rid, "category": r.category, "severity": sev, "message": msg, "pack": r.pack, "reviewed": r.reviewed}
             for rid, r, sev, msg in items],
            ensure_ascii=False, indent=2,
        ))
        return
    width = max((len(i[0]) for i in items), default=10)
    for rid, r, sev, msg in items:
        click.echo(f"{rid:<{width}}  {r.category:<11} {sev:<8} {r.reviewed or 'unreviewed':<10}  {msg}")
    click.echo(f"\n{len(items)} rules", err=True)


def _period_days(value: str) -> int:
    """`180d`, `26w`, `6m` (30-day months), `1y` (365 days) or a bare number of days -> days."""
    import re as _re

    m = _re.fullmatch(r"\s*(\d+)\s*([dwmy]?)\s*", value or "")
    if m is None:
        _fail(f"--older-than: {value!r} is not a period such as 180d, 26w, 6m or 1y")
    return int(m.group(1)) * {"": 1, "d": 1, "w": 7, "m": 30, "y": 365}[m.group(2)]


@rules.command("stale")
@click.option("--older-than", "older_than", default="180d", show_default=True,
              help="Rules whose last review is at least this old: 180d, 26w, 6m, 1y (0d lists every rule).")
@click.option("--as-of", "as_of", metavar="YYYY-MM-DD", help="Measure ages from this day (default: today).")
@click.option("--market", "-m", multiple=True, help="Only the rules that apply in these markets.")
@click.option("--packs", multiple=True, type=click.Path(), help="Extra rule-pack folder(s).")
@click.option("--format", "-f", "fmt", type=click.Choice(["text", "json"]), default="text")
def rules_stale(older_than, as_of, market, packs, fmt):
    """Rules not reviewed within a period, oldest first.

    Each with its sources: what to re-check."""
    import datetime
    import json

    from .rules import load_rules

    days = _period_days(older_than)
    try:
        today = datetime.date.fromisoformat(as_of) if as_of else datetime.date.today()
    except ValueError:
        _fail(f"--as-of: {as_of!r} is not a date (YYYY-MM-DD)")
    try:
        ruleset = load_rules(tuple(packs))
        markets = _split(market)
        ruleset.check_markets(markets)
    except UsageError as exc:
        _fail(str(exc))
    if markets:
        chosen = {rid: eff.rule for m in markets for rid, eff in ruleset.effective(m).items()}
    else:
        chosen = dict(ruleset.rules)
    stale = []
    for rid, rule in chosen.items():
        try:
            day = datetime.date.fromisoformat(rule.reviewed) if rule.reviewed else None
        except ValueError:
            day = None
        age = None if day is None else (today - day).days
        if age is None or age >= days:
            stale.append((age, rid, rule))
    # never reviewed first, then the oldest review
    stale.sort(key=lambda t: (t[0] is not None, -(t[0] or 0), t[1]))
    if fmt == "json":
        click.echo(json.dumps(
            [{"id": rid, "pack": r.pack, "reviewed": r.reviewed, "age_days": age, "severity": r.severity,
              "evidence": r.evidence, "source": r.source, "defined_in": r.where} for age, rid, r in stale],
            ensure_ascii=False, indent=2,
        ))
    else:
        for age, rid, r in stale:
            when = f"{r.reviewed} ({age} days)" if age is not None else "never reviewed"
            evidence = f" [evidence: {r.evidence}]" if r.evidence else ""
            click.echo(f"{rid}  {when}{evidence}\n  source: {r.source}")
    click.echo(
        f"\n{len(stale)} of {len(chosen)} rules not reviewed within {days} days of {today.isoformat()}", err=True
    )


@rules.command("show")
@click.argument("rule_id")
@click.option("--packs", multiple=True, type=click.Path())
def rules_show(rule_id, packs):
    """The rule's message, rationale, source, suggestion and examples."""
    from .rules import load_rules

    try:
        ruleset = load_rules(tuple(packs))
    except UsageError as exc:
        _fail(str(exc))
    rule = ruleset.rules.get(rule_id)
    if rule is None:
        import difflib

        close = difflib.get_close_matches(rule_id, list(ruleset.rules), n=3)
        hint = f" (did you mean {', '.join(close)}?)" if close else ""
        _fail(f"unknown rule {rule_id!r}{hint}")
    markets = [m for m in ruleset.market_codes() if rule_id in ruleset.effective(m)]
    lines = [
        f"{rule.id}  ({rule.kind}, {rule.category}, {rule.severity})",
        f"  message:    {rule.message}",
        f"  why:        {rule.rationale}",
        f"  try:        {rule.suggestion or '-'}",
        f"  source:     {rule.source}" + (f"  [evidence: {rule.evidence}]" if rule.evidence else ""),
        f"  reviewed:   {rule.reviewed or 'never'}",
        f"  markets:    {', '.join(markets) or '-'}",
        f"  languages:  {', '.join(rule.languages)}",
        f"  applies to: {', '.join(sorted(rule.applies_to))}",
    ]
    for lang, entry in sorted(rule.texts.items()):
        pending = "  (machine-written, native review pending)" if entry.get("review") == "pending" else ""
        for key in ("message", "suggestion"):
            if entry.get(key):
                lines.append(f"  {key} ({lang}):{' ' * max(1, 10 - len(key) - len(lang))}{entry[key]}{pending}")
    if rule.when:
        lines.append(f"  when:       {rule.when}")
    lines.append(f"  defined in: {rule.where}")
    lines.append("  flags:")
    lines += [f"    - {_example_text(e)}" for e in rule.examples["flag"]]
    lines.append("  passes:")
    lines += [f"    - {_example_text(e)}" for e in rule.examples["pass"]]
    click.echo("\n".join(lines))


def _example_text(example) -> str:
    return example if isinstance(example, str) else example["text"]


@rules.command("test")
@click.option("--packs", multiple=True, type=click.Path(), help="Team pack folder(s) to test (default: the built-in packs).")
@click.option("--rule", "rule_prefix", multiple=True, help="Only rules with these ids or prefixes.")
def rules_test(packs, rule_prefix):
    """Run the rules' flag and pass examples.

    `flag` examples must raise the rule (on the span pinned as [[...]]), `pass` examples must not."""
    from .engine import Checker
    from .rules import load_rules
    from .rules.selftest import run_rule_examples

    try:
        ruleset = load_rules(tuple(packs))
    except UsageError as exc:
        _fail(str(exc))
    checker = Checker(ruleset)
    unknown = checker.names.unknown(rule_prefix)
    if unknown:
        _fail(f"--rule: unknown rule or prefix {unknown[0]}")
    team_files = {f for p in packs for f in (str(x) for x in Path(p).rglob("*.y*ml"))}
    selected = [
        r for rid, r in sorted(ruleset.rules.items())
        if (not packs or r.file in team_files or any(r.file.startswith(str(Path(p))) for p in packs))
        and (not rule_prefix or selected_by(rid, rule_prefix))
    ]
    failures = 0
    examples = 0
    for rule in selected:
        for result in run_rule_examples(checker, rule):
            examples += 1
            if not result.ok:
                failures += 1
                click.echo(f"{rule.where}: {result.describe()}")
    click.echo(f"{len(selected)} rules, {examples} examples, {failures} failed", err=True)
    sys.exit(1 if failures else 0)


@main.command()
@click.option("--packs", multiple=True, type=click.Path())
def markets(packs):
    """The markets, their languages and rule counts."""
    from .rules import load_rules

    try:
        ruleset = load_rules(tuple(packs))
    except UsageError as exc:
        _fail(str(exc))
    click.echo(f"{'market':<8} {'name':<22} {'languages':<12} {'rules':>5}  version")
    for code in ruleset.market_codes():
        m = ruleset.markets[code]
        n = len(ruleset.effective(code))
        click.echo(f"{code:<8} {m.name:<22} {','.join(m.languages):<12} {n:>5}  {m.version}")
    g = ruleset.markets.get("global")
    if g:
        click.echo(f"\n(every market includes the {len(g.own_rules)} rules of the global pack)")


@main.command("docs")
@click.option("--out", type=click.Path(file_okay=False), default="docs/rules", show_default=True)
@click.option("--check", "check_only", is_flag=True, help="Exit 1 if the pages or the validation record are out of date.")
def docs_cmd(out, check_only):
    """Write the rule pages, and record the packs as validated.

    The packs are validated in full first; when they pass, checker/rules/validated.json records them
    (a start with the same packs, code and libraries does not validate them again)."""
    from .docs import render_rule_pages
    from .rules import load_rules, validated
    from .rules.packs import builtin_rules_dir

    try:
        pages = render_rule_pages(load_rules() if check_only else load_rules(cache=False, trust=False))
    except UsageError as exc:
        _fail(str(exc))
    stale = []
    for name, text in pages.items():
        path = Path(out) / name
        if not path.exists() or path.read_text(encoding="utf-8") != text:
            stale.append(str(path))
            if not check_only:
                path.parent.mkdir(parents=True, exist_ok=True)
                path.write_text(text, encoding="utf-8")
    if check_only:  # (the packs and code the record names: its environment is the writer's)
        if not validated.current(builtin_rules_dir()):
            stale.append(str(validated.RECORD))
    elif not validated.trusted(builtin_rules_dir()):
        stale.append(str(validated.write(builtin_rules_dir())))
    if check_only and stale:
        click.echo("out of date: " + ", ".join(stale) + " (run `reelcheck docs`)", err=True)
        sys.exit(1)
    click.echo(f"{len(pages)} pages {'checked' if check_only else 'written'} in {out}", err=True)


if __name__ == "__main__":  # pragma: no cover
    main()
