"""The words around a candidate, as a set of string features.

Only the text speaks here: the words to the left and right of the count (by position and as a
bag), the noun it counts, the cue words of its sentence, the shape of the count, where the
sentence sits in the report and where the count sits among the sentence's numbers, the words
that give the whole report's voice (an armed group's "our comrades", "the enemy"); and the
rules' reading of it (category, outcome, claim, bound) as one voice among these. The rules'
decision (proposed, set aside, replaced) is left out on purpose: the rules were tuned on the
training reports, so there it is nearly always right and a model given it learns to copy it
(the probe of issue 18 found no gain with it).
"""

from __future__ import annotations

import re

from sitrep.extract.learn.pool import Candidate, Pool

_TOKEN = re.compile(r"[a-z]+(?:['’][a-z]+)?|\d+|[:;()\[\]—–\-,\"“”]")
WINDOW = 8      # words either side that count as the bag of the count's surroundings
POSITIONS = 3   # words either side that also count by their position


def tokens(text: str) -> list[str]:
    return _TOKEN.findall(text.lower())


def _shape(c: Candidate, words: str) -> list[str]:
    out = []
    first = words.split()[0] if words.split() else ""
    out.append("shape=digit" if first[:1].isdigit() else "shape=word")
    if c.high is None:
        out.append("parse=open")
    elif c.high != c.low:
        out.append("parse=range")
    value = c.low
    bucket = ("1" if value <= 1 else "2-5" if value <= 5 else "6-20" if value <= 20
              else "21-100" if value <= 100 else "100+")
    out.append(f"value={bucket}")
    if len(words.split()) > 1:
        out.append(f"qualifier={words.split()[0].lower()}")
    return out


# Words that say someone died or was hurt, wherever they stand: the rules tie an outcome to a
# count through its grammar, and when that fails (a list, a field label, "treated for wounds")
# the nearest such word on either side is still a strong hint of which outcome is meant.
_KILLED = re.compile(r"\b(?:kill\w*|dead|died|dies|death|deaths|lives|life|martyr\w*|slain|"
                     r"bod(?:y|ies)|succumb\w*|fatalit\w*|perish\w*|lifeless|murder\w*|"
                     r"massacre\w*|shot|gunned|toll)\b", re.IGNORECASE)
_HURT = re.compile(r"\b(?:injur\w*|wound\w*|hurt|hospital\w*|treated|casualt\w*|critical|"
                   r"burns?|bullet)\b", re.IGNORECASE)


def outcome_cues(left: str, right: str) -> list[str]:
    """How far (in words, up to 6) the nearest word of each outcome stands on either side of
    a count, and which outcome is nearest on each side."""
    out = []
    near = {}
    for name, words in (("k", _KILLED), ("h", _HURT)):
        before = list(words.finditer(left))
        after = words.search(right)
        if before:
            out.append(f"{name}L={min(len(left[before[-1].end():].split()), 6)}")
            near[name + "L"] = before[-1].end()
        if after:
            out.append(f"{name}R={min(len(right[:after.start()].split()), 6)}")
            near[name + "R"] = after.start()
    near_l = ("k" if "kL" in near and near["kL"] > near.get("hL", -1)
              else "h" if "hL" in near else "-")
    near_r = ("k" if "kR" in near and near["kR"] < near.get("hR", 10 ** 9)
              else "h" if "hR" in near else "-")
    return out + [f"nearL={near_l}", f"nearR={near_r}", f"near={near_l}{near_r}"]


def candidate_features(pool: Pool, i: int) -> list[str]:
    """The features of ``pool.candidates[i]``, sorted and without repeats."""
    c = pool.candidates[i]
    text = pool.text
    s = pool.sentences[c.sentence]
    left = tokens(text[s.start:c.start])
    right = tokens(text[c.count_end:s.end])
    feats = [f"src={'rules' if c.mention is not None else 'raw'}"]  # read as people or not
    feats += [f"l{k}={w}" for k, w in enumerate(reversed(left[-POSITIONS:]), 1)]
    feats += [f"r{k}={w}" for k, w in enumerate(right[:POSITIONS], 1)]
    feats += [f"lw={w}" for w in left[-WINDOW:]] + [f"rw={w}" for w in right[:WINDOW]]
    if len(left) >= 2:
        feats.append(f"l21={left[-2]}_{left[-1]}")
    if len(right) >= 2:
        feats.append(f"r12={right[0]}_{right[1]}")
    if not left:
        feats.append("l1=<s>")
    if not right:
        feats.append("r1=</s>")
    if c.mention is not None:
        # the rules' reading of the count, as options (never their verdict on it): the
        # lexicon's category of the noun, the outcome cue they tied to it, claim and bound
        feats += [f"rule_cat={c.category or '-'}", f"rule_out={c.outcome or '-'}",
                  f"rule_claim={c.claim}", f"rule_open={c.open}"]
    head = c.head or (right[0] if right else "")
    feats.append(f"head={head}")
    feats += [f"mod={w}" for w in c.mods[-3:]]
    if c.of_head:
        feats.append(f"of={c.of_head}")
    feats += [f"s={w}" for w in tokens(s.text) if len(w) > 2 and not w.isdigit()]
    feats += outcome_cues(text[s.start:c.start], text[c.count_end:s.end])
    feats += _shape(c, " ".join(text[c.start:c.count_end].split()))
    # where it sits: the report's lead, the sentence's numbers
    n = len(pool.sentences)
    feats.append(f"sent={min(c.sentence, 4)}")
    if c.sentence == n - 1 and n > 1:
        feats.append("sent=last")
    same = [d for d in pool.candidates if d.sentence == c.sentence]
    k = same.index(c)
    feats.append(f"nums={min(len(same), 4)}")
    feats.append(f"nth={min(k, 3)}")
    if k == len(same) - 1:
        feats.append("nth=last")
    if k > 0:
        gap = tokens(text[same[k - 1].end:c.start])
        feats += [f"gap={w}" for w in gap[:4]] + [f"gaplen={min(len(gap), 5)}"]
        feats.append(f"prev={'larger' if same[k - 1].low > c.low else 'smaller'}")
    if k + 1 < len(same):
        gap = tokens(text[c.end:same[k + 1].start])
        feats += [f"ngap={w}" for w in gap[:4]]
    # the same number elsewhere in the report: a repeat, or a toll restated
    if any(d.low == c.low for d in pool.candidates if d is not c):
        feats.append("repeated")
    if any(d.low > c.low and d.sentence > c.sentence for d in pool.candidates):
        feats.append("later_larger")
    feats += [f"doc={w}" for w in report_voice(pool.text)]
    return sorted(set(feats))


# Words that tell whose voice a whole report is in. An armed group's statement speaks of "our
# comrades" and "the enemy" in other paragraphs than the count's, and whether a figure is a
# claim (convention 7) depends on that voice more than on the count's own sentence. Chosen on
# the new-voice training sets left out in turn: pooled F1 0.754 -> 0.757.
_VOICE = frozenset("""our we enemy comrades comrade sarmachars mujahideen occupying
occupation occupiers claimed claim claims claiming spokesman spokesperson statement
telegram responsibility""".split())


def report_voice(text: str) -> frozenset:
    """The voice words the report holds anywhere."""
    return frozenset(w for w in tokens(text) if w in _VOICE)


def pool_features(pool: Pool) -> list[list[str]]:
    return [candidate_features(pool, i) for i in range(len(pool.candidates))]
