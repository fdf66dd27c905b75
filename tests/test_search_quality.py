"""Chinese search against substring truth on 4,000 real UN sentences (bench/search_quality.py)."""

import pytest

from bench.search_quality import run
from search.engines import ENGINES


@pytest.mark.parametrize("engine", sorted(ENGINES))
def test_recall_and_precision_on_real_un_sentences(corpus_dir, capsys, engine):
    summaries = run(engine=engine)
    print(capsys.readouterr().out)  # the figures stay in the test log
    for kind, (recall, precision) in summaries["archive"].items():
        assert recall >= 0.95 and precision >= 0.95, (kind, recall, precision)
    # Word segmentation alone cannot find a fragment that straddles two words.
    assert summaries["words only"]["cross-word"][0] < 0.5
    # The bigram field is what makes the search exact: it must not do worse than words alone.
    assert summaries["archive"]["all"][0] >= summaries["words only"]["all"][0]
