"""States and territories named in a resolution's text.

The names come from ISO 3166 as ``pycountry`` ships it: each country's name, common name and
official name ("Korea, Republic of" also read as "Republic of Korea"), their Chinese translations
(pycountry's ``zh_CN`` gettext catalogue), and the countries that no longer exist
(``historic_countries``: the Union of Soviet Socialist Republics, Yugoslavia, Southern Rhodesia,
Czechoslovakia, …), which the Council's texts of 1946–1994 name. To them are added the UN's own
short forms where they differ (Syrian Arab Republic, Iran (Islamic Republic of), Türkiye, Viet
Nam, …) and their Chinese forms (阿拉伯叙利亚共和国, 伊朗伊斯兰共和国, 联合王国, …), and the
names of the past for States that only changed their name (Zaire, Dahomey, Upper Volta, Burma,
Ceylon, Swaziland, South West Africa): those count as the State of today.

Every State is known by its ISO 3166 alpha-3 code, which is unique across current and historic
countries (SYR, SUN for the USSR, YUG for Yugoslavia).

Matching is careful rather than eager:

* whole names only, and the longest name wins where names overlap: Guinea is not found in
  Guinea-Bissau, Equatorial Guinea or Papua New Guinea, Niger not in Nigeria, Sudan not in South
  Sudan, 几内亚 not in 几内亚比绍;
* English names are matched with their capitals, so "chad" or "jordan" as plain words are never
  States; Chad, Jordan and Georgia are, except in names of places that are not the State (Lake
  Chad, the Jordan River, West New Guinea, the Gulf of Guinea, New Jersey);
* Chinese has no spaces, so phrases in which a State's name appears by accident are excluded:
  发展中国家 (developing countries) holds 中国, 非法国际 holds 法国, 拉美国家 holds 美国;
* a name that is no State on its own is not looked for: "Korea" alone, "Congo" alone (the Congo
  of 1960 is today's Democratic Republic of the Congo, the Congo of pycountry its neighbour).

Plain Python: no Django here.
"""

import gettext
import re
import unicodedata
from dataclasses import dataclass
from functools import cache

import pycountry

# The UN's short forms (the names in its list of Member States) where they differ from
# pycountry's, with the Chinese the UN uses: the name shown, and looked for in the text.
UN_FORMS = {
    "BOL": ("Bolivia (Plurinational State of)", "多民族玻利维亚国"),
    "CIV": ("Côte d'Ivoire", "科特迪瓦"),
    "COD": ("Democratic Republic of the Congo", "刚果民主共和国"),
    "COG": ("Republic of the Congo", "刚果共和国"),
    "CZE": ("Czechia", "捷克"),
    "FSM": ("Micronesia (Federated States of)", "密克罗尼西亚联邦"),
    "GBR": ("United Kingdom of Great Britain and Northern Ireland", "大不列颠及北爱尔兰联合王国"),
    "IRN": ("Iran (Islamic Republic of)", "伊朗伊斯兰共和国"),
    "KHM": ("Cambodia", "柬埔寨"),
    "KOR": ("Republic of Korea", "大韩民国"),
    "KP": ("Democratic People's Republic of Korea", "朝鲜民主主义人民共和国"),
    "LAO": ("Lao People's Democratic Republic", "老挝人民民主共和国"),
    "MDA": ("Republic of Moldova", "摩尔多瓦共和国"),
    "PSE": ("State of Palestine", "巴勒斯坦国"),
    "RUS": ("Russian Federation", "俄罗斯联邦"),
    "SYR": ("Syrian Arab Republic", "阿拉伯叙利亚共和国"),
    "TUR": ("Türkiye", "土耳其"),
    "TZA": ("United Republic of Tanzania", "坦桑尼亚联合共和国"),
    "USA": ("United States of America", "美利坚合众国"),
    "VAT": ("Holy See", "教廷"),
    "VEN": ("Venezuela (Bolivarian Republic of)", "委内瑞拉玻利瓦尔共和国"),
    "VNM": ("Viet Nam", "越南"),
}
UN_FORMS["PRK"] = UN_FORMS.pop("KP")
# The UN's Chinese names where only they differ from pycountry's translation.
UN_CHINESE = {
    "ARE": "阿拉伯联合酋长国",
    "BGD": "孟加拉国",
    "GTM": "危地马拉",
    "KGZ": "吉尔吉斯斯坦",
    "MLT": "马耳他",
}

