"""The `assistant` command line. Each command parses its arguments and calls one library function."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from assistant.errors import UserError

EPILOG = {
    "ingest": "example: assistant ingest guideline.pdf --title 'ASCO irAE guideline 2021' --publisher 'J Clin Oncol' --year 2021",
    "sources": "examples: assistant sources list --json | assistant sources remove asco-2021-hematologic",
    "search": "example: assistant search 'hold checkpoint inhibitor for grade 2 thrombocytopenia' -k 5 --mode hybrid",
    "index": "examples: assistant index status | assistant index build --rebuild",
    "grade": "example: assistant grade 'WBC 2.7, ANC 2.0, ALC 0.4, platelets 79' --ctcae 5 --lln plt=140",
    "check": "example: assistant check draft.md --ctcae 5   (exit 1 when something is wrong, 0 when nothing is)",
    "ask": "example: assistant ask 'On pembrolizumab, platelets 45 - what should I do?' --json",
    "chat": "example: assistant chat   (then type questions; an empty line or Ctrl-D ends)",
    "serve": "example: assistant serve --port 7860",
    "bench": "example: assistant bench --json",
    "eval": "example: assistant eval --out eval-out --compare previous-eval-out --json",
}


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="assistant", description="Guideline-grounded answers on checkpoint-inhibitor cytopenias, with CTCAE grading.")
    parser.add_argument("--home", type=Path, help="workspace folder (default: ASSISTANT_HOME or the checkout)")
    commands = parser.add_subparsers(dest="command", required=True)

    def command(name: str, help_text: str) -> argparse.ArgumentParser:
        return commands.add_parser(name, help=help_text, description=help_text, epilog=EPILOG.get(name),
                                   formatter_class=argparse.RawDescriptionHelpFormatter)

    p = command("ingest", "Add or replace sources (PDF, HTML, Markdown, text; a folder adds every supported file).")
    p.add_argument("paths", nargs="+", type=Path)
    p.add_argument("--title")
    p.add_argument("--publisher")
    p.add_argument("--year", type=int)
    p.add_argument("--url")
    p.add_argument("--status", choices=["verified", "secondary", "unverified"],
                   help="how far the source was checked (for sources that do not state it; shown beside every citation)")
    p.add_argument("--replace", action="store_true",
                   help="replace the source that already has this id (its current version is kept and can be restored)")
    p.add_argument("--json", action="store_true")

    p = command("sources", "List, remove, restore or purge the sources of the knowledge base.")
    sub = p.add_subparsers(dest="action", required=True)
    s = sub.add_parser("list", help="list sources (with --removed: the removed and replaced versions kept for restoring)")
    s.add_argument("--removed", action="store_true")
    s.add_argument("--json", action="store_true")
    s = sub.add_parser("remove", help="remove one source and its chunks (kept for restoring until purged)")
    s.add_argument("source_id")
    s.add_argument("--force", action="store_true", help="also remove a shipped (protected) source")
    s.add_argument("--json", action="store_true")
    s = sub.add_parser("restore", help="bring back the newest removed or replaced version of a source")
    s.add_argument("source_id")
    s.add_argument("--json", action="store_true")
    s = sub.add_parser("purge", help="delete the kept versions of a removed or replaced source for good")
    s.add_argument("source_id")
    s.add_argument("--json", action="store_true")

    p = command("search", "Search the knowledge base.")
    p.add_argument("query")
    p.add_argument("-k", type=int, default=None, help="number of hits (default 5)")
    p.add_argument("--mode", choices=["hybrid", "dense", "bm25"], default="hybrid")
    p.add_argument("--json", action="store_true")

    p = command("index", "Show the index status, or build it.")
    p.add_argument("action", choices=["status", "build"])
    p.add_argument("--rebuild", action="store_true", help="build even when the index is current")
    p.add_argument("--json", action="store_true")

    p = command("grade", "Grade the lab values in a text by CTCAE.")
    p.add_argument("text", nargs="?")
    p.add_argument("--ctcae", default=None, help="CTCAE version: 5 (default) or 6")
    p.add_argument("--lln", nargs="+", metavar="ANALYTE=VALUE", help="lower limits of normal, e.g. plt=140 anc=1.8")
    p.add_argument("--uln", nargs="+", metavar="ANALYTE=VALUE", help="upper limits of normal, e.g. alt=35")
    p.add_argument("--batch", metavar="FILE|-", help="JSON lines {id, text, ctcae?} in, JSON lines {id, labs} out")
    p.add_argument("--json", action="store_true")

    p = command("check", "Check the numeric grading claims in a text (a file, or - for standard input).")
    p.add_argument("file")
    p.add_argument("--ctcae", default=None, help="CTCAE version: 5 (default) or 6")
    p.add_argument("--json", action="store_true")

    p = command("ask", "Answer a clinical question from the knowledge base, with citations and CTCAE grades.")
    p.add_argument("question", nargs="?")
    p.add_argument("--ctcae", default=None)
    p.add_argument("--batch", metavar="FILE|-", help="JSON lines {id, question, ctcae?} in, one answer per line out")
    p.add_argument("--json", action="store_true")

    p = command("chat", "Ask questions in a loop; follow-ups keep the patient's context.")
    p.add_argument("--ctcae", default=None)

    p = command("serve", "Serve the chat UI.")
    p.add_argument("--host", default="127.0.0.1")
    p.add_argument("--port", type=int, default=7860)

    p = command("bench", "Measure ingest, search, check and ask speed on this machine.")
    p.add_argument("--json", action="store_true")
    p.add_argument("--scale-chunks", type=int, default=100_000, help="size of the synthetic index for the scale test")

    p = command("eval", "Run the answer-accuracy evaluation.")
    p.add_argument("--dataset", type=Path, default=None, help="question set (default evals/questions.jsonl)")
    p.add_argument("--review-dataset", type=Path, default=None, help="review set for the rules check (default evals/review.jsonl)")
    p.add_argument("--out", type=Path, default=None, help="write results.jsonl and report.html here")
    p.add_argument("--compare", type=Path, default=None, help="a previous --out folder to compare with")
    p.add_argument("--json", action="store_true")
    return parser


def _emit(payload, as_json: bool, text: str) -> None:
    if as_json:
        print(json.dumps(payload, ensure_ascii=False))
    else:
        print(text)


MAX_INPUT_BYTES = 50 * 2**20


def _read_input(name: str) -> str:
    """Text from a file or from standard input ("-"), by the same rules: UTF-8 text, not binary, not too large."""
    label = "standard input" if name == "-" else name
    if name == "-":
        data = sys.stdin.buffer.read(MAX_INPUT_BYTES + 1)
    else:
        path = Path(name)
        if not path.exists():
            raise UserError(f"{name}: no such file; give a file path or - for standard input")
        if path.is_dir():
            raise UserError(f"{name}: is a directory; give a text file (or - for standard input)")
        if not path.is_file():
            raise UserError(f"{name}: not a regular file (a device or a pipe); save the text to a file or pipe it to -")
        with path.open("rb") as handle:
            data = handle.read(MAX_INPUT_BYTES + 1)
    if len(data) > MAX_INPUT_BYTES:
        raise UserError(f"{label}: larger than {MAX_INPUT_BYTES // 2**20} MiB; split the text and check it in parts")
    if b"\x00" in data:
        raise UserError(f"{label}: binary data, not text; give a UTF-8 text file")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise UserError(f"{label}: not UTF-8 text; save it as UTF-8") from None


def _settings(args, **extra):
    from assistant.settings import load_settings

    return load_settings(home=args.home, **extra)


def _knowledge_base(args, as_json: bool = False):
    from assistant.index import progress_wanted
    from assistant.knowledge_base import KnowledgeBase

    return KnowledgeBase(_settings(args), progress=progress_wanted(as_json))


def _sources(args) -> int:
    kb = _knowledge_base(args, args.json)
    if args.action == "list" and args.removed:
        removed = kb.removed()
        lines = [f"{r['source_id']:40} {r['reason']:8} {r['removed_at']}  {r['title']}" for r in removed]
        _emit({"removed": removed}, args.json, "\n".join(lines) or "No removed or replaced sources are kept.")
    elif args.action == "list":
        sources = kb.sources()
        lines = [f"{s['source_id']:40} {s['chunks']:4} chunks  {s['year'] or '':4}  {s['title']}{'  [shipped]' if s['protected'] else ''}"
                 for s in sources]
        _emit({"sources": sources}, args.json, "\n".join(lines) or "No sources yet: add one with `assistant ingest FILE`.")
    elif args.action == "remove":
        result = kb.remove(args.source_id, force=args.force)
        _emit(result, args.json, f"removed {result['source_id']} ({result['chunks']} chunks); "
                                 f"bring it back with `assistant sources restore {result['source_id']}`")
    elif args.action == "restore":
        result = kb.restore(args.source_id)
        _emit(result, args.json, f"restored {result['source_id']} ({result['chunks']} chunks)  {result['title']}")
    else:
        result = kb.purge(args.source_id)
        _emit(result, args.json, f"purged {result['versions']} kept version(s) of {result['source_id']}")
    return 0


def _preload_model_library() -> None:
    """Start importing sentence-transformers (about 5 s on a 2-core machine) in the background, so it
    overlaps with reading settings and loading the index; only for commands that always need the model."""
    import importlib
    import threading

    threading.Thread(target=importlib.import_module, args=("sentence_transformers",), daemon=True).start()


def run(args) -> int:
    if args.command in ("ask", "chat", "search"):
        _preload_model_library()
    if args.command == "ingest":
        results = _knowledge_base(args, args.json).ingest(args.paths, args.title, args.publisher, args.year, args.url,
                                                          args.status, replace=args.replace)
        if args.json:
            for result in results:
                print(json.dumps(result, ensure_ascii=False))
        else:
            for r in results:
                if r["status"] == "skipped":
                    print(f"skipped   {r['file']}  ({r['reason']})")
                    continue
                print(f"{r['status']:9} {r['source_id']}  ({r['chunks']} chunks)  {r['title']}")
                for flag in r.get("flagged", []):
                    print(f"  never quoted ({flag['reason']}): {flag['locator']}: \"{flag['sentence'][:160]}\"")
        return 0

    if args.command == "sources":
        return _sources(args)

    if args.command == "search":
        hits = _knowledge_base(args, args.json).search(args.query, args.k, args.mode)
        text = "\n\n".join(f"{n}. [{h.score:.4f}] {h.chunk.title} › {h.chunk.locator}\n   {h.chunk.text[:300]}" for n, h in enumerate(hits, 1))
        _emit({"hits": [h.as_dict() for h in hits]}, args.json, text or "No hits.")
        return 0

    if args.command == "index":
        kb = _knowledge_base(args, args.json)
        if args.action == "status":
            status = kb.status()
            text = (f"index: {'built' if status['built'] else 'missing'}, {'stale: ' + '; '.join(status['reasons']) if status['stale'] else 'current'}"
                    + (f"\n{status['sources']} sources, {status['chunks']} chunks, {status['faiss_index']}, built {status['built_at']}" if status["built"] else ""))
            _emit(status, args.json, text)
        else:
            result = kb.build(rebuild=args.rebuild)
            text = f"{'built' if result['built'] else 'already current'}: {result['sources']} sources, {result['chunks']} chunks"
            _emit(result, args.json, text)
        return 0

    if args.command == "grade":
        return _grade(args)

    if args.command == "check":
        from assistant.check import check_text, findings_as_dicts, format_report
        from assistant.ctcae import normalize_version

        text = _read_input(args.file)
        version = normalize_version(args.ctcae or _settings(args).ctcae_version)
        findings = check_text(text, version)
        _emit({"findings": findings_as_dicts(findings)}, args.json, format_report(text, findings))
        return 1 if findings else 0

    if args.command == "ask":
        return _ask(args)

    if args.command == "chat":
        return _chat(args)

    if args.command == "serve":
        from assistant.ui import serve

        serve(_settings(args), host=args.host, port=args.port)
        return 0

    if args.command == "bench":
        from assistant.bench import run_bench

        result = run_bench(_settings(args), scale_chunks=args.scale_chunks, progress=not args.json)
        _emit(result, args.json, json.dumps(result, indent=2))
        return 0

    if args.command == "eval":
        return _eval(args)
    raise UserError(f"unknown command {args.command}")


def _batch_items(source: str, field: str):
    """JSON-lines items from a file or stdin, each an object with `field`; a bad line is a user error."""
    for number, line in enumerate(_read_input(source).splitlines(), 1):
        if not line.strip():
            continue
        try:
            item = json.loads(line)
            if not isinstance(item, dict) or not isinstance(item.get(field), str):
                raise TypeError
        except (json.JSONDecodeError, TypeError):
            raise UserError(f"{source} line {number}: expected a JSON object with 'id' and '{field}'") from None
        yield item


def _ask(args) -> int:
    from assistant.answering import ask, format_answer, make_answerer

    answerer = make_answerer(_settings(args))
    if args.batch:
        refused = 0
        for item in _batch_items(args.batch, "question"):
            try:
                result = ask(answerer, item["question"], item.get("ctcae") or args.ctcae)
            except UserError as exc:  # one bad line is reported on its own line; the others are answered
                refused += 1
                print(json.dumps({"id": item.get("id"), "error": str(exc)}, ensure_ascii=False), flush=True)
                continue
            print(json.dumps({"id": item.get("id"), **result}, ensure_ascii=False), flush=True)
        if refused:
            print(f"error: {refused} question(s) refused; see the lines with an \"error\" field", file=sys.stderr)
        return 2 if refused else 0
    if not args.question:
        raise UserError("give a question, e.g. assistant ask 'platelets 45 on pembrolizumab: hold or continue?', or use --batch FILE")
    result = ask(answerer, args.question, args.ctcae)
    print(json.dumps(result, ensure_ascii=False) if args.json else format_answer(result))
    return 0


def _chat(args) -> int:
    from assistant.answering import Conversation, format_answer, make_answerer

    conversation = Conversation(make_answerer(_settings(args)), args.ctcae)
    print("Ask a question (an empty line or Ctrl-D ends). Follow-up questions keep the patient's context.")
    while True:
        try:
            question = input("\n> ")
        except EOFError:
            break
        if not question.strip():
            break
        try:
            print(format_answer(conversation.ask(question)))
        except UserError as exc:
            print(f"error: {exc}", file=sys.stderr)
    return 0


def _eval(args) -> int:
    from assistant.answering import make_answerer
    from assistant.evaluation import evaluate, format_report

    payload, results = evaluate(make_answerer(_settings(args)), args.dataset, args.review_dataset, args.out, args.compare)
    if args.json:
        print(json.dumps(payload, ensure_ascii=False))
        return 0
    print(format_report(payload))
    failing = [r.id for r in results if r.failures]
    print(f"\n{len(failing)} item(s) with failures" + (": " + ", ".join(failing) if failing else ""))
    if "comparison" in payload:
        print(f"compared: {len(payload['comparison']['regressed'])} regressed, {len(payload['comparison']['improved'])} improved")
    if args.out:
        print(f"report: {args.out / 'report.html'}")
    return 0


def _grade(args) -> int:
    from assistant.ctcae import normalize_version
    from assistant.labs import grade_text, parse_limits

    lln = parse_limits(args.lln, "--lln")
    uln = parse_limits(args.uln, "--uln")
    default_version = normalize_version(args.ctcae or _settings(args).ctcae_version)
    if args.batch:
        for item in _batch_items(args.batch, "text"):
            version = normalize_version(item.get("ctcae") or default_version)
            print(json.dumps({"id": item.get("id"), "labs": grade_text(item["text"], version, lln, uln)}, ensure_ascii=False), flush=True)
        return 0
    if not args.text:
        raise UserError("give the text to grade, e.g. assistant grade 'platelets 79, ANC 2.0', or use --batch FILE")
    labs = grade_text(args.text, default_version, lln, uln)
    if args.json:
        print(json.dumps({"labs": labs}, ensure_ascii=False))
        return 0
    if not labs:
        print("No lab values found. Write them as e.g. 'WBC 2.7, ANC 1.2, platelets 79, Hb 9.1 g/dL'.")
        return 0
    for lab in labs:
        grade = "not graded" if lab["grade"] is None else f"grade {lab['grade']}"
        value = "-" if lab["value"] is None else f"{lab['value']:g} {lab['unit']}"
        print(f"{lab['raw']:28} {value:16} {grade:11} {lab['term'] or ''} (CTCAE v{lab['ctcae_version']})")
        print(f"{'':28} criterion: {lab['criterion']}")
        for note in lab["assumptions"] + lab["warnings"]:
            print(f"{'':28} note: {note}")
    return 0


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    try:
        return run(args)
    except UserError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return exc.exit_code
    except KeyboardInterrupt:
        print("interrupted", file=sys.stderr)
        return 130
    except OSError as exc:  # the environment, not the program: a permission, a full disk, a path that is a file
        if isinstance(exc, BrokenPipeError):
            return 0
        where = exc.filename or "a workspace file"
        print(f"error: {where}: {exc.strerror or exc}; check that the path exists and is writable "
              "(or set ASSISTANT_HOME to a writable folder)", file=sys.stderr)
        return 2


if __name__ == "__main__":
    raise SystemExit(main())
