"""The statement linker (link/statements.py): the same words of one speaker."""

from hypothesis import given
from hypothesis import strategies as st

from link.statements import (
    TITLE_SMALL_WORDS,
    QuoteKey,
    is_title_case,
    link_quotes,
    may_repeat,
    normalised_words,
    quote_links_among,
    quote_words,
    spoken_words,
)

OBAMA = "source-obama"  # a source id: the load gives every spelling of one person one source
LONG = "Until you have sat at that desk, you do not know what it is like to manage a global crisis"


def words(quote_id, article_id, content, speaker=OBAMA):
    return quote_words(QuoteKey(quote_id, article_id, speaker, content))


def test_the_spoken_words_leave_out_the_reporters_words_between_the_marks():
    interrupted = "I like Paul, but these are horrible times,” Trump told the Post. “We need very strong leadership."
    assert spoken_words(interrupted, "direct") == "I like Paul, but these are horrible times, We need very strong leadership."
    mixed = "the emails showed she was “extremely careless” in handling “very sensitive” information"
    assert spoken_words(mixed, "mixed") == "extremely careless very sensitive"
    straight = 'he said "we will win" and "we will win big"'
    assert spoken_words(straight, "mixed") == "we will win we will win big"


def test_a_quote_without_marks_is_spoken_as_a_whole():
    assert spoken_words("the border would be closed on Monday", "indirect") == "the border would be closed on Monday"
    assert spoken_words("We will rebuild.", "direct") == "We will rebuild."
    assert spoken_words("Trump’s plan won’t work", "mixed") == "Trump’s plan won’t work"  # apostrophes are no marks


def test_one_remark_interrupted_in_one_article_and_whole_in_another_is_one_statement():
    whole = words("q1", "a1", spoken_words("I like Paul, but these are horrible times for our country. We need very strong leadership.", "direct"))
    cut = words("q2", "a2", spoken_words("I like Paul, but these are horrible times for our country,” Trump told the Post. "
                                          "“We need very strong leadership.", "direct"))
    assert link_quotes(whole, cut) is not None


def test_punctuation_and_case_do_not_matter():
    assert normalised_words("“We will NOT be silenced,” ") == ("we", "will", "not", "be", "silenced")


def test_the_same_words_or_a_cut_down_quote_are_one_statement():
    same = link_quotes(words("q1", "a1", LONG), words("q2", "a2", LONG.upper() + "."))
    part = link_quotes(words("q1", "a1", LONG), words("q3", "a3", "you do not know what it is like to manage a global crisis"))
    assert same is not None and same.reason == "same text" and same.score == 1.0
    assert part is not None and part.reason == "contained" and part.score == 1.0


def test_other_words_another_speaker_the_same_article_or_a_stock_phrase_are_not():
    other = "We will manage this crisis as we managed the last one, with calm and with the facts"
    assert link_quotes(words("q1", "a1", LONG), words("q2", "a2", other)) is None
    assert link_quotes(words("q1", "a1", LONG), words("q2", "a2", LONG, "source-pence")) is None
    assert link_quotes(words("q1", "a1", LONG), words("q2", "a1", LONG)) is None
    assert link_quotes(words("q1", "a1", "we'll see"), words("q2", "a2", "we'll see")) is None
    assert link_quotes(words("q1", "a1", "bomb the hell"), words("q2", "a2", "bomb the hell")) is None
    assert link_quotes(words("q1", "a1", LONG), words("q2", "a2", "at that desk")) is None  # too short to be contained


def test_links_are_found_only_between_the_new_quotes_and_the_rest():
    new = [QuoteKey("q1", "a1", OBAMA, LONG)]
    others = [QuoteKey("q2", "a2", OBAMA, LONG), QuoteKey("q3", "a3", OBAMA, "Something else entirely was said today"),
              QuoteKey("q4", "a4", "source-pence", LONG)]
    assert set(quote_links_among(new, others)) == {("q1", "q2")}


def test_a_paraphrase_repeats_as_a_statement_only_when_a_person_made_it():
    assert may_repeat("indirect", "person") and may_repeat("direct", "organization") and may_repeat("mixed", None)
    assert not may_repeat("indirect", "organization")  # "29 percent said ...": a poll's finding
    assert not may_repeat("indirect", "anonymous")