# Further names found in UN texts, old and new, for the State of today or a historic one.
OTHER_NAMES = {
    "BEN": ["Dahomey", "达荷美"],
    "BFA": ["Upper Volta", "上沃尔特"],
    "BIH": ["波黑"],
    "BLR": ["Byelorussian Soviet Socialist Republic", "Byelorussian SSR", "白俄罗斯"],
    "CIV": ["Ivory Coast"],
    "COD": ["Zaire", "Republic of Zaire", "扎伊尔", "Congo (Leopoldville)", "Congo (Léopoldville)"],
    "COG": ["Congo (Brazzaville)"],
    "CZE": ["Czech Republic", "捷克共和国"],
    "GBR": ["United Kingdom", "Great Britain", "联合王国", "英国"],
    "GNB": ["Portuguese Guinea", "Guinea (Bissau)", "葡属几内亚"],
    "JOR": ["Transjordan", "Hashemite Kingdom of Transjordan", "外约旦"],
    "KHM": ["Kampuchea", "Democratic Kampuchea", "民主柬埔寨"],
    "LKA": ["Ceylon", "锡兰"],
    "MKD": [
        "The former Yugoslav Republic of Macedonia",
        "the former Yugoslav Republic of Macedonia",
        "前南斯拉夫的马其顿共和国",
    ],
    "MMR": ["Burma", "缅甸"],
    "NAM": ["South West Africa", "西南非洲"],
    "PRK": ["North Korea", "朝鲜"],
    "PSE": ["Palestine", "巴勒斯坦"],
    "RUS": ["俄罗斯"],
    "SWZ": ["Swaziland", "斯威士兰"],
    "SYR": ["叙利亚阿拉伯共和国", "叙利亚"],
    "THA": ["Siam"],
    "TLS": ["East Timor", "Portuguese Timor"],
    "TUR": ["Turkey"],
    "USA": ["United States", "美国"],
    "VNM": ["Vietnam"],
    # Historic countries, by the names their resolutions use.
    "SUN": ["Union of Soviet Socialist Republics", "USSR", "Soviet Union", "苏联"],
    "YUG": [
        "Yugoslavia",
        "Federal Republic of Yugoslavia",
        "Socialist Federal Republic of Yugoslavia",
        "南斯拉夫",
        "南斯拉夫联盟共和国",
    ],
    "RHO": ["Southern Rhodesia", "Rhodesia", "南罗得西亚", "罗得西亚"],
    "CSK": ["Czechoslovakia", "捷克斯洛伐克"],
    "DDR": ["German Democratic Republic", "民主德国"],
    "YMD": ["Democratic Yemen", "民主也门"],
    "VDR": ["Democratic Republic of Viet-Nam", "Democratic Republic of Vietnam"],
    "SCG": ["Serbia and Montenegro", "塞尔维亚和黑山"],
}

# Names that are not the State they contain: found first (they are longer), then dropped.
NOT_STATES = [
    "Lake Chad",
    "Jordan River",
    "River Jordan",
    "Jordan Valley",
    "New Guinea",
    "West New Guinea",
    "Gulf of Guinea",
    "New Jersey",
    "Northern Ireland",
    "New Mexico",
    "Niger River",
    "River Niger",
    "Niger Delta",
    "发展中国家",
    "中国家",
    "非法国",
    "美国家",
    "印度洋",
    "印度支那",
    "几内亚湾",
    "约旦河",
    "乍得湖",
]
# From independence in 1960 until it took the name Democratic Republic of the Congo in 1964,
# the "Republic of the Congo" of the Council's texts is the former Belgian Congo (Léopoldville);
# the other Congo is written "Congo (Brazzaville)".
CONGO_YEARS = (1960, 1964)

# Names too ambiguous to stand for a State on their own.
AMBIGUOUS = {"Congo", "刚果", "Korea", "Georgia State", "Man", "Guinea Bissau"}
# pycountry names that are not the historic countries' names as the texts print them.
HISTORIC_LEFT_OUT = {"FXX", "NTZ", "ATN", "JTN", "MID", "WAK", "PUS", "CTE", "ATB", "ANT"}
# Codes of historic countries that are the same State as one of today (it changed its name).
SAME_STATE = {"BUR": "MMR", "BYS": "BLR", "DHY": "BEN", "HVO": "BFA", "ZAR": "COD", "TMP": "TLS"}


