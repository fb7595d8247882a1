"""Second-stage features: what a question asks for, what a sentence holds, places, words of
like and of opposite meaning, denial, spelling repair."""

from index.table import Sentence, SentenceTable
import numpy as np
import pytest

from retrieval.features import FEATURE_NAMES, candidate_features, text_features, view_question, view_sentence
from retrieval.lexical import LexicalIndex
from retrieval.text import content_terms


def _text_features(question: str, sentence: str) -> dict[str, float]:
    q = view_question(question)
    s = view_sentence(sentence, content_terms(sentence))
    return {name: float(column[0]) for name, column in text_features(q, [s], [1.0] * len(q.terms)).items()}


def _type_features(question: str, sentence: str) -> tuple[float, float]:
    features = _text_features(question, sentence)
    return features["type_match"], features["type_miss"]


def test_the_question_view_carries_the_kind_asked_for():
    """view_question hands the features answer_kinds' reading of the wh-phrase."""
    assert view_question("how long did the geneva talks last").wants == {"duration"}


@pytest.mark.parametrize(("question", "sentence", "missed"), [
    ("how much are china's rare earth exports worth", "China's rare earth exports alarmed industries.", 1.0),
    ("how much are china's rare earth exports worth", "China's rare earth exports were worth $2 billion.", 0.0),
    ("when did the talks begin", "The talks began in London.", 1.0),
    ("who led the talks", "The talks began in London.", 0.0),
    ("when will the 90 day pause end", "They agreed to a 90-day pause on tariffs.", 1.0),
    ("when will the 90 day pause end", "The 90-day pause ends on August 12.", 0.0),
])
def test_a_number_or_date_question_over_a_sentence_without_one_misses_a_number(question, sentence, missed):
    """number_miss flags the type miss of number and date questions only, not of "who", the
    question's own numbers aside."""
    assert _text_features(question, sentence)["number_miss"] == missed


@pytest.mark.parametrize(("question", "sentence", "missed"), [
    ("how tall is lancaster house", "The first meeting lasted more than six hours at Lancaster House.", 1.0),
    ("how many people attended the 2012 speech", "In 2012 Draghi gave a speech at 1 p.m.", 1.0),
    ("how many people attended the speech", "Some 300 people attended the speech.", 0.0),
    ("how old was Luther when he married", "Luther was 41 years old when he married.", 0.0),
    ("how many hours did the talks last", "Talks lasted nearly seven hours on Monday.", 0.0),
])
def test_a_time_is_no_count_unless_the_question_counts_time(question, sentence, missed):
    """ "six hours", a year or a clock time count nothing for "how tall" or "how many people";
    for "how old" or "how many hours" they do."""
    assert _text_features(question, sentence)["number_miss"] == missed


def test_a_rate_question_is_not_answered_by_a_date():
    """A sentence with only a date does not hold the share a "rate" question wants."""
    assert _type_features("what tariff rate did Trump announce?", "Trump announced tariffs on April 2.") == (0.0, 1.0)


def test_a_rate_question_is_answered_by_a_percentage():
    """A percentage holds the share a "rate" question wants."""
    assert _type_features("what tariff rate did Trump announce?", "Trump announced a 34% tariff.") == (1.0, 0.0)


def test_a_price_question_needs_an_amount_of_money():
    """A price question matches a currency amount and misses a bare count."""
    assert _type_features("what is the price of gold?", "Gold costs $2,300 an ounce.") == (1.0, 0.0)
    assert _type_features("what is the price of gold?", "Two traders sold gold.") == (0.0, 1.0)


def test_who_question_matches_a_name_it_does_not_already_hold():
    """A new multi-word name answers "who"; the name asked about does not."""
    assert _type_features("who met Scott Bessent?", "Scott Bessent met He Lifeng in London.")[0] == 1.0
    assert _type_features("who met Scott Bessent?", "He met Scott Bessent there.")[1] == 1.0


def test_a_phrase_meets_its_inversion_and_its_place_adjective():
    """ "the president of China" pairs its words as "China's president" and "the Chinese President" do."""
    for sentence in ("China's president spoke.", "The Chinese President spoke."):
        assert _text_features("who is the president of china", sentence)["bigram_overlap"] == 1.0


