"""The study's command line: ``python -m coverage COMMAND ...``.

Each command is a thin call into the module of its stage. Failures print one line that
says what went wrong and what to do, and exit non-zero.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from .errors import StudyError

STAGES = ("collect", "extract", "quoted_sources", "framing", "compare")


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="python -m coverage",
        description="Xiaomi data-collection coverage study (2020): collect, extract, analyse, run.",
    )
    sub = p.add_subparsers(dest="command", required=True)

    c = sub.add_parser("collect", help="fetch every registry URL into DIR/raw (WARC) and write DIR/fetch_log.csv")
    c.add_argument("--sources", required=True, type=Path, help="registry CSV (e.g. data/sources.csv)")
    c.add_argument("--out", required=True, type=Path, help="output folder DIR")
    c.add_argument("--offline", action="store_true", help="replay the archive only; fetch nothing")
    c.add_argument("--delay", type=float, default=1.0, help="seconds between requests to one domain (default 1)")
    c.add_argument("--workers", type=int, default=4, help="domains fetched concurrently (default 4)")

    e = sub.add_parser("extract", help="archived HTML -> DIR/articles.csv and .parquet")
    e.add_argument("--out", required=True, type=Path)

    a = sub.add_parser("analyse", help="quotes, citations and frames -> DIR/quotes.csv, citations.csv, frames.csv")
    a.add_argument("--out", required=True, type=Path)

    r = sub.add_parser("run", help="execute the notebooks in order with papermill")
    r.add_argument("--sources", required=True, type=Path)
    r.add_argument("--out", required=True, type=Path)
    r.add_argument("--offline", action="store_true")
    r.add_argument("--delay", type=float, default=1.0)
    r.add_argument("--from", dest="from_stage", choices=STAGES, default=STAGES[0],
                   help="first stage to run (earlier outputs in DIR are reused)")
    r.add_argument("--figures", type=Path, default=None,
                   help="also copy the figures here (the README's study command uses figures/)")

    v = sub.add_parser("evaluate", help="score automatic coding against a hand-coded gold file")
    v.add_argument("what", choices=("quotes", "frames"))
    v.add_argument("--gold", required=True, type=Path)

    b = sub.add_parser("bench", help="benchmarks that print figures and ratios")
    b.add_argument("what", choices=("extract",))
    b.add_argument("--corpus", type=Path, default=None,
                   help="trafilatura-eval corpus (folder or .tar.gz); default ../shared/peer/")
    b.add_argument("--limit", type=int, default=None, help="score only the first N pages")
    b.add_argument("--extractors", default="ours,newspaper3k,trafilatura")
    return p


def _dispatch(args: argparse.Namespace) -> int:
    if args.command == "collect":
        from .collect import collect

        log = collect(args.sources, args.out, offline=args.offline, delay=args.delay, workers=args.workers)
        ok = int((log["status"] == "ok").sum())
        print(f"collected {ok} of {len(log)} sources into {args.out} (see fetch_log.csv)")
    elif args.command == "extract":
        from .extract import extract_run

        arts = extract_run(args.out)
        print(f"extracted {len(arts)} articles into {args.out}/articles.csv")
    elif args.command == "analyse":
        from .analyse import analyse_run

        tables = analyse_run(args.out)
        print(", ".join(f"{name}: {len(df)} rows" for name, df in tables.items()))
    elif args.command == "run":
        from .pipeline import run

        run(args.sources, args.out, offline=args.offline, delay=args.delay,
            from_stage=args.from_stage, figures=args.figures)
    elif args.command == "evaluate":
        from . import evaluate

        report = evaluate.evaluate(args.what, args.gold)
        print(report.to_string(index=False))
    elif args.command == "bench":
        from .bench import bench_extract

        bench_extract(args.corpus, limit=args.limit, extractors=args.extractors.split(","))
    return 0


def main(argv: list[str] | None = None) -> int:
    """Entry point; returns the process exit code."""
    args = _parser().parse_args(argv)
    try:
        return _dispatch(args)
    except StudyError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("error: interrupted; what was already archived is kept, re-run to resume", file=sys.stderr)
        return 130
    except Exception as exc:  # noqa: BLE001 - the contract: one line, non-zero
        msg = " ".join(str(exc).split()) or type(exc).__name__
        print(f"error: {type(exc).__name__}: {msg}", file=sys.stderr)
        return 1
