"""What the archive does under faults, shown on a real gunicorn: the search index deleted or
corrupted while serving, PostgreSQL restarted while serving, an import killed halfway.

Usage::

    .venv/bin/python -m bench.faults [--workers 2] [--kills 5]     # or: make faults

The archive is imported afresh into a database and search index of its own (``BENCH_DATABASE``,
default ``archive_faults``, and ``BENCH_DIR/index``, default ``var/faults/index``); the PostgreSQL
restart runs on a private cluster of its own, started from the embedded server's binaries in a
temporary directory, so no shared server is ever stopped. Each scenario prints the requests made
during the fault, their statuses, and the time the service took to recover. ``tests/test_faults.py``
runs the same scenarios, bounded. The scenarios live in ``bench.fault_index``,
``bench.fault_postgres`` and ``bench.fault_import``, what they share in ``bench.traffic``; this
module runs them in turn and reports.
"""

import argparse
import json
import os
import random
import sys
from pathlib import Path

from bench.fault_import import import_kills
from bench.fault_index import INDEX_FAULTS, index_fault
from bench.fault_postgres import database_restart, private_postgres
from bench.server import PROJECT_DIR, setup_django
from bench.traffic import choose_pages, serving

CORPUS_DIR = Path(os.environ.get("CORPUS_DIR", PROJECT_DIR.parent / "shared" / "corpus"))


# --- The command ------------------------------------------------------------------------------


def import_files() -> list[Path]:
    """The English General Assembly texts of the shared corpus (one resolution each)."""
    return sorted((CORPUS_DIR / "en" / "ga").glob("*.txt"))


def prepare_archive(files: list[Path]) -> None:
    """The bench database and index made afresh, holding exactly ``files``."""
    from django.core.management import call_command

    from bench.run import reset_archive

    reset_archive()
    call_command("import_resolutions", *map(str, files), verbosity=0)


def run(workers: int = 2, kills: int = 5, seed: int = 7) -> dict:
    from django.conf import settings
    from django.db import connection

    index_dir = Path(settings.SEARCH_INDEX_DIR)
    files = import_files()
    prepare_archive(files[:8])
    pages = choose_pages()
    result: dict = {"workers": workers, "index": []}
    with serving(index_dir.parent, workers) as server:
        for fault in INDEX_FAULTS:
            result["index"].append(index_fault(server, index_dir, pages, fault))
    restart_dir = index_dir.parent / "postgres-restart"  # gunicorn's logs of that scenario
    restart_dir.mkdir(exist_ok=True)
    with (
        private_postgres(connection.settings_dict["NAME"], files[:8]) as cluster,
        serving(restart_dir, workers, DATABASE_URL=cluster.url()) as server,
    ):
        result["database"] = database_restart(server, cluster, pages)
    choice = random.Random(seed)
    points = sorted((choice.randint(0, len(files)), choice.uniform(0, 0.5)) for _ in range(kills))
    result["import"] = import_kills(files, index_dir, points)
    return result


def _traffic(figures: dict) -> str:
    return (
        f"search {figures.get('search', {})} ({figures.get('empty_searches', 0)} found nothing), "
        f"pages {figures.get('pages', {})}"
    )


