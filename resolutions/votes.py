"""How a resolution was adopted, in words: the vote a Security Council text records
(``Resolution.vote``: counts, members, "adopted unanimously") as a Chinese and an English
sentence."""


def vote_summary(vote: dict) -> dict[str, str]:
    """``Resolution.vote`` as one Chinese and one English sentence."""
    zh, en = [], []
    if vote.get("in_parts"):
        zh.append("分部分表决，未对全文进行表决")
        en.append("Voted on in parts; no vote on the text as a whole")
    for key, chinese, english in (
        ("unanimous", "一致通过", "Adopted unanimously"),
        ("consensus", "经协商一致通过", "Adopted by consensus"),
        ("without_vote", "未经表决通过", "Adopted without a vote"),
    ):
        if vote.get(key):
            zh.append(chinese)
            en.append(english)
    if "in_favour" in vote:
        counts = [f"{vote['in_favour']} 票赞成"]
        sentence = f"Adopted by {vote['in_favour']} votes"
        if "against" in vote:
            counts.append(f"{vote['against']} 票反对")
            sentence += f" to {vote['against'] or 'none'}{_members(vote, 'against')}"
        if "abstaining" in vote:
            counts.append(f"{vote['abstaining']} 票弃权")
            noun = "abstention" if vote["abstaining"] == 1 else "abstentions"
            sentence += f", with {vote['abstaining']} {noun}{_members(vote, 'abstaining')}"
        zh.append(f"以 {'、'.join(counts)}通过")
        en.append(sentence)
    elif "abstaining" in vote:
        zh.append(f"{vote['abstaining']} 票弃权")
        en.append(f"{vote['abstaining']} abstaining{_members(vote, 'abstaining')}")
    for key, chinese, english in (
        ("not_participating", "个成员未参加表决", "did not participate in the vote"),
        ("absent", "个成员缺席", "absent"),
    ):
        if vote.get(key):
            member = "member" if vote[key] == 1 else "members"
            zh.append(f"{vote[key]} {chinese}")
            en.append(f"{vote[key]} {member}{_members(vote, key)} {english}")
    return {"zh": "；".join(zh) + "。", "en": "; ".join(en) + "."}


def _members(vote: dict, key: str) -> str:
    names = vote.get(f"{key}_members")
    return f" ({', '.join(names)})" if names else ""
