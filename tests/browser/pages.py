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
    "search": ("/search/?q=%E8%81%94%E5%90%88%E5%9B%BD%E4%BA%BA%E5%91%98+OR+archives", 200),
}
