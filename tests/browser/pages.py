"""The pages every check visits: one of each kind, with the status it answers with."""

PAGES_TO_CHECK = {
    "home": ("/", 200),
    "list": ("/ga/76/", 200),
    "resolution": ("/A/RES/76/127/zh/", 200),
    "paragraph": ("/A/RES/76/127/zh/para_22/", 200),
    "side-by-side": ("/A/RES/80/501/en-fr/", 200),
    "not-in-archive": ("/A/RES/46/182/", 404),
    "not-found": ("/no-such-page/", 404),
    "downloads": ("/downloads/", 200),
    "council-list": ("/sc/1967/", 200),
    "states": ("/states/", 200),
    "state": ("/states/ISR/", 200),
    "api-docs": ("/api/", 200),
    "language-notice": ("/A/RES/80/501/en/?from=zh", 200),
    "ocr-text": ("/S/RES/242(1967)/en/", 200),
    "go-to-missing": ("/A/RES/76/127/zh/go/?p=999", 404),
    "search": ("/search/?q=%E8%81%94%E5%90%88%E5%9B%BD%E4%BA%BA%E5%91%98+OR+archives", 200),
    # Titles that match, a search within one resolution, dates, a date refused with a notice.
    "search-filtered": (
        "/search/?q=%E4%BA%BA%E9%81%93%E4%B8%BB%E4%B9%89%E4%BA%BA%E5%91%98&symbol=76%2F127"
        "&adopted_from=2021-01-01&adopted_to=2021-13-01",
        200,
    ),
    "paragraph-marked": ("/A/RES/76/127/zh/para_22/?q=%E8%81%94%E5%90%88%E5%9B%BD", 200),
    # A citation pasted into the box, and one of a paragraph the resolution does not have.
    "search-citation": (
        "/search/?q=%E5%A4%A7%E4%BC%9A%E7%AC%AC76/127%E5%8F%B7%E5%86%B3%E8%AE%AE"
        "%EF%BC%8C%E7%AC%AC22%E6%AE%B5",
        200,
    ),
    "search-citation-missing": ("/search/?q=GA%20res%2076/127%2C%20para%20999", 200),
    "query-too-long": ("/search/?q=" + "x" * 1001, 400),
    "missing-paragraph": ("/A/RES/76/127/zh/para_999/", 404),
    "cannot-exist-yet": ("/A/RES/99/999/", 404),
    # What changed: the compare form, two resolutions compared, a refusal, and a resolution
    # with nothing before it in a series (tests/browser/test_changes.py checks a series' page).
    "compare": ("/compare/", 200),
    "compare-results": (
        "/compare/?from=S%2FRES%2F242+%281967%29&to=A%2FRES%2F80%2F501&language=en",
        200,
    ),
    "compare-refused": ("/compare/?from=xyz&to=80%2F501", 400),
    "changes-none": ("/A/RES/80/501/changes/", 404),
    # The citation graph: an inline SVG of links (76/127 cites texts not in the archive).
    "graph": ("/A/RES/76/127/graph/", 200),
    # The list of series (the series page itself: tests/browser/test_series_browser.py).
    "series-list": ("/series/", 200),
    # The Universal Declaration in Arabic (right to left), beside English, and one of its
    # articles in all six languages.
    "arabic-version": ("/A/RES/217A(III)/ar/", 200),
    "arabic-paragraph": ("/A/RES/217A(III)/ar/article_1/", 200),
    "english-arabic": ("/A/RES/217A(III)/en-ar/", 200),
    "all-languages": ("/A/RES/217A(III)/all/article_1/", 200),
}
