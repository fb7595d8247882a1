"""Quality when the question is typed carelessly: the gold set asked again with each question
lower-cased, upper-cased, stripped of punctuation, with one typo in one of its words (a slip of
the fingers on a QWERTY keyboard, or any letter for any other), or opened the way people open a
question to a chat bot ("quick question: …", "do you know …").

    python bench/robustness.py [--gold FILE] [--corpus DIR] [--index-dir DIR] [--seed N] [--limit N]
        [--only NAME ...]

Users type in a hurry; the answer should not change because they did. Prints answerable Hit@1,
abstain recall, false abstentions and accuracy per way of asking (the typos are drawn with a
fixed seed, so runs compare).
"""
from __future__ import annotations

import argparse
import random
import re
import string
from pathlib import Path

from common import REPO, SHARED, add_index_options, machine, open_benchmark_index

from retrieval.spelling import keys_beside

# A typo lands in a word of at least this many letters, never on its first letter (people rarely
# miss that one, and the repair assumes so too).
TYPO_MIN_LETTERS = 5


def with_typo(question: str, rng: random.Random, keyboard: bool = True) -> str:
    """The question with one slip in one longer word: a letter dropped, doubled or swapped with
    the next, or a key hit beside the right one (`keyboard`) or anywhere (not `keyboard`)."""
    words = [m for m in re.finditer(r"[A-Za-z]+", question) if len(m.group()) >= TYPO_MIN_LETTERS]
    if not words:
        return question
    m = rng.choice(words)
    word, i = m.group(), rng.randrange(1, len(m.group()) - 1)
    edit = rng.choice(("drop", "double", "swap", "replace"))
    if edit == "drop":
        typo = word[:i] + word[i + 1 :]
    elif edit == "double":
        typo = word[:i] + word[i] + word[i:]
    elif edit == "swap":
        typo = word[:i] + word[i + 1] + word[i] + word[i + 2 :]
    else:
        keys = sorted(keys_beside(word[i].lower()) or string.ascii_lowercase) if keyboard else string.ascii_lowercase
        typo = word[:i] + rng.choice([k for k in keys if k != word[i].lower()]) + word[i + 1 :]
    return question[: m.start()] + typo + question[m.end() :]


# How people open a question to a chat bot: openings quotebot lists (retrieval/question.py), and
# openings it does not list, which only its general rule (a short opening of words the articles
# never use) or nothing catches.
LEAD_INS = (
    "quick question: ", "hey, ", "hi quotebot, ", "do you know ", "can you tell me ", "I was wondering ",
    "any idea ", "so ", "ok so ", "question: ", "I'd like to know ", "does anyone know ",
)
UNLISTED_LEAD_INS = (
    "btw, ", "fyi: ", "curious: ", "one more thing: ", "follow-up: ", "not sure if you know, ", "for my report, ",
    "honest question: ", "hmm, ", "alright, ",
)
# A sentence said before or after the question: about the asker, not about what is asked.
SENTENCES_BEFORE = (
    "Quick one. ", "Sorry to bother you. ", "I have a question. ", "I'm writing a report. ",
    "I read the articles but missed this. ", "Thanks for the last answer! ", "Hello there! ", "I need this for work. ",
)
SENTENCES_AFTER = (" Thanks!", " Thank you.", " I couldn't find it.", " Just curious.", " Cheers", " Asking for a friend.")


def variants(questions: list[str], seed: int) -> dict[str, list[str]]:
    rng = random.Random(seed)
    return {
        "as written": questions,
        "lower case": [q.lower() for q in questions],
        "UPPER CASE": [q.upper() for q in questions],
        "no punctuation": [re.sub(r"[^\w\s]", "", q) for q in questions],
        "one typo": [with_typo(q, rng) for q in questions],
        "one random edit": [with_typo(q, rng, keyboard=False) for q in questions],
        "with a lead-in": [rng.choice(LEAD_INS) + q[0].lower() + q[1:] for q in questions],
        "unlisted lead-in": [rng.choice(UNLISTED_LEAD_INS) + q[0].lower() + q[1:] for q in questions],
        "sentence before": [rng.choice(SENTENCES_BEFORE) + q[0].upper() + q[1:] for q in questions],
        "sentence after": [_closed(q) + rng.choice(SENTENCES_AFTER) for q in questions],
    }