def test_two_words_apart_are_no_pair():
    """A sentence naming a president and China apart does not hold the phrase."""
    assert _text_features("who is the president of china", "President Trump praised China.")["bigram_overlap"] == 0.0


def _lexicon(*texts: str) -> LexicalIndex:
    sentences = [Sentence(id=i, source="a.txt", line=i + 1, start=0, end=len(t), text=t) for i, t in enumerate(texts)]
    return LexicalIndex(SentenceTable(sentences))


def test_where_question_marks_a_sentence_naming_a_place_outright():
    """ "in London" answers "where" exactly, a name that is no place does not (type_exact_miss)."""
    assert _text_features("where did the talks take place", "The talks took place in London.")["type_exact_miss"] == 0.0
    assert _text_features("where did the talks take place", "Trump and Xi spoke before the talks.")["type_exact_miss"] == 1.0


def test_no_exact_kind_is_missed_by_questions_not_asking_when_or_where():
    """A "who" question has no stricter reading, whatever the sentence lacks."""
    assert _text_features("who led the talks", "Someone led them.")["type_exact_miss"] == 0.0


def test_misspelt_name_is_repaired_to_the_corpus_spelling():
    """A word English does not know, one edit from a corpus term, becomes that term."""
    lexicon = _lexicon("Treasury Secretary Scott Bessent led the talks.", "Rare earth exports fell.")
    assert lexicon.resolve(["bescent"]) == ["bessent"]


def test_english_word_is_not_repaired_into_another():
    """A real word absent from the corpus stays itself ("rate" does not become "rare")."""
    lexicon = _lexicon("Rare earth exports fell.", "The talks went well.")
    assert lexicon.resolve(["rate"]) == ["rate"]


def test_a_country_is_covered_by_a_city_of_it():
    """"Switzerland" in the question is matched by "Geneva" in the sentence."""
    assert _text_features("what deal was struck in switzerland", "The deal was struck in Geneva.")["coverage"] == 1.0


def test_a_country_is_not_covered_by_a_city_elsewhere():
    """"Switzerland" is not matched by "London"."""
    assert _text_features("what deal was struck in switzerland", "The deal was struck in London.")["coverage"] < 1.0


def test_a_word_of_like_meaning_counts_apart_from_exact_matches():
    """"negotiations" is not an exact match for "talks", but a related one."""
    features = _text_features("where were the negotiations", "The talks were held in London.")
    assert features["coverage"] == 0.0
    assert features["related_coverage"] == 1.0


def test_an_unrelated_word_gives_no_related_coverage():
    """A sentence without the question's words or their relatives scores no related coverage."""
    assert _text_features("where were the negotiations", "Exports fell in May.")["related_coverage"] == 0.0


def test_a_sentence_saying_the_opposite_is_flagged():
    """"when did exports rise" over "exports fell" (its antonym, not the word) is an opposite."""
    assert _text_features("when did exports rise", "Exports fell in May.")["opposite"] == 1.0


def test_a_wordnet_antonym_is_flagged_apart_from_a_way_gone_opposite():
    """ "Emma's brother" over "Emma, sister of…" is an antonym, not a quantity or time going the other way."""
    features = _text_features("who was Emma's brother", "Emma, sister of Duke Richard, married the king.")
    assert features["antonym"] == 1.0 and features["opposite"] == 0.0


def test_a_sentence_holding_the_word_itself_is_no_opposite():
    """A sentence that also holds the question's own word is not flagged for holding its opposite."""
    assert _text_features("when did exports rise", "Exports rose in May after they fell in April.")["opposite"] == 0.0


def test_a_sentence_without_an_opposite_is_not_flagged():
    """A sentence holding neither the word nor an opposite of it is no opposite."""
    assert _text_features("when did exports rise", "Exports grew in May.")["opposite"] == 0.0


def test_a_how_many_question_misses_a_sentence_counting_something_else():
    """ "how many people attended" is not answered by "six hours"; "forty people" answers it."""
    assert _text_features("how many people attended", "The meeting lasted six hours.")["count_miss"] == 1.0
    assert _text_features("how many people attended", "Some forty people attended.")["count_miss"] == 0.0