@dataclass(frozen=True)
class State:
    code: str  # ISO 3166 alpha-3
    en: str
    zh: str
    historic: bool = False

    @property
    def sort_key(self) -> str:
        """Côte d'Ivoire among the C, Türkiye before Turkmenistan."""
        decomposed = unicodedata.normalize("NFKD", self.en)
        return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


def _inverted(name: str) -> str:
    """ "Korea, Republic of" → "Republic of Korea"; "Congo, The Democratic Republic of the" →
    "Democratic Republic of the Congo"; other names unchanged."""
    if ", " not in name:
        return name
    head, _, tail = name.partition(", ")
    tail = tail[0].lower() + tail[1:] if tail.startswith("The ") else tail
    joined = f"{tail} {head}"
    return joined[0].upper() + joined[1:]


def _names_of(record) -> list[str]:
    names = []
    for attribute in ("name", "common_name", "official_name"):
        value = getattr(record, attribute, None)
        if value:
            names += [value.removeprefix("the "), _inverted(value)]
    return names


@cache
def _catalogue() -> tuple[dict[str, State], dict[str, str]]:
    """Every State by code, and every name to look for with the code it stands for."""
    chinese = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=["zh_CN"])
    chinese_historic = gettext.translation("iso3166-3", pycountry.LOCALES_DIR, languages=["zh_CN"])
    states, names = {}, {}
    for country in pycountry.countries:
        code = country.alpha_3
        en, zh = UN_FORMS.get(code, (getattr(country, "common_name", None) or country.name, ""))
        zh = zh or UN_CHINESE.get(code) or chinese.gettext(country.name)
        states[code] = State(code, en, zh)
        for name in [*_names_of(country), en, zh, chinese.gettext(country.name)]:
            names.setdefault(name, code)
    for country in pycountry.historic_countries:
        code = country.alpha_3
        if code in HISTORIC_LEFT_OUT or code in SAME_STATE:
            continue
        printed = OTHER_NAMES.get(code, [country.name])
        zh = next((n for n in printed if re.search(r"[\u4e00-\u9fff]", n)), "")
        en = printed[0]
        states[code] = State(code, en, zh or chinese_historic.gettext(country.name), True)
        for name in _names_of(country):
            names.setdefault(name, code)
    for code, others in OTHER_NAMES.items():
        for name in others:
            names[name] = code
    for name in AMBIGUOUS:
        names.pop(name, None)
    for name in NOT_STATES:
        names[name] = ""
    return states, {name: code for name, code in names.items() if name}


@cache
def _pattern() -> re.Pattern:
    _, names = _catalogue()
    # The longest name first: where two start at the same place, the longer one is the name.
    # A name may be wrapped across lines in the source: any run of spaces stands for a space.
    alternatives = "|".join(
        re.escape(name).replace(r"\ ", r"\s+") for name in sorted(names, key=len, reverse=True)
    )
    return re.compile(alternatives)


def all_states() -> dict[str, State]:
    """Every State and territory that can be named, by alpha-3 code."""
    return _catalogue()[0]


def state(code: str) -> State | None:
    """The State with this alpha-3 code (any case), or None."""
    return all_states().get(code.upper()) if isinstance(code, str) else None


def states_named(text: str, year: int | None = None) -> set[str]:
    """The alpha-3 codes of the States and territories ``text`` names; ``year``, the year of
    adoption, reads the names that meant another State then (the Congo of 1960–1964)."""
    _, names = _catalogue()
    found = set()
    for match in _pattern().finditer(text):
        name = " ".join(match.group(0).split())
        # Latin names stand as whole words; Chinese ones wherever they occur.
        if not _is_latin(name) or _stands_alone(text, match):
            code = names.get(name, "")
            if code == "COG" and _congo_of_1960(name, year):
                code = "COD"
            found.add(code)
    found.discard("")
    return found


def _congo_of_1960(name: str, year: int | None) -> bool:
    return (
        year is not None and CONGO_YEARS[0] <= year <= CONGO_YEARS[1] and "Brazzaville" not in name
    )


def _is_latin(name: str) -> bool:
    return not re.search(r"[\u3400-\u9fff]", name)


def _stands_alone(text: str, match: re.Match) -> bool:
    before = text[match.start() - 1] if match.start() else " "
    after = text[match.end()] if match.end() < len(text) else " "
    return not (before.isalnum() or before == "-" or after.isalnum())