def _closed(question: str) -> str:
    """The question ending in a question mark, as it would before another sentence."""
    return question if question.rstrip().endswith("?") else question.rstrip() + "?"


# Companies, people and bodies a news corpus may well not mention; asked about one the corpus
# never names, quotebot should say the articles don't say.
NAMES = (
    "OPEC, Hang Seng, Nikkei, Dow, Dimon, Musk, Apple, Tesla, Sony, Huawei, ASML, TSMC, Xiaomi, Modi, Putin, "
    "Macron, Lagarde, Powell, Yellen, Merkel, Scholz, Starmer, Sunak, Biden, Harris, Obama, Kishida, Ishiba, "
    "Zelensky, Erdogan, Lula, Milei, Meloni, NATO, IMF, WTO, Fed, ECB, Samsung, Boeing, Airbus, Walmart, Amazon, "
    "Alibaba, Tencent, Baidu, Nokia, Siemens, Toyota, Honda, Kia, Ford, Intel, AMD, Qualcomm, Broadcom, Oracle, "
    "Cisco, Sinopec, Petrobras, Aramco, Gazprom, Lenovo, BYD, Nio, Geely, Shein, Temu, TikTok, ByteDance"
).split(", ")
NAME_QUESTIONS = ("what did {} say about the talks", "who is {}", "what is {}", "how did {} react to the tariffs")


def unseen_name_questions(searcher) -> list[str]:
    """NAME_QUESTIONS about each of NAMES the corpus never uses, as typed and in lower case (nor
    spells out: "ECB" is named where the articles write "European Central Bank")."""
    from retrieval.text import content_terms

    lexical = searcher.lexical
    unseen = [
        n for n in NAMES if not any(lexical.is_known(t) for t in content_terms(n)) and lexical.spell_out(n) == n
    ]
    return [q for t in NAME_QUESTIONS for n in unseen for q in (t.format(n), t.format(n).lower())]


def main() -> None:
    from retrieval.evaluate import load_gold, report_of

    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    add_index_options(parser, REPO / "seeds", REPO / ".quotebot")
    parser.add_argument("--gold", type=Path, default=SHARED / "gold" / "dev.jsonl")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--limit", type=int, default=None, help="ask only the first N gold questions")
    parser.add_argument("--only", nargs="+", default=None, help="ways of asking to run (default: all)")
    parser.add_argument("--show", action="store_true", help="print each reworded question")
    args = parser.parse_args()

    gold = load_gold(args.gold)[: args.limit]
    _, searcher = open_benchmark_index(args)
    print(f"# robustness: {len(gold)} questions of {args.gold.name}, mode {searcher.settings.mode}, "
          f"threshold {searcher.threshold():.4g}, {machine()}")
    print(f"{'asked':<16} {'Hit@1':>6} {'abstain':>8} {'false abst.':>12} {'accuracy':>9}")
    for name, questions in variants([g.question for g in gold], args.seed).items():
        if args.only and name not in args.only:
            continue
        report = report_of(gold, searcher.ask_many(questions), searcher.threshold(), 1.0)
        m = report.overall
        print(f"{name:<16} {m.hit1:>6.3f} {m.abstain_recall:>8.3f} {m.false_abstain:>12.3f} {m.accuracy:>9.3f}", flush=True)
        if args.show and name not in ("as written", "lower case", "UPPER CASE"):
            for g, q in zip(gold, questions):
                print(f"  {g.id}: {q}")
    if not args.only or "unseen names" in args.only:
        questions = unseen_name_questions(searcher)
        answered = [(q, r) for q, r in zip(questions, searcher.ask_many(questions)) if not r.abstained]
        print(f"unseen names: answered {len(answered)} of {len(questions)} questions about names the corpus "
              f"never uses (should be 0)")
        for q, r in answered if args.show else ():
            print(f"  {q!r} → {r.answers[0].quote[:70]!r}")


if __name__ == "__main__":
    main()