@pytest.mark.parametrize(("question", "sentence", "conflict"), [
    ("when will the third round of talks begin", "The second round of talks began in London.", 1.0),
    ("when will the second round of talks begin", "The second round of talks began in London.", 0.0),
    ("when will the third round of talks begin", "The talks began in London.", 0.0),
    ("who is China's commerce minister", "The talks are led by U.S. Commerce Secretary Howard Lutnick.", 1.0),
    ("who is the American commerce secretary", "The talks are led by U.S. Commerce Secretary Howard Lutnick.", 0.0),
    ("who is China's commerce minister", "Commerce Secretary Howard Lutnick met China's delegation.", 0.0),
    ("what did Greer say to reporters", "Reuters reported that the participants were Bessent and Greer.", 1.0),
    ("what did Greer say to reporters", "Greer told reporters the talks went well.", 0.0),
])
def test_a_sentence_naming_another_value_of_an_asked_kind_conflicts(question, sentence, conflict):
    """Another ordinal, the asked office held for another country, or only another speaker for
    the asked one, is a conflict; the same one, or none, is not."""
    assert _text_features(question, sentence)["conflict"] == conflict


def test_a_question_this_points_at_the_text_not_at_a_time():
    """ "what is this process called" is not contradicted by "the next process…"."""
    assert "relative:process" not in view_question("what is this process called").values
    assert _text_features("what is this process called", "The next process is called fission.")["conflict"] == 0.0


def test_another_country_is_a_conflict_of_its_own():
    """A sentence naming only other countries than the question is flagged apart from other values."""
    features = _text_features("who led the talks in Japan", "Vice Premier He Lifeng led the talks in Beijing.")
    assert features["country_conflict"] == 1.0 and features["conflict"] == 0.0


@pytest.mark.parametrize("question, sentence, opposite", [
    ("by what percent did exports grow", "Customs data showed a 34.5% drop in exports.", 1.0),
    ("how much were tariffs cut", "Tariffs were raised to 145%.", 1.0),
    ("by what percent did exports grow", "Exports rose 5% after a drop in April.", 0.0),
    ("by what percent did exports grow", "Exports rose 5%.", 0.0),
    ("what did Lutnick say after the talks", "Before the talks, Lutnick said little.", 1.0),
    ("what did Lutnick say after the talks", "After the talks, Lutnick said little.", 0.0),
    ("what is the least used type of reduction", "The most used type of reduction is the Karp one.", 1.0),
    ("what is the least used type of reduction", "The least used type of reduction is rare.", 0.0),
])
def test_a_quantity_or_time_going_only_the_other_way_is_an_opposite(question, sentence, opposite):
    """Going up ("grow", "raised") and down ("drop", "cut"), after and before, most and least
    are opposites WordNet does not list; a sentence telling of both ways is none."""
    assert _text_features(question, sentence)["opposite"] == opposite


@pytest.mark.parametrize("question, sentence", [
    ("how many days before the talks did the presidents speak", "The talks took place four days after a phone call."),
    ("what did Lutnick say after the talks", "The talks ended before Lutnick spoke."),
])
def test_an_order_in_time_told_from_the_other_side_is_no_opposite(question, sentence):
    """ "X after Y" tells "Y before X": what the question places things before or after comes
    first in the sentence, so "after" answers a "before" question about it."""
    assert _text_features(question, sentence)["opposite"] == 0.0


def test_a_quantity_told_both_ways_is_no_opposite_of_a_fall():
    """WordNet's "rise" for "fall" does not flag a sentence that also tells of a drop."""
    sentence = "Exports rose less than expected as the worst drop in shipments to the U.S. hit."
    assert _text_features("how big was the fall in shipments to america", sentence)["opposite"] == 0.0


def test_a_yes_no_question_is_answered_by_the_opposite_or_a_denial():
    """"did exports rise" is answered by "exports fell" or "did not rise": neither is flagged."""
    assert _text_features("did exports rise in may", "Exports fell in May.")["opposite"] == 0.0
    assert _text_features("did exports rise in may", "Exports did not rise in May.")["negation_mismatch"] == 0.0