def test_one_remark_cut_at_different_sentences_or_edited_inside_shares_a_run():
    one = "We have to rebuild the harbour before winter. The fishermen of this town cannot wait another season for it"
    other = "The fishermen of this town cannot wait another season for it. We will find the money in the spring budget"
    edited = "We have to rebuild [the harbour] … the fishermen of this town cannot wait another season for it, believe me"
    assert link_quotes(words("q1", "a1", one), words("q2", "a2", other)).reason == "shared run"
    assert link_quotes(words("q1", "a1", one), words("q3", "a3", edited)) is not None


def test_a_stock_line_shorter_than_a_run_links_nothing():
    one = "This is the most important election of our lifetime and I will not stop campaigning"
    other = "Some say this is the most important election of our lifetime but I disagree with them all"
    assert link_quotes(words("q1", "a1", one), words("q2", "a2", other)) is None  # nine words in a row


def test_a_headline_repeats_as_no_statement():
    assert not may_repeat("direct", "person", "Rubio Answers A Question By Saying We Need More Welders")
    assert not may_repeat("direct", "person", "We Need Fewer Philosophers")
    assert may_repeat("direct", "person", "We need more welders and fewer philosophers in this country")
    assert may_repeat("direct", "person", "THE ARMY WILL NOT STOP UNTIL THE REBELS ARE DEFEATED")  # an ALL-CAPS wire
    assert may_repeat("direct", "person", "I met Hillary Clinton and Bernie Sanders in Iowa")


def test_one_remark_edited_inside_links_as_edited():
    full = "There has never been a mayor, not me, not my father, nobody, who knew this harbour better than Anna Berg"
    abridged = "There has never been a mayor who knew this harbour better than Anna Berg, and I mean that"
    swapped = "We are going to put a lot of fishing boats and fishing crews out of work this winter"
    other = "going to put a lot of fishing crews and fishing boats out of work this winter"
    assert link_quotes(words("q1", "a1", full), words("q2", "a2", abridged)).reason == "edited"
    assert link_quotes(words("q1", "a1", swapped), words("q2", "a2", other)).reason == "edited"


def test_words_scattered_or_too_few_in_order_are_no_edit():
    one = "We are going to make this town great again, believe me, folks"
    other = "We are going to make this town great again and we will win"  # a stock line: seven words
    scattered = "The harbour is old and the boats are old, and the town is going to be old too"
    assert link_quotes(words("q1", "a1", one), words("q2", "a2", other)) is None
    assert link_quotes(words("q1", "a1", scattered),
                       words("q2", "a2", "The town and the boats and the harbour are old and going to be fine")) is None


def test_a_possessive_is_spelt_either_way():
    assert normalised_words("ISIS’s best recruiter") == normalised_words("ISIS' best recruiter") == ("isis", "best", "recruiter")
    assert normalised_words("it's their town") == ("it", "their", "town")


def _title_case_as_defined(text):
    words = [w for w in text.split() if w[:1].isalpha()]
    if len(words) < 4 or sum(1 for w in words if len(w) > 1 and w.isupper()) > len(words) / 2:
        return False
    return all(w[0].isupper() for w in words if len(w) >= 3 and w.casefold() not in TITLE_SMALL_WORDS)


@given(st.lists(st.sampled_from(["We", "need", "Fewer", "of", "the", "IRAN", "US", "a", "5", "Us", "ARMY", "in",
                                 "iran", "É", "été", "Été", "'Quote", "x", "And", "AND"]), max_size=12))
def test_a_headline_is_told_from_prose_as_the_rule_defines_it(words):
    text = " ".join(words)
    assert is_title_case(text) == _title_case_as_defined(text)


def test_punctuation_alone_is_no_words_and_links_nothing():
    assert normalised_words("... !") == ()
    assert quote_links_among([QuoteKey("q1", "a1", OBAMA, "...")], [QuoteKey("q2", "a2", OBAMA, "...")]) == {}


def test_an_older_quote_is_linked_whether_it_shares_its_first_or_its_last_words():
    new = [QuoteKey("q9", "a9", OBAMA, LONG)]
    starts = QuoteKey("q1", "a1", OBAMA, "Until you have sat at that desk, you do not know what it is like")
    ends = QuoteKey("q2", "a2", OBAMA, "you do not know what it is like to manage a global crisis")
    unrelated = QuoteKey("q3", "a3", OBAMA, "We will rebuild the roads and the bridges of this country together")
    assert set(quote_links_among(new, [starts, ends, unrelated])) == {("q1", "q9"), ("q2", "q9")}
