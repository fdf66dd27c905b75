"""The benchmark results as Markdown tables, the form bench/RESULTS.md records them in."""

from .changes_bench import table as changes_table


def _n(value: float, digits: int = 0) -> str:
    return f"{value:,.{digits}f}"


def _ms(value: float) -> str:
    return f"{value:.1f}"


def _import(size: dict) -> list[str]:
    figures = size["import"]
    jieba = figures["jieba"]
    shares = ", ".join(f"{name} {share:.0%}" for name, share in figures["stage_shares"].items())
    return [
        "| import | files/s | paragraphs/s | characters/s | jieba alone, characters/s | "
        "import / jieba |",
        "|---|---:|---:|---:|---:|---:|",
        f"| {_n(figures['files'])} files, {_n(figures['paragraphs'])} paragraphs, "
        f"{_n(figures['footnotes'])} footnotes, {_n(figures['seconds'], 1)} s "
        f"| {_n(figures['files_per_second'], 1)} | {_n(figures['paragraphs_per_second'])} "
        f"| {_n(figures['characters_per_second'])} | {_n(jieba['characters_per_second'])} "
        f"| **{figures['import_vs_jieba']:.2f}** |",
        "",
        f"Time by stage: {shares}. Peak memory of the importing process: "
        f"{_n(figures['peak_rss_kb'] / 1024)} MB (RSS).",
    ]


def _search(size: dict) -> list[str]:
    search = size["search"]
    systems = ("archive", "ilike", "fts")
    lines = [
        "| query class | archive p50 / p95 / p99 (ms) | ILIKE + pg_trgm | FTS over jieba words "
        "| archive ÷ ILIKE (p95) | archive ÷ FTS (p95) |",
        "|---|---:|---:|---:|---:|---:|",
    ]
    for name, row in search["classes"].items():
        cells = []
        for system in systems:
            figures = row["latency"][system]
            cells.append(
                f"{_ms(figures['p50_ms'])} / {_ms(figures['p95_ms'])} / {_ms(figures['p99_ms'])}"
            )
        lines.append(
            f"| {name} | " + " | ".join(cells) + f" | {row['archive_vs_ilike_p95']:.2f} "
            f"| {row['archive_vs_fts_p95']:.2f} |"
        )
    trigram, fts = search["ilike_index"], search["fts_table"]
    if not trigram.get("available", True):
        built = "not available on this server: ILIKE ran without an index"
    elif trigram["build_seconds"] is None:
        built = "already there"
    else:
        built = f"built in {trigram['build_seconds']:.1f} s"
    disagreements = [
        f"{q['query']}{' [' + ', '.join(q['filters'].values()) + ']' if q['filters'] else ''} "
        f"(archive {q['hits']['archive']['paragraphs']}, "
        f"ILIKE {q['hits']['ilike']['total']}, FTS {q['hits']['fts']['total']})"
        for q in search["queries"]
        if not q["counts_agree"]
    ]
    lines += [
        "",
        "| query | archive hits (paragraphs) | ILIKE | FTS | archive = ILIKE |",
        "|---|---:|---:|---:|:---:|",
    ]
    for q in search["queries"]:
        label = q["query"] + (f" [{', '.join(q['filters'].values())}]" if q["filters"] else "")
        hits = q["hits"]
        lines.append(
            f"| {label} | {_n(hits['archive']['total'])} ({_n(hits['archive']['paragraphs'])}) "
            f"| {_n(hits['ilike']['total'])} | {_n(hits['fts']['total'])} "
            f"| {'yes' if q['archive_matches_ilike'] else '**no**'} |"
        )
    lines += [
        "",
        f"pg_trgm index {_n(trigram['bytes'] / 2**20, 1)} MB, {built}; FTS side table "
        f"{_n(fts['bytes'] / 2**20, 1)} MB, built in {fts['build_seconds']:.1f} s.",
        "Hit counts that differ (paragraphs): "
        + ("; ".join(disagreements) if disagreements else "none")
        + ".",
    ]
    return lines


def _pages(size: dict) -> list[str]:
    pages = size["pages"]
    lines = [
        "| page | requests | requests/s | p50 / p95 / p99 (ms) | server p95 (ms) | SQL queries "
        "| errors |",
        "|---|---:|---:|---:|---:|---:|---:|",
    ]
    for name, figures in pages["pages"].items():
        server = figures.get("server_p95")
        lines.append(
            f"| {name} | {_n(figures['requests'])} | {_n(figures['requests_per_second'], 1)} "
            f"| {_ms(figures['p50'])} / {_ms(figures['p95'])} / {_ms(figures['p99'])} "
            f"| {_ms(server) if server is not None else '—'} "
            f"| {figures.get('queries', '—')} | {figures['errors']} |"
        )
    return lines


def _footprint(size: dict) -> list[str]:
    index = size["footprint"]
    lines = [
        f"- index on disk: {_n(index['index_bytes'] / 2**20, 1)} MB, "
        f"{_n(index['index_bytes_per_text'])} bytes per paragraph or footnote",
    ]
    if pages := size.get("pages"):
        rss = ", ".join(f"{_n(kb / 1024, 0)} MB" for kb in pages["worker_rss_kb"])
        lines += [
            f"- start to first response: {pages['start_to_first_response']:.2f} s",
            f"- RSS per worker after the load: {rss}",
        ]
    return lines


def markdown(results: dict) -> str:
    machine = results["machine"]
    lines = [
        f"Engine: **{results.get('engine', 'whoosh')}**. "
        f"Measured {results['date']} on {machine['cores']} cores ({machine['cpu']}), "
        f"{machine['memory_gb']} GB, Python {machine['python']}, "
        f"PostgreSQL {machine['postgresql']}.",
    ]
    for size in results["sizes"]:
        corpus = size["corpus"]
        lines += [
            "",
            f"## {_n(corpus['paragraphs'])} paragraphs ({_n(corpus['files'])} resolutions, "
            f"{_n(corpus['characters'])} characters)",
            "",
            "### Import",
            "",
            *_import(size),
            "",
        ]
        if "search" in size:
            lines += ["", "### Search", "", *_search(size)]
        if "pages" in size:
            lines += ["", "### Pages", "", *_pages(size)]
        if "changes" in size:
            lines += ["", "### What changed", "", changes_table(size["changes"])]
        lines += ["", "### Footprint", "", *_footprint(size)]
    return "\n".join(lines) + "\n"