@pytest.mark.parametrize("question, sentence, mismatch", [
    ("which country did not attend the talks", "Japan attended the talks.", 1.0),
    ("which country attended the talks", "Japan didn't attend the talks.", 1.0),
    ("which country did not attend the talks", "Japan never attended the talks.", 0.0),
    ("which country attended the talks", "Japan attended the talks.", 0.0),
])
def test_denial_in_only_one_of_question_and_sentence_is_a_mismatch(question, sentence, mismatch):
    """A negation mismatch is a denial ("not", "n't", "never") on one side only."""
    assert _text_features(question, sentence)["negation_mismatch"] == mismatch


def _question_features(question: str, lexicon: LexicalIndex) -> dict[str, float]:
    q = view_question(question, lexicon.resolve)
    s = view_sentence("Exports fell.", content_terms("Exports fell."))
    row = candidate_features(q, [s], np.zeros(1), np.zeros(1), np.zeros(1), np.zeros(1), np.zeros(1), lexicon)[0]
    return dict(zip(FEATURE_NAMES, row))


def test_a_place_of_a_country_the_corpus_names_is_not_unseen():
    """"switzerland" is known to a corpus that names Geneva; "japan" is not."""
    lexicon = _lexicon("The deal was struck in Geneva.", "Exports fell.")
    assert _question_features("deal in switzerland", lexicon)["unseen"] == 0.0
    assert _question_features("deal in japan", lexicon)["unseen"] > 0.0


def test_a_place_adjective_of_a_country_the_corpus_never_names_is_unseen():
    """ "the japanese delegation" asks about a country the articles lack, though "japanese" is no noun."""
    lexicon = _lexicon("The Chinese delegation was led by He Lifeng.", "Exports fell.")
    assert _question_features("what did the japanese delegation say", lexicon)["unseen"] > 0.0
    assert _question_features("what did the chinese delegation say", lexicon)["unseen"] == 0.0


def test_an_unseen_verb_is_not_unseen_but_an_unseen_noun_is():
    """A verb the corpus never uses ("slapped") is another wording; a noun ("price") is not."""
    lexicon = _lexicon("The US imposed export curbs.", "Exports fell.")
    assert _question_features("what export curbs has the us slapped on", lexicon)["unseen"] == 0.0
    assert _question_features("what price did the us put on export curbs", lexicon)["unseen"] > 0.0


def test_a_word_before_up_is_a_verb_and_not_unseen():
    """"sum up the meeting" uses "sum" as a verb, another wording; "what sum did they pay" names a thing."""
    lexicon = _lexicon("Lutnick called the meeting productive.", "Exports fell.")
    assert _question_features("how did lutnick sum up the meeting", lexicon)["unseen"] == 0.0
    assert _question_features("what sum did lutnick pay for the meeting", lexicon)["unseen"] > 0.0


def test_a_word_before_out_is_a_verb_and_not_unseen():
    """"did the markets freak out" uses "freak" as a verb; "was there a freak rally" names a thing."""
    lexicon = _lexicon("Markets rallied after the talks.", "Exports fell.")
    assert _question_features("did the markets freak out after the talks", lexicon)["unseen"] == 0.0
    assert _question_features("was there a freak rally after the talks", lexicon)["unseen"] > 0.0


def test_a_word_in_a_past_tense_is_a_verb_and_not_unseen():
    """ "which building *hosted* the talks" uses "host" as a verb; "who was the host" names someone."""
    lexicon = _lexicon("The talks were held at Lancaster House.", "Exports fell.")
    assert _question_features("which house hosted the talks", lexicon)["unseen"] == 0.0
    assert _question_features("who was the host of the talks", lexicon)["unseen"] > 0.0


def test_a_word_stressing_a_when_is_not_unseen():
    """ "*right* after the meeting" stresses when; "who has the right to export" names a thing."""
    lexicon = _lexicon("Export curbs would be eased after the meeting.", "Exports fell.")
    assert _question_features("what happens right after the meeting", lexicon)["unseen"] == 0.0
    assert _question_features("who has the right to export after the meeting", lexicon)["unseen"] > 0.0


def test_an_adjective_sharing_a_nouns_stem_is_not_unseen():
    """ "is the ban *dangerous*" says how the ban is; "what is the *danger* of the ban" names a thing."""
    lexicon = _lexicon("China's export ban alarmed industries.", "Exports fell.")
    assert _question_features("is the export ban dangerous for industries", lexicon)["unseen"] == 0.0
    assert _question_features("what is the danger of the export ban", lexicon)["unseen"] > 0.0


