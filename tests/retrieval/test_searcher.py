"""The Searcher: what a question sends to BM25, and which second stage ranks its candidates."""
import numpy as np
import pytest

from index.build import open_index
from retrieval.features import FEATURE_NAMES
from retrieval.question import as_encoded
from retrieval.searcher import Searcher
from retrieval.settings import RetrievalSettings


def _searcher(fake_settings, *texts: str, **retrieval) -> Searcher:
    for path in fake_settings.corpus.iterdir():
        path.unlink()
    for i, text in enumerate(texts):
        (fake_settings.corpus / f"{i}.txt").write_text(text + "\n", encoding="utf-8")
    index, _ = open_index(fake_settings)
    return Searcher(index, RetrievalSettings(**({"mode": "bm25", "threshold": 0.0} | retrieval)))


def test_bm25_finds_a_city_when_asked_about_its_country(fake_settings):
    """A question about Switzerland reaches the sentence that says Geneva."""
    searcher = _searcher(fake_settings, "A preliminary deal was reached in Geneva.", "Talks resumed in London on Monday.")
    assert "Geneva" in searcher.ask("what deal was struck in switzerland").answers[0].quote


def test_bm25_place_match_follows_the_country(fake_settings):
    """Of two otherwise equal sentences, the one in the asked-about country ranks first."""
    searcher = _searcher(fake_settings, "A deal was reached in Geneva.", "A deal was reached in London.")
    assert "London" in searcher.ask("what deal was reached in the UK").answers[0].quote
    assert "Geneva" in searcher.ask("what deal was reached in switzerland").answers[0].quote


def test_bm25_meets_a_compound_the_question_writes_open(fake_settings):
    """ "crack down" reaches the sentence that writes "crackdown", not one that shares another word."""
    searcher = _searcher(fake_settings, "Washington's crackdown on student visas went on.", "Washington hosted talks on visas.")
    assert "crackdown" in searcher.ask("what did washington crack down on").answers[0].quote


def test_a_sentence_without_the_date_asked_is_no_second_source(fake_settings):
    """For "when", "Talks have begun in London" does not corroborate "Talks began in London on the 10th"."""
    searcher = _searcher(
        fake_settings, "Talks began in London on the 10th.", "Talks began in London.", group_similarity=0.5,
    )
    assert len(searcher.ask("when did the talks in london begin").answers) == 2
    assert len(searcher.ask("did the talks in london begin").answers) == 1


def test_rerank_reads_context_vectors_when_the_index_has_them(fake_settings):
    """With context vectors the rerank stage uses the ranker fitted with them, and still answers."""
    settings = fake_settings.model_copy(update={"context_vectors": True})
    (settings.corpus / "extra.txt").write_text("Lutnick spoke in London. He said the talks went well.\n", encoding="utf-8")
    index, _ = open_index(settings)
    searcher = Searcher(index, RetrievalSettings(mode="rerank", threshold=0.0))
    assert "context_dense" in searcher.second_stage.ranker.features
    assert searcher.ask("what did Lutnick say about the talks").answers


def test_word_piece_match_when_asked_for(fake_settings):
    """With `word_pieces` a candidate holding every word of the question matches each of those pieces fully."""
    searcher = _searcher(fake_settings, "Bessent led the talks in London!", "Markets rose on Monday.", word_pieces=True)
    (_, _, cands), = searcher.candidate_stream(["Bessent led the talks"])
    match = dict(zip(cands.ids.tolist(), cands.features[:, FEATURE_NAMES.index("token_maxsim")]))
    best = next(i for i in match if "Bessent" in searcher.index.table[i].text)
    # Four word pieces met exactly; the question mark the encoders add meets nothing here.
    assert match[best] == pytest.approx(4 / 5) and all(v < match[best] for i, v in match.items() if i != best)
    assert "token_maxsim" in searcher.second_stage.ranker.features


def test_no_word_pieces_encoded_by_default(fake_settings, fake_models):
    """By default no word piece is encoded: the match column mirrors the dense cosine."""
    searcher = _searcher(fake_settings, "Bessent led the talks in London.", "Markets rose on Monday.")
    embedder = fake_models["test-hash"]
    before = embedder.encoded
    (_, _, cands), = searcher.candidate_stream(["Bessent led the talks"])
    assert embedder.encoded == before + 1  # the question's vector only
    assert np.allclose(cands.features[:, FEATURE_NAMES.index("token_maxsim")], cands.dense)


