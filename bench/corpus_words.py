"""The words generated resolutions are made of, besides the real UN sentences: the verbs that
open preambular and operative paragraphs, agenda topics, real resolutions to cite and the Main
Committees that report; and numbers, dates and footnote markers written as the Chinese texts
write them."""

from datetime import date

PREAMBULAR_VERBS = (
    "回顾", "重申", "注意到", "深表关切", "认识到", "确认", "强调", "欢迎", "铭记",
    "意识到", "赞赏地注意到", "关切地注意到", "申明", "深信", "表示关切",
)  # fmt: skip
# (verb, what usually follows it) for operative paragraphs; the verb is set in bold.
OPERATIVE_VERBS = (
    ("促请", "所有国家"), ("决定", ""), ("请", "秘书长"), ("鼓励", "会员国"), ("敦促", "各国"),
    ("欢迎", ""), ("强调", ""), ("重申", ""), ("呼吁", "各方"), ("邀请", "各会员国"),
    ("建议", ""), ("注意到", ""), ("表示赞赏", ""), ("强烈谴责", ""), ("吁请", "国际社会"),
)  # fmt: skip
TOPICS = (
    "人道主义援助的协调", "可持续发展", "消除贫困", "气候变化", "妇女地位的提高",
    "儿童权利", "难民和流离失所者", "裁军与国际安全", "维持和平行动", "国际法的发展",
    "粮食安全和营养", "公共卫生", "减少灾害风险", "移民问题", "打击跨国有组织犯罪",
    "海洋和海洋法", "人权和基本自由", "信息和通信技术", "教育权", "土著人民的权利",
)  # fmt: skip
# Real resolutions cited as the sample cites them: (written, adoption date, body prefix).
REAL_CITATIONS = (
    ("46/182", date(1991, 12, 19), ""),
    ("75/125", date(2020, 12, 11), ""),
    (r"2175\(2014\)", date(2014, 8, 29), "安全理事会"),
    (r"2286\(2016\)", date(2016, 5, 3), "安全理事会"),
    (r"1325\(2000\)", date(2000, 10, 31), "安全理事会"),
)
COMMITTEES = ("第一委员会", "第二委员会", "第三委员会", "第四委员会", "第五委员会", "第六委员会")
SUPERSCRIPTS = str.maketrans("0123456789", "⁰¹²³⁴⁵⁶⁷⁸⁹")
_DIGITS = "零一二三四五六七八九"
ENGLISH_MONTHS = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)  # fmt: skip


def chinese_numeral(value: int) -> str:
    """76 → 七十六, 101 → 一百零一: session numbers as the Chinese header writes them."""
    hundreds, rest = divmod(value, 100)
    tens, units = divmod(rest, 10)
    text = f"{_DIGITS[hundreds]}百" if hundreds else ""
    if tens:
        text += ("" if tens == 1 and not hundreds else _DIGITS[tens]) + "十"
    elif hundreds and units:
        text += "零"
    return text + (_DIGITS[units] if units else "")


def zh_date(day: date, spaced: bool = True) -> str:
    """2021 年 12 月 10 日 in the header and closing; 2021年12月10日 in running text."""
    space = " " if spaced else ""
    return f"{day.year}{space}年{space}{day.month}{space}月{space}{day.day}{space}日"


def superscript(marker: int) -> str:
    return str(marker).translate(SUPERSCRIPTS)