def test_a_capitalised_name_is_unseen_whatever_its_stem():
    """ "Harris" stems like the verb "harry", yet written capitalised it names someone unseen."""
    lexicon = _lexicon("The US imposed export curbs.", "Exports fell.")
    assert _question_features("how did Harris react to the curbs", lexicon)["unseen"] > 0.0
    assert _question_features("HOW DID THE US REACT TO THE CURBS", lexicon)["unseen"] == 0.0


def test_the_article_itself_is_not_an_unseen_topic():
    """"Who edited the article" points at the articles, which never say "article" or "piece"."""
    lexicon = _lexicon("Editing by Jane Doe.", "The US imposed export curbs.")
    assert _question_features("who edited the article", lexicon)["unseen"] == 0.0
    assert _question_features("who wrote the piece", lexicon)["unseen"] == 0.0
    assert _question_features("who edited the cookbook", lexicon)["unseen"] > 0.0


def test_a_casual_word_for_someone_is_not_an_unseen_topic():
    """"the treasury guy" points at a person the articles name; "the treasury cookbook" is unseen."""
    lexicon = _lexicon("Treasury Secretary Scott Bessent spoke.", "Exports fell.")
    assert _question_features("what did the treasury guy say", lexicon)["unseen"] == 0.0
    assert _question_features("what did the treasury cookbook say", lexicon)["unseen"] > 0.0


def test_unseen_words_of_the_asked_for_phrase_are_counted_apart():
    """"Which law firm…": "law" and "firm", unseen, name what is asked for; "japan" does not."""
    lexicon = _lexicon("Kelly Ann Shaw works at Hogan Lovells.", "Exports fell.")
    features = _question_features("which law firm does kelly ann shaw work for", lexicon)
    assert features["unseen"] > 0.0 and features["unseen_asked"] == features["unseen"]
    features = _question_features("which law firm does kelly ann shaw work for in japan", lexicon)
    assert 0.0 < features["unseen_asked"] < features["unseen"]


def test_corpus_names_of_a_country_are_found_by_their_terms():
    """The corpus's terms that name places of CH are its Swiss city, not its British one."""
    lexicon = _lexicon("The deal was struck in Geneva.", "Talks resumed in London.")
    assert lexicon.place_terms("CH") == ("geneva",)
    assert lexicon.place_terms("JP") == ()


def _candidate_columns(question: str, texts: list[str], lexicon: LexicalIndex) -> dict[str, np.ndarray]:
    q = view_question(question, lexicon.resolve)
    sentences = [view_sentence(t, content_terms(t)) for t in texts]
    zeros = np.zeros(len(texts))
    return dict(zip(FEATURE_NAMES, candidate_features(q, sentences, zeros, zeros, zeros, zeros, zeros, lexicon).T))


def test_the_asked_speaker_speaks_in_any_spelling_the_articles_give_the_name():
    """ "what did Bessent tell reporters" is answered by "Bescent told reporters", not by "Reuters reported… Bessent"."""
    texts = ["Scott Bessent led the talks.", "Scott Bessent spoke.", "Scott Bescent told reporters it went well.",
             "Reuters reported that the participants were Bessent and Greer."]
    conflict = _candidate_columns("what did Bessent tell reporters", texts, _lexicon(*texts))["conflict"]
    assert conflict.tolist() == [0.0, 0.0, 0.0, 1.0]


def test_a_word_of_like_meaning_counts_toward_the_context_coverage():
    """"negotiations … led" holds all of "who led the talks", with or without its neighbour."""
    features = _text_features("who led the talks", "The negotiations were led by Bessent.")
    assert features["coverage_context"] == 1.0 and features["coverage"] < 1.0


def test_relative_text_features_measure_each_candidate_against_the_best():
    """coverage_gap is 0 for the candidate holding most of the question and negative for the others."""
    texts = ["Lutnick met He Lifeng in London.", "Lutnick spoke.", "Markets rose."]
    columns = _candidate_columns("where did lutnick meet he lifeng", texts, _lexicon(*texts))
    assert columns["coverage_gap"][0] == 0.0 and columns["coverage_gap"][2] < columns["coverage_gap"][1] < 0.0
    assert np.allclose(columns["coverage_gap"], columns["coverage"] - columns["coverage"].max())
    assert np.allclose(columns["bigram_gap"], columns["bigram_overlap"] - columns["bigram_overlap"].max())