def test_a_closing_question_mark_changes_nothing(fake_settings):
    """ "who led the talks" and "who led the talks?" get the same answers and confidence."""
    searcher = _searcher(fake_settings, "Bessent led the talks in London.", "Markets rose on Monday.", "Talks? None.", mode="rerank")
    bare, marked = searcher.ask("who led the talks"), searcher.ask("who led the talks?")
    assert [a.quote for a in bare.answers] == [a.quote for a in marked.answers]
    assert bare.confidence == marked.confidence


def test_a_typo_in_the_question_does_not_change_the_answer(fake_settings):
    """Encoders read the repaired question: a misspelt word scores as the word meant."""
    searcher = _searcher(fake_settings, "The delegation was led by He Lifeng.", "Markets rose on Monday.", mode="dense")
    typed, meant = searcher.ask("who led the delegaton"), searcher.ask("who led the delegation")
    assert [(a.quote, a.score) for a in typed.answers] == [(a.quote, a.score) for a in meant.answers]


def test_the_answer_says_how_a_repaired_question_was_read(fake_settings):
    """read_as carries the repaired question, and stays empty when nothing was repaired."""
    searcher = _searcher(fake_settings, "The delegation was led by He Lifeng.", "Markets rose on Monday.")
    assert searcher.ask("who led the delegaton").read_as == "who led the delegation"
    assert searcher.ask("who led the delegation").read_as is None


def test_an_acronym_of_a_name_the_articles_spell_out_is_searched_as_the_name(fake_settings):
    """ "who heads the NEC" is read, and answered, as "who heads the National Economic Council"."""
    searcher = _searcher(
        fake_settings, "Kevin Hassett heads the National Economic Council.", "Markets rose on Monday.", mode="dense"
    )
    result = searcher.ask("who heads the NEC")
    assert result.read_as == "who heads the National Economic Council"
    assert "Hassett" in result.answers[0].quote


def test_a_question_naming_nothing_is_not_answered(fake_settings):
    """ "who is he?" holds only stopwords: quotebot abstains, whatever ranks first."""
    searcher = _searcher(fake_settings, "He is the minister.", "Markets rose on Monday.", mode="dense")
    result = searcher.ask("who is he?")
    assert result.abstained and result.answers and result.unreadable == "names nothing"


def test_a_web_address_in_a_question_is_not_searched(fake_settings):
    """ "https://… who led the delegation?" is read without the address."""
    searcher = _searcher(fake_settings, "The delegation was led by He Lifeng.", "Markets rose on Monday.")
    assert searcher.ask("https://example.com/news?id=3 who led the delegation?").read_as == "who led the delegation?"


def test_a_question_of_only_a_web_address_names_nothing(fake_settings):
    """A pasted link alone is no question: it names nothing, and shows no empty reading."""
    searcher = _searcher(fake_settings, "The delegation was led by He Lifeng.", "Markets rose on Monday.")
    result = searcher.ask("www.example.com/article")
    assert result.unreadable == "names nothing" and result.read_as is None


def test_thanks_is_answered_in_kind_not_searched(fake_settings):
    """ "thanks!" abstains as thanks, with no reading of it to show."""
    searcher = _searcher(fake_settings, "He is the minister.", "Markets rose on Monday.", mode="dense")
    result = searcher.ask("ok, thanks quotebot!")
    assert result.abstained and result.unreadable == "thanks" and result.read_as is None


def test_an_opening_does_not_change_the_answer(fake_settings):
    """ "quick question: …" is searched as the question after it, and says so in read_as."""
    searcher = _searcher(fake_settings, "The delegation was led by He Lifeng.", "Markets rose on Monday.", mode="dense")
    opened, bare = searcher.ask("quick question: who led the delegation"), searcher.ask("who led the delegation")
    assert [(a.quote, a.score) for a in opened.answers] == [(a.quote, a.score) for a in bare.answers]
    assert opened.read_as == "who led the delegation"


def test_a_sentence_about_the_asker_does_not_change_the_answer(fake_settings):
    """ "I'm writing a report. …" is searched as the question after it, and says so in read_as."""
    searcher = _searcher(fake_settings, "The delegation was led by He Lifeng.", "Markets rose on Monday.", mode="dense")
    said, bare = searcher.ask("I'm writing a report. Who led the delegation? Thanks!"), searcher.ask("Who led the delegation?")
    assert [(a.quote, a.score) for a in said.answers] == [(a.quote, a.score) for a in bare.answers]
    assert said.read_as == "Who led the delegation?"


