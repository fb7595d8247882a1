"""The one Answer model: what the CLI prints, the bot posts, `--json` dumps and the eval scores."""
from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, Field

# Why a question could not be searched, when quotebot abstained for that: it seems to be in
# another language, it names nothing at all ("what did he say?" with no one for "he" to stand
# for), or it is not a question but thanks or a greeting.
Unreadable = Literal["other language", "names nothing", "thanks", "greeting"]


class SourceRef(BaseModel):
    """Where a sentence stands: file (relative to the corpus), 1-based line, character offsets."""

    source: str
    line: int
    start: int
    end: int


class Quote(SourceRef):
    """A sentence quoted verbatim, with where it stands."""

    quote: str


class Answer(Quote):
    """One distinct answer: the quoted sentence, its score, and what backs it up."""

    score: float
    also: list[Quote] = Field(default_factory=list, description="Other articles saying the same.")
    context_before: list[Quote] = Field(default_factory=list)
    context_after: list[Quote] = Field(default_factory=list)
    highlights: list[tuple[int, int]] = Field(
        default_factory=list, description="[start, end) spans of `quote` that match the question."
    )


class AnswerSet(BaseModel):
    """Everything quotebot says about one question. `answers` are ranked best first."""

    question: str
    abstained: bool
    answers: list[Answer]
    confidence: float | None = Field(
        None, description="What the abstention threshold is compared with (rerank: P(top answer is right)).",
    )
    read_as: str | None = Field(
        None, description=(
            "The question as searched, when that differs from the question asked: typos repaired, "
            "an opening like 'quick question:' left out."
        ),
    )
    unreadable: Unreadable | None = Field(
        None, description=(
            "Why the question could not be searched, when quotebot abstained for that: 'other language' "
            "(it reads English), 'names nothing' (only words like 'what did he say'), or 'thanks' and "
            "'greeting' (not a question)."
        ),
    )
    not_in_articles: list[str] = Field(
        default_factory=list, description=(
            "When quotebot abstains for want of an answer: what the question names that the articles "
            "never do, as the question writes it (names, places, things: [\"japan\"] for \"who "
            "represented japan at the talks\"); the refusal says so."
        ),
    )
    more: list[AnswerSet] = Field(
        default_factory=list, description=(
            "Answers to the other questions the message asked, each answered on its own (\"who led the "
            "talks? how long did they last?\"); this answer set is the first one's."
        ),
    )

    @property
    def best(self) -> Answer | None:
        """The answer a user is shown, or None when quotebot abstains."""
        return None if self.abstained or not self.answers else self.answers[0]

    def each(self) -> list[AnswerSet]:
        """One answer set per question the message asked: this one (as read) and `more`."""
        if not self.more:
            return [self]
        first = self.model_copy(update={"question": self.read_as or self.question, "read_as": None, "more": []})
        return [first, *self.more]