def test_coverage_z_is_zero_when_every_candidate_holds_as_much():
    """Equal coverage everywhere gives a z-score of 0, not a division by zero."""
    texts = ["Lutnick spoke.", "Lutnick smiled."]
    columns = _candidate_columns("what did lutnick say", texts, _lexicon(*texts))
    assert columns["coverage"][0] == columns["coverage"][1] > 0 and (columns["coverage_z"] == 0).all()


def test_word_piece_match_falls_back_to_the_dense_cosine():
    """Without word pieces (a model that hides them) token_maxsim is the dense cosine; with them, the match."""
    lexicon = _lexicon("Lutnick spoke.", "Markets rose.")
    q = view_question("what did lutnick say", lexicon.resolve)
    sentences = [view_sentence(t, content_terms(t)) for t in ("Lutnick spoke.", "Markets rose.")]
    dense, zeros, pieces = np.array([0.6, 0.2]), np.zeros(2), np.array([0.9, 0.5])
    without = dict(zip(FEATURE_NAMES, candidate_features(q, sentences, dense, zeros, zeros, zeros, zeros, lexicon).T))
    with_pieces = dict(zip(FEATURE_NAMES, candidate_features(q, sentences, dense, zeros, zeros, zeros, zeros, lexicon, pieces).T))
    assert without["token_maxsim"].tolist() == [0.6, 0.2] and with_pieces["token_maxsim"].tolist() == [0.9, 0.5]
    assert with_pieces["token_maxsim_gap"] == pytest.approx([0.0, -0.4])


def test_a_sentence_pointing_back_is_lent_what_its_predecessor_holds():
    """"They may exist…" after "Stromules are tubules." gets the question words only its predecessor holds, and its cosine."""
    lexicon = _lexicon("Stromules are tubules.", "They may exist to increase the surface area.", "Markets rose.")
    q = view_question("why do stromules exist", lexicon.resolve)
    texts = ["They may exist to increase the surface area.", "Markets rose."]
    sentences = [
        view_sentence(texts[0], content_terms(texts[0]), content_terms("Stromules are tubules.")),
        view_sentence(texts[1], content_terms(texts[1]), content_terms("Stromules are tubules.")),
    ]
    zeros, previous = np.zeros(2), np.array([0.7, 0.7])
    columns = dict(zip(FEATURE_NAMES, candidate_features(q, sentences, zeros, zeros, zeros, zeros, previous, lexicon).T))
    assert columns["points_back"].tolist() == [1.0, 0.0]
    assert columns["points_back_context_gain"][0] == pytest.approx(columns["coverage_context"][0] - columns["coverage"][0])
    assert columns["points_back_context_gain"][0] > 0.0 and columns["points_back_context_gain"][1] == 0.0
    assert columns["previous_dense"].tolist() == [0.7, 0.7]
    assert columns["points_back_previous_dense"].tolist() == [0.7, 0.0]


def test_an_unseen_name_in_the_asked_phrase_is_not_forgiven():
    """"who is *Zelensky's* envoy": "envoy" names the kind asked for, "Zelensky" someone the articles lack."""
    lexicon = _lexicon("He Lifeng led the delegation.", "Markets rose.")
    named = _question_features("who is Zelensky's envoy", lexicon)
    common = _question_features("who is the envoy", lexicon)
    assert named["unseen"] > named["unseen_asked"] > 0.0
    assert common["unseen_asked"] == pytest.approx(common["unseen"]) and common["unseen"] > 0.0


def test_an_unseen_word_before_a_head_the_articles_use_is_not_forgiven():
    """ "what was the *GDP* growth": the articles name growth, so "GDP" must be there too."""
    lexicon = _lexicon("Export growth slowed in May.", "Markets rose.")
    features = _question_features("what was the gdp growth of china", lexicon)
    assert features["unseen"] > 0.0 and features["unseen_asked"] == 0.0