def test_a_question_in_another_language_is_refused_as_such(fake_settings):
    """ "¿Quién encabezó la delegación?" abstains and says it is in another language, not how it was read."""
    searcher = _searcher(fake_settings, "The delegation was led by He Lifeng.", "Markets rose on Monday.", mode="dense")
    result = searcher.ask("¿Quién encabezó la delegación?")
    assert result.abstained and result.unreadable == "other language" and result.read_as is None
    assert searcher.ask("who led the delegation?").unreadable is None


def test_a_question_sharing_no_word_with_the_articles_is_not_answered(fake_settings):
    """ "who is Zelensky?" over articles that never use the name: abstain, whatever ranks first."""
    searcher = _searcher(fake_settings, "He is the minister.", "Markets rose on Monday.", mode="dense")
    result = searcher.ask("who is Zelensky?")
    assert result.abstained and result.answers


def test_a_refusal_lists_the_names_the_articles_never_use_as_written(fake_settings):
    """ "who is Zelensky's envoy?" is refused naming "Zelensky's envoy"; an answer lists nothing, though the articles never use "aides"."""
    searcher = _searcher(fake_settings, "He Lifeng led the delegation.", "Markets rose on Monday.", mode="dense")
    assert searcher.ask("who is Zelensky's envoy?").not_in_articles == ["Zelensky's envoy"]
    assert searcher.ask("how tall is the Eiffel Tower?").not_in_articles == ["Eiffel Tower"]
    assert searcher.ask("can you recommend a sci-fi book?").not_in_articles == ["sci-fi book"]
    answered = searcher.ask("who led the delegation with his aides?")
    assert not answered.abstained and answered.not_in_articles == []


def test_a_place_the_articles_name_otherwise_is_a_known_word(fake_settings):
    """ "what about American hiring?" over articles that write "U.S." is answered, not refused as naming nothing."""
    searcher = _searcher(fake_settings, "U.S. job growth slowed in May.", "Markets rose on Monday.", mode="dense")
    result = searcher.ask("what is happening with American hiring?")
    assert not result.abstained and result.unreadable is None
    assert searcher.ask("what is happening with Peruvian hiring?").abstained


def test_a_message_asking_two_questions_answers_each(seed_searcher):
    """"Who led China's delegation? How long did the talks last?" gets two answers, one each."""
    result = seed_searcher.ask("Who led China's delegation? How long did the talks last?")
    first, second = result.each()
    assert "He Lifeng" in first.best.quote
    assert "hours" in second.best.quote
    assert result.read_as == "Who led China's delegation?"


def test_a_follow_up_is_answered_about_the_person_before_it(seed_searcher):
    """ "which law firm does she work for" after a question about Kelly Ann Shaw quotes her firm."""
    previous = seed_searcher.ask("what does kelly ann shaw expect china to do")
    result = seed_searcher.ask("which law firm does she work for", previous)
    assert result.read_as == "which law firm does kelly ann shaw work for"
    assert "Akin Gump" in result.best.quote


def test_and_x_asks_the_question_before_about_x(seed_searcher):
    """ "what about the US?" after "who led China's delegation?" quotes who led the US one."""
    previous = seed_searcher.ask("who led China's delegation?")
    result = seed_searcher.ask("what about the US?", previous)
    assert result.read_as == "who led the US delegation?"
    assert "Bescent" in result.best.quote or "Bessent" in result.best.quote


@pytest.mark.parametrize("candidates", [40, 1])
def test_previous_dense_is_the_cosine_with_the_sentence_before_in_the_same_article(fake_settings, candidates):
    """A candidate's previous_dense is the question's cosine with the sentence before it, whether or
    not that sentence is a candidate too; an article's first has 0."""
    searcher = _searcher(
        fake_settings, "Stromules are tubules. They may exist to add surface.", "Markets rose on Monday.",
        candidates=candidates,
    )
    (_, _, cands), = searcher.candidate_stream(["what may exist to add surface to stromules"])
    table, column = searcher.index.table, FEATURE_NAMES.index("previous_dense")
    question = searcher.index.embedder.encode([as_encoded("what may exist to add surface to stromules")], kind="query")[0]
    for sentence_id, previous in zip(cands.ids.tolist(), cands.features[:, column]):
        row = table.position(sentence_id)
        before = table.sentences[row - 1] if row else None
        if before is not None and before.source == table.sentences[row].source:
            assert previous == pytest.approx(float(searcher.index.store.vectors(np.array([before.id]))[0] @ question), abs=1e-5)
        else:
            assert previous == 0.0
    assert any(previous != 0.0 for previous in cands.features[:, column])