def print_report(result: dict) -> None:
    print(f"## Search index faults (gunicorn, {result['workers']} workers)\n")
    print(
        "| fault | search | json | healthz | pages | index recreated | rebuild | "
        "recovery after rebuild | traffic during fault | during rebuild | same processes |"
    )
    print("|---|---|---|---|---|---|---|---|---|---|---|")
    for r in result["index"]:
        d = r["during"]
        print(
            f"| {r['fault']} | {d['search_html']} | {d['search_json']} | {d['healthz']} | "
            f"{d['reading']} | {d['index_recreated']} | status {r['rebuild']['status']}, "
            f"{r['rebuild']['seconds']} s | {r['recovery_after_rebuild']} s, "
            f"{r['after']['hits']} hits | {_traffic(r['traffic_during_fault'])} | "
            f"{_traffic(r['traffic_during_rebuild'])} | {r['same_processes']} |"
        )
    db = result["database"]
    print("\n## PostgreSQL stopped (fast) and started again under gunicorn\n")
    print(f"- outage: {db['outage_seconds']} s from `pg_ctl stop` to the end of `pg_ctl start`")
    print(f"- before: {db['before']}")
    print(f"- while it was down: {db['while_down']}")
    print(
        f"- from `pg_ctl stop` to the end of `pg_ctl start`: {db['during']} (503 pages name "
        f"the database: "
        f"{db['during_bodies_say_database']})"
    )
    print(
        f"- first 200 {db['recovery_after_start']} s after PostgreSQL was back "
        f"({db['recovery_after_stop']} s after it was stopped); gunicorn not restarted: "
        f"{db['same_processes']}"
    )
    print(f"- after recovery: {db['after']}")
    imp = result["import"]
    print(f"\n## import_resolutions SIGKILLed ({imp['files']} files)\n")
    print("| killed | when | versions stored | files whole | partial | problems | not indexed |")
    print("|---|---|---|---|---|---|---|")
    for r in imp["rounds"]:
        print(
            f"| {r['killed']} | {r['delay']} s after file {r['after_files']} ({r['seconds']} s) "
            f"| {r['database']['versions']} | "
            f"{r['database']['files_whole']} | {r['database']['files_partial']} | "
            f"{len(r['database']['problems'])} | {r['index']['missing']} |"
        )
    second = imp["second_import"]
    print(
        f"\n- import again: status {second['status']}, {second['summary']}; problems "
        f"{len(second['database']['problems'])}; index afterwards {second['index']}"
    )
    print(
        f"- check_index: status {imp['check_index']['status']}; --repair: status "
        f"{imp['repair']['status']}; afterwards {imp['after_repair']}"
    )


def failures(result: dict) -> list[str]:
    """What went against the expectations (the ones tests/test_faults.py asserts, bounded)."""
    found = []
    for fault in result["index"]:
        name, during, after = fault["fault"], fault["during"], fault["after"]
        if set(during["search_html"]) != {"503"} or set(during["reading"]) != {"200"}:
            found.append(
                f"{name}: during the fault search {during['search_html']}, pages "
                f"{during['reading']}"
            )
        if fault["rebuild"]["status"] != 0 or after["hits"] != fault["before"]["hits"]:
            found.append(f"{name}: rebuild_index did not bring the same hits back")
        for phase in ("traffic_during_fault", "traffic_during_rebuild", "traffic_after"):
            if not set(fault[phase]["statuses"]) <= {"200", "503"}:
                found.append(f"{name}: {phase} {fault[phase]['statuses']}")
    database = result["database"]
    if set(database["while_down"]["statuses"]) != {"503"}:
        found.append(f"PostgreSQL down: {database['while_down']['statuses']}")
    if set(database["after"]["statuses"]) != {"200"}:
        found.append(f"PostgreSQL back: {database['after']['statuses']}")
    imports = result["import"]
    for outcome in imports["rounds"]:
        if outcome["database"]["files_partial"] or outcome["database"]["problems"]:
            where = f"after file {outcome['after_files']}"
            found.append(f"import killed {where}: {outcome['database']}")
    if imports["second_import"]["status"] != 0 or imports["check_index"]["status"] != 0:
        found.append("the import run again did not leave the index consistent")
    return found


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--workers", type=int, default=2, help="gunicorn worker processes")
    parser.add_argument("--kills", type=int, default=5, help="imports to kill")
    parser.add_argument("--json", type=Path, help="also write the figures to this file")
    options = parser.parse_args(argv)
    setup_django("faults")
    result = run(workers=options.workers, kills=options.kills)
    print_report(result)
    if options.json:
        options.json.write_text(json.dumps(result, indent=2, ensure_ascii=False))
    problems = failures(result)
    print("\n".join(["", *problems]) if problems else "\nOK")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
