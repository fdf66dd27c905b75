"""The changes benchmark generates two resolutions of one series, imports them and times their
changes page cold and warm. Figures are never asserted: only what the result holds."""

import random

from bench import changes_bench


def test_the_newer_text_differs_as_a_year_changes_one(corpus_dir):
    rng = random.Random(1)
    older, spare = changes_bench._paragraphs(rng, changes_bench.load_sentences(corpus_dir))
    newer = changes_bench.newer_paragraphs(rng, older, spare)
    assert len(older) == len(newer) == 100
    assert 10 <= sum(1 for paragraph in newer if paragraph not in older) <= 20


def test_the_changes_page_is_timed_cold_and_warm(db, corpus_dir):
    result = changes_bench.run(repeats=2, corpus_dir=corpus_dir)
    assert result["statuses"] == [200]
    counts = result["counts"]
    assert counts["new"] and counts["changed"] and counts["dropped"] and counts["unchanged"]
    assert result["paragraphs"] == {"older": 100, "newer": 100}
    for name in ("cold_ms", "warm_ms"):
        assert 0 < result[name]["p50"] <= result[name]["p95"] <= result[name]["max"]
    # Answered from the page cache, the page does not read the paragraphs again.
    assert result["queries"]["warm"] < result["queries"]["cold"]
    assert "| cold |" in changes_bench.table(result)
