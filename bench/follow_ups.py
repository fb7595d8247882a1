"""Follow-ups in a conversation: each gold question naming a person, asked again with the person
as a pronoun ("What does Kelly Ann Shaw expect China to do?" → "What does she expect China to
do?") right after another gold question about that person, as a chat user would.

    python bench/follow_ups.py [--gold FILE] [--corpus DIR] [--index-dir DIR] [--show]

Prints accuracy (answerable: the right sentence first and not abstained) of the questions as
written, of the follow-ups asked alone (no conversation: mostly refused as naming nothing) and
of the follow-ups after the question before them (the chat and Discord read them with the person
the previous answer was about).
"""
from __future__ import annotations

import argparse
import re
from pathlib import Path

from common import REPO, SHARED, add_index_options, machine, open_benchmark_index

from retrieval.answer_kinds import name_phrases
from retrieval.evaluate import correct_rank, load_gold
from retrieval.places import find_places
from retrieval.text import content_terms, stem

_WORD = re.compile(r"[^\W\d_]+(?:['’]s)?")


# A name of two words or more is a person's when it ends in a word English seldom uses ("Kevin
# Hassett") or opens with a title ("President Trump"); not "White House", "On Monday", "In May".
COMMON_WORD = 3000
TITLES = frozenset("president secretary premier minister adviser director chair".split())
_TIME_WORDS = frozenset(stem(w) for w in (
    "monday tuesday wednesday thursday friday saturday sunday january february march april may june july "
    "august september october november december"
).split())


def people_by_surname(sentences) -> dict[str, set[str]]:
    """Surname term → the lower-case words of the people's names ending in it, over the corpus."""
    from retrieval.spelling import _english

    english = _english().word_frequency
    out: dict[str, set[str]] = {}
    for sentence in sentences:
        for name in name_phrases(sentence.text):
            words, terms = name.split(), content_terms(name)
            if len(words) < 2 or not terms or find_places(name) or any(c.isdigit() for c in name):
                continue
            surname = terms[-1]
            seldom = english[words[-1].lower()] < COMMON_WORD if words[-1].lower() in english else True
            if surname not in _TIME_WORDS and (seldom or words[0].lower() in TITLES):
                out.setdefault(surname, set()).update(w.lower() for w in words)
    return out


def as_pronoun(question: str, surname: str, words: set[str]) -> str:
    """The question with the person ending in `surname` (and the name words before it) as "he"/"his"."""
    tokens = list(_WORD.finditer(question))
    for k, token in enumerate(tokens):
        word = token.group().lower()
        bare = re.sub(r"['’]s$", "", word)
        if stem(bare) == surname:
            first = k
            while first > 0 and tokens[first - 1].group().lower() in words:
                first -= 1
            pronoun = "his" if bare != word else "he"
            return question[: tokens[first].start()] + pronoun + question[token.end() :]
    return question


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    add_index_options(parser, REPO / "seeds", REPO / ".quotebot")
    parser.add_argument("--gold", type=Path, default=SHARED / "gold" / "dev.jsonl")
    parser.add_argument("--show", action="store_true", help="print each follow-up and how it was read")
    args = parser.parse_args()

    gold = load_gold(args.gold)
    index, searcher = open_benchmark_index(args)
    people = people_by_surname(index.table.sentences)
    pairs = []
    for g in (g for g in gold if g.answers):
        named = [t for t in dict.fromkeys(content_terms(g.question)) if t in people]
        if len(named) != 1:
            continue
        before = next((o for o in gold if o.id != g.id and named[0] in content_terms(o.question)), None)
        follow_up = as_pronoun(g.question, named[0], people[named[0]])
        if before is not None and follow_up != g.question:
            pairs.append((g, before, follow_up))
    print(f"# follow-ups: {len(pairs)} gold questions naming one person, after another about them; "
          f"{args.gold.name}, {machine()}")

    def right(result, g) -> bool:
        return not result.abstained and correct_rank(result, g) == 1

    written = alone = after = 0
    for g, before, follow_up in pairs:
        previous = searcher.ask(before.question)
        in_conversation = searcher.ask(follow_up, previous)
        written += right(searcher.ask(g.question), g)
        alone += right(searcher.ask(follow_up), g)
        after += right(in_conversation, g)
        if args.show:
            mark = "right" if right(in_conversation, g) else "wrong"
            print(f"  {g.id} after {before.id} ({mark}): {follow_up!r} read as {in_conversation.read_as!r}")
    n = len(pairs) or 1
    print(f"{'asked':<34} {'accuracy':>8}")
    for name, count in (("as written", written), ("follow-up alone", alone), ("follow-up after the one before", after)):
        print(f"{name:<34} {count / n:>8.3f}  ({count} of {len(pairs)})")


if __name__ == "__main__":
    main()
