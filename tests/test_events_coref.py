"""Event coreference: the scorer of bench.ecb on known examples, and the matcher's rules."""

from __future__ import annotations

import datetime as dt
import itertools
import random
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest

from bench import coref_metrics, ecb
from graph.model import DocExtraction
from graph.resolve.events import (
    Mention,
    cluster_mentions,
    context_items,
    document_stories,
    mention_of,
    merge_events,
    pair_score,
)
from graph.resolve.sources import publication_bounds

ROOT = Path(__file__).resolve().parent.parent
ECB_DATA = ROOT.parent / "shared" / "eval-data" / "ecbplus-dev"


def _close(score: Any, recall: float, precision: float) -> None:
    assert score.recall == pytest.approx(recall)
    assert score.precision == pytest.approx(precision)


# --------------------------------------------------------------------------- scorer

# Pradhan et al. 2014 ("Scoring coreference partitions of predicted mentions"), figure 1:
# the response misses e and adds the twinless mentions h and i.
KEY = [{"a", "b", "c"}, {"d", "e", "f", "g"}]
RESPONSE = [{"a", "b"}, {"c", "d"}, {"f", "g", "h", "i"}]


def test_muc_worked_example() -> None:
    _close(coref_metrics.muc(KEY, RESPONSE), 0.4, 0.4)


def test_b_cubed_worked_example() -> None:
    # recall (2/3 + 2/3 + 1/3 + 1/4 + 0 + 2/4 + 2/4) / 7; precision (1+1+.5+.5+.5+.5+0+0) / 8
    _close(coref_metrics.b_cubed(KEY, RESPONSE), 35 / 84, 0.5)


def test_ceaf_e_worked_example() -> None:
    # phi4: {a,b,c}-{a,b} 0.8 and {d,e,f,g}-{f,g,h,i} 0.5 are the best alignment.
    score = coref_metrics.ceaf_e(KEY, RESPONSE)
    _close(score, 1.3 / 2, 1.3 / 3)
    assert score.f1 == pytest.approx(0.52)


def test_muc_vilain_example() -> None:
    # Vilain et al. 1995: one entity of four split in two keeps two of its three links.
    _close(coref_metrics.muc([["A", "B", "C", "D"]], [["A", "B"], ["C", "D"]]), 2 / 3, 1.0)


def test_bagga_baldwin_example() -> None:
    # Bagga and Baldwin 1998: merging two entities costs MUC one link, B3 much more.
    key = [list(range(1, 6)), [6, 7], list(range(8, 13))]
    response = [list(range(1, 6)), list(range(6, 13))]
    _close(coref_metrics.muc(key, response), 1.0, 0.9)
    _close(coref_metrics.b_cubed(key, response), 1.0, (5 + 2 * 2 / 7 + 5 * 5 / 7) / 12)


def test_identical_clusterings_score_one() -> None:
    key = [["a", "b"], ["c"], ["d", "e", "f"]]
    scores = coref_metrics.conll(key, [["f", "e", "d"], ["b", "a"], ["c"]])
    assert scores["CoNLL"] == pytest.approx(1.0)
    assert all(s.f1 == pytest.approx(1.0) for n, s in scores.items() if n != "CoNLL")


def test_singletons_have_no_muc_links() -> None:
    score = coref_metrics.muc([["a"], ["b"]], [["a"], ["b"]])
    assert (score.recall, score.precision, score.f1) == (0.0, 0.0, 0.0)
    # CEAF-e: phi4({a}, {a,b}) = 2/3, over two key entities and one response entity.
    _close(coref_metrics.ceaf_e([["a"], ["b"]], [["a", "b"]]), 1 / 3, 2 / 3)


def test_conll_is_the_mean_of_the_three() -> None:
    scores = coref_metrics.conll(KEY, RESPONSE)
    mean = (scores["MUC"].f1 + scores["B3"].f1 + scores["CEAF-e"].f1) / 3
    assert scores["CoNLL"] == pytest.approx(mean)


def test_assignment_is_optimal() -> None:
    rng = random.Random(7)
    for _ in range(200):
        rows, cols = rng.randint(1, 5), rng.randint(1, 5)
        weights = [[rng.random() for _ in range(cols)] for _ in range(rows)]
        pairs = coref_metrics.max_assignment(weights)
        assert len(pairs) == min(rows, cols)
        assert len({i for i, _ in pairs}) == len({j for _, j in pairs}) == len(pairs)
        if rows <= cols:
            best = max(
                sum(weights[i][p[i]] for i in range(rows))
                for p in itertools.permutations(range(cols), rows)
            )
        else:
            best = max(
                sum(weights[p[j]][j] for j in range(cols))
                for p in itertools.permutations(range(rows), cols)
            )
        assert sum(weights[i][j] for i, j in pairs) == pytest.approx(best)


# --------------------------------------------------------------------------- matcher

MARCH = {"start": dt.date(2024, 3, 5), "end": dt.date(2024, 3, 5)}
MAY = {"start": dt.date(2024, 5, 2), "end": dt.date(2024, 5, 2)}


def _m(key: str, doc: str, lemma: str, kind: str = "", **kw: Any) -> Mention:
    return Mention(key=key, document=doc, lemma=lemma, event_type=kind, **kw)


def _groups(mentions: list[Mention]) -> list[list[str]]:
    return [[str(m.key) for m in group] for group in cluster_mentions(mentions)]


def test_same_predicate_and_date_merge() -> None:
    a = _m("a", "d1", "arrest", **MARCH)
    b = _m("b", "d2", "arrest", **MARCH)
    assert _groups([a, b]) == [["a", "b"]]


def test_same_predicate_alone_does_not_merge() -> None:
    assert _groups([_m("a", "d1", "arrest"), _m("b", "d2", "arrest")]) == [["a"], ["b"]]


def test_date_conflict_splits() -> None:
    a = _m("a", "d1", "arrest", participants=frozenset({"x"}), **MARCH)
    b = _m("b", "d2", "arrest", participants=frozenset({"x"}), **MAY)
    assert pair_score(a, b) is None
    assert _groups([a, b]) == [["a"], ["b"]]


def test_dates_compare_at_the_weaker_precision() -> None:
    month = _m("a", "d1", "arrest", start=dt.date(2024, 3, 1), end=dt.date(2024, 3, 31))
    day = _m("b", "d2", "arrest", **MARCH)
    assert pair_score(month, day) is not None
    assert _groups([month, day]) == [["a", "b"]]


def test_one_season_is_evidence_as_one_month_is_and_one_year_is_not() -> None:
    spring = {"start": dt.date(2023, 3, 1), "end": dt.date(2023, 5, 31)}
    year = {"start": dt.date(2023, 1, 1), "end": dt.date(2023, 12, 31)}
    drafted = _m("a", "d1", "draft", "conscription", **spring)
    conscripted = _m("b", "d2", "conscript", "conscription", **spring)
    assert _groups([drafted, conscripted]) == [["a", "b"]]  # synonyms in one spring
    drafted, conscripted = (replace(m, **year) for m in (drafted, conscripted))
    assert _groups([drafted, conscripted]) == [["a"], ["b"]]


def test_quantity_conflict_splits() -> None:
    a = _m("a", "d1", "draft", "conscription", quantities=frozenset({(160000.0, "man")}))
    b = _m("b", "d2", "draft", "conscription", quantities=frozenset({(147000.0, "man")}))
    assert pair_score(a, b) is None
    assert _groups([a, b]) == [["a"], ["b"]]


def test_counts_that_disagree_weigh_against_a_merge_without_forbidding_it() -> None:
    # "two climbers fell", "the fall", "one climber fell": reports of one story give a toll
    # and parts of it. Alone, the two counts keep the reports apart; the report between
    # them, told in the same words, brings all three together.
    story = ("climber", "mountain", "ridge", "rescue", "guide")
    words = frozenset({"climber", "ridge", "slip"})
    two = _m(
        "a", "d1", "fall", context=story, words=words, quantities=frozenset({(2.0, "climber")})
    )
    fall = _m("b", "d2", "fall", context=story, words=words)
    one = _m(
        "c", "d3", "fall", context=story, words=words, quantities=frozenset({(1.0, "climber")})
    )
    assert pair_score(two, one, same_story=True) is None
    assert _groups([two, one]) == [["a"], ["c"]]
    assert _groups([two, fall, one]) == [["a", "b", "c"]]


def test_equal_quantity_merges_related_predicates() -> None:
    a = _m("a", "d1", "mobilize", "mobilization", quantities=frozenset({(3e5, "")}))
    b = _m("b", "d2", "draft", "conscription", quantities=frozenset({(3e5, "reservist")}))
    assert _groups([a, b]) == [["a", "b"]]


def test_negation_splits() -> None:
    a = _m("a", "d1", "attack", "attack", **MARCH)
    b = _m("b", "d2", "attack", "attack", negated=True, **MARCH)
    assert pair_score(a, b) is None


def test_another_occurrence_is_not_the_one_named_without_it() -> None:
    who = frozenset({"act_1"})
    first = _m("a", "d1", "mobilization", "mobilization", participants=who, **MARCH)
    second = _m("b", "d1", "mobilization", "mobilization", participants=who, again=True)
    assert pair_score(first, second) is None  # "a second wave of mobilization"
    dated = _m("c", "d2", "mobilization", "mobilization", participants=who, again=True, **MARCH)
    assert pair_score(first, dated) is not None  # the dates tie them
    assert _groups([first, second]) == [["a"], ["b"]]


def test_within_one_story_another_occurrence_is_the_one_the_story_tells() -> None:
    # "will host the Oscars for a second time" and "to host the Oscars": across the reports
    # of one story, the occurrence told as another is the one the others name plainly.
    story = ("oscar", "host", "ceremony", "academy", "comedian")
    who = frozenset({"act_1"})
    plain = _m("a", "d1", "host", context=story, participants=who)
    second = _m("b", "d2", "host", context=story, participants=who, again=True)
    assert pair_score(plain, second) is None  # in different stories, they stay apart
    assert pair_score(plain, second, same_story=True) is not None
    assert _groups([plain, second]) == [["a", "b"]]


def test_one_article_dating_the_plain_occurrence_keeps_another_apart() -> None:
    # "the mobilization in September ... the second wave of mobilization has begun"
    who = frozenset({"act_1"})
    first = _m("a", "d1", "mobilization", "mobilization", participants=who, **MARCH)
    second = _m("b", "d1", "mobilization", "mobilization", participants=who, again=True)
    assert pair_score(first, second, same_story=True) is None
    undated = _m("c", "d1", "mobilization", "mobilization", participants=who)
    assert pair_score(undated, second, same_story=True) is not None


def test_an_undated_plan_is_not_what_its_own_article_dates_as_done() -> None:
    # "In September, Putin announced the mobilization ... the mobilisation drive will focus
    # on volunteers", and another article of the story dating the mobilization in September
    story = ("mobilization", "volunteer", "reservist", "drive", "kremlin")
    words = frozenset({"drive", "mobilization"})
    done = _m("a", "d1", "mobilization", "mobilization", context=story, words=words, **MARCH)
    plan = _m("b", "d1", "mobilization", "mobilization", context=story, words=words, planned=True)
    told = _m("c", "d2", "mobilization", "mobilization", context=story, words=words, **MARCH)
    assert pair_score(done, plan, same_story=True) is None
    assert pair_score(plan, told, same_story=True) is not None  # another article may
    assert _groups([done, plan, told]) == [["a", "c"], ["b"]]
    dated_plan = _m("d", "d1", "mobilization", "mobilization", planned=True, **MARCH)
    assert pair_score(done, dated_plan, same_story=True) is not None


def test_a_demonstrative_points_back_to_the_nearest_related_event_before_it() -> None:
    # "Putin announced a call-up of 160,000 men ... This current draft runs until July."
    callup = _m("a", "d1", "call-up", "conscription", position=10)
    vote = _m("b", "d1", "vote", "legislation", position=40)
    this = _m("c", "d1", "draft", "conscription", told_back=True, position=90)
    later = _m("d", "d1", "draft", "conscription", position=200)
    assert _groups([callup, vote, this, later]) == [["a", "c"], ["b"], ["d"]]
    plain = _m("c", "d1", "draft", "conscription", position=90)
    assert _groups([callup, vote, plain, later]) == [["a"], ["b"], ["c"], ["d"]]


def test_derivations_and_synonyms_are_one_predicate() -> None:
    who = frozenset({"act_1"})
    nominate = _m("a", "d1", "nominate", participants=who, **MARCH)
    nomination = _m("b", "d2", "nomination", participants=who, **MARCH)
    assert _groups([nominate, nomination]) == [["a", "b"]]
    killed = _m("c", "d1", "kill", "attack", **MARCH)
    death = _m("d", "d2", "death", "casualties", **MARCH)
    assert _groups([killed, death]) == [["c", "d"]]
    draft = _m("f", "d1", "draft", "conscription", **MARCH)
    conscription = _m("g", "d2", "conscription", "conscription", **MARCH)
    assert _groups([draft, conscription]) == [["f", "g"]]
    # Unrelated words with a date in common are not one event.
    assert _groups([killed, _m("e", "d2", "resign", **MARCH)]) == [["c"], ["e"]]


def test_verbs_of_saying_need_more_evidence() -> None:
    a = _m("a", "d1", "say", participants=frozenset({"act_1"}), **MARCH)
    b = _m("b", "d2", "say", participants=frozenset({"act_1"}), **MARCH)
    c = _m("c", "d1", "arrest", participants=frozenset({"act_1"}), **MARCH)
    d = _m("d", "d2", "arrest", participants=frozenset({"act_1"}), **MARCH)
    assert _groups([a, b, c, d]) == [["a"], ["b"], ["c", "d"]]


def test_one_story_backs_a_shared_predicate() -> None:
    pirates = ("pirate", "navy", "somalia", "tanker", "gulf")
    awards = ("oscar", "host", "ceremony", "academy")
    a = _m("a", "d1", "capture", context=pirates)
    b = _m("b", "d2", "capture", context=pirates + ("india",))
    c = _m("c", "d3", "capture", context=awards)
    assert _groups([a, b, c]) == [["a", "b"], ["c"]]


def test_documents_published_far_apart_are_not_one_story() -> None:
    pirates = ("pirate", "navy", "somalia", "tanker", "gulf")
    spring, autumn = (dt.date(2024, 3, 1), dt.date(2024, 3, 2)), (dt.date(2024, 9, 1),) * 2
    a = _m("a", "d1", "capture", context=pirates, published=spring)
    b = _m("b", "d2", "capture", context=pirates, published=spring)
    c = _m("c", "d3", "capture", context=pirates, published=autumn)
    assert _groups([a, b, c]) == [["a", "b"], ["c"]]


def test_a_short_report_left_alone_joins_the_story_nearest_to_it() -> None:
    # A brief names the story's pirates and navy among words of its own: too few shared
    # words to make two stories one, enough to belong to the nearest story.
    story = ("pirate", "navy", "tanker", "gulf", "somalia", "crew", "ransom", "warship")
    awards = ("oscar", "host", "ceremony", "academy", "comedian", "stage")
    brief = ("pirate", "navy", *(f"word{i}" for i in range(12)))
    spring = (dt.date(2024, 3, 1),) * 2

    def mention(doc: str, context: tuple[str, ...], published: Any = spring) -> Mention:
        return _m(doc, doc, "capture", context=context, published=published)

    documents = [
        mention("d1", (*story, "captain", "hostage")),
        mention("d2", (*story, "coast", "guard")),
        mention("d3", brief),
        mention("d4", awards),
        mention("d5", (*awards, "show")),
    ]
    stories = document_stories(documents)
    assert stories == {"d1": "d1", "d2": "d1", "d3": "d1", "d4": "d4", "d5": "d4"}
    weeks_later = (dt.date(2024, 3, 22),) * 2
    documents[2] = mention("d3", brief, published=weeks_later)  # not in the story's week
    assert document_stories(documents)["d3"] == "d3"
    documents[2] = mention("d3", ("pirate", *(f"word{i}" for i in range(30))))
    assert document_stories(documents)["d3"] == "d3"  # too little in common


def test_words_around_tell_events_of_one_story_apart_not_of_one_document() -> None:
    story = ("pirate", "navy", "somalia", "tanker", "gulf")
    words = frozenset({"navy", "tanker"})
    a = _m("a", "d1", "attack", context=story, words=words)
    b = _m("b", "d1", "attack", context=story, words=words)
    assert pair_score(a, b, same_story=True) == pytest.approx(3.5)
    c = _m("c", "d2", "attack", context=story, words=words)
    assert pair_score(a, c, same_story=True) == pytest.approx(3.5 + 2 + 3)


def test_a_mention_joins_through_its_own_predicate() -> None:
    # The 300,000 draft and mobilisation are one event; a dated "mobilisation" without the
    # number joins them through the mobilisation, whatever the draft's weaker match says.
    month = {"start": dt.date(2022, 9, 1), "end": dt.date(2022, 9, 30)}
    draft = _m(
        "a",
        "d1",
        "draft",
        "conscription",
        quantities=frozenset({(3e5, "")}),
        start=dt.date(2022, 9, 1),
        end=dt.date(2022, 11, 30),
    )
    mobilization = _m(
        "b", "d2", "mobilization", "mobilization", quantities=frozenset({(3e5, "")}), **month
    )
    again = _m("c", "d3", "mobilization", "mobilization", **month)
    assert _groups([draft, mobilization, again]) == [["a", "b", "c"]]


def test_a_conflict_anywhere_keeps_groups_apart() -> None:
    # b could join a or c; a and c conflict, so it joins one of them only.
    a = _m("a", "d1", "arrest", participants=frozenset({"x"}), **MARCH)
    b = _m("b", "d2", "arrest", participants=frozenset({"x", "y"}))
    c = _m("c", "d3", "arrest", participants=frozenset({"x", "y"}), **MAY)
    groups = _groups([a, b, c])
    assert sorted(map(len, groups)) == [1, 2]
    assert ["a", "c"] not in groups


def test_clustering_is_order_independent() -> None:
    mentions = [
        _m("a", "d1", "arrest", **MARCH),
        _m("b", "d2", "arrest", **MARCH),
        _m("c", "d3", "detain", **MARCH),
        _m("d", "d1", "fire", **MAY),
        _m("e", "d2", "dismiss", **MAY),
    ]
    expected = {frozenset(g) for g in _groups(mentions)}
    assert {frozenset(g) for g in _groups(mentions[::-1])} == expected
    assert expected == {frozenset("abc"), frozenset("de")}


def test_a_block_of_ordinary_size_compares_all_its_pairs() -> None:
    from graph.lang import get
    from graph.resolve.events import _MAX_BLOCK, _candidate_pairs

    mentions = [_m(str(i), f"d{i % 7}", "arrest") for i in range(_MAX_BLOCK)]
    pairs = _candidate_pairs(mentions, get().events)
    assert len(pairs) == _MAX_BLOCK * (_MAX_BLOCK - 1) // 2


def test_a_huge_block_is_compared_in_date_windows() -> None:
    # One file telling the same thing thousands of times: pairs grow with the mentions, not
    # with their square, and the alike mentions still end as one event per date.
    from graph.lang import get
    from graph.resolve.events import _MAX_BLOCK, _WINDOW, _candidate_pairs

    n = _MAX_BLOCK + 500
    count = frozenset({(10_000.0, "troop")})
    mentions = [
        _m(str(i), "d1", "mobilize", "mobilization", quantities=count, **(MARCH, MAY)[i % 2])
        for i in range(n)
    ]
    pairs = _candidate_pairs(mentions, get().events)
    assert len(pairs) <= n * _WINDOW
    # In date order, only the last March mentions meet the first May ones.
    across = [(i, j) for i, j in pairs if mentions[i].start != mentions[j].start]
    assert 0 < len(across) <= _WINDOW * _WINDOW
    groups = cluster_mentions(mentions)
    assert sorted(len(g) for g in groups) == [n // 2, n // 2]
    assert all(len({m.start for m in g}) == 1 for g in groups)


# --------------------------------------------------------------------------- bench


@pytest.mark.skipif(not ECB_DATA.is_dir(), reason="ECB+ evaluation data not present")
def test_bench_features_of_one_ecb_document(nlp: Any, tmp_path: Path) -> None:
    readers = ecb.load_readers(None, ECB_DATA)
    sentences = str(ECB_DATA / "ECBplus_coreference_sentences.csv")
    doc = next(iter(readers.read_ecbplus(str(ECB_DATA / "ECB+" / "35"), sentences)))
    found = ecb.document_mentions(nlp, doc, tmp_path)
    assert found and all(m.document == doc["doc_id"] for m, _ in found)
    assert any(m.lemma == "arrest" for m, _ in found)
    assert all(gold["in_selected_sentence"] for _, gold in found)
    # the product's features: the words around each mention, the document's context
    assert all(m.context == found[0][0].context for m, _ in found) and found[0][0].context
    assert any(m.words for m, _ in found)


def test_detokenize_maps_offsets() -> None:
    text = "Ellen DeGeneres ' s co - hosting ( in 2007 ) , he said ."
    clean, offsets = ecb.detokenize(text)
    assert clean.startswith("Ellen DeGeneres ' s co-hosting (in 2007), he said.")
    assert ecb.detokenize("at 08 : 06AM : he")[0] == "at 08:06AM: he"
    start = text.index("hosting")
    assert clean[offsets[start] : offsets[start + len("hosting")]] == "hosting"


def test_news_reported_on_a_day_is_no_event_that_begins_later() -> None:
    unveiled_2010 = Mention(
        "a", "d1", "unveil", start=dt.date(2010, 6, 7), end=dt.date(2010, 6, 7),
        participants=frozenset({"act_apple"}),
    )  # fmt: skip
    told_in_2007 = Mention(
        "b", "d2", "unveil", reported_by=dt.date(2007, 1, 10),
        participants=frozenset({"act_apple"}),
    )  # fmt: skip
    told_in_2011 = Mention(
        "c", "d3", "unveil", reported_by=dt.date(2011, 6, 7),
        participants=frozenset({"act_apple"}),
    )  # fmt: skip
    assert pair_score(unveiled_2010, told_in_2007) is None
    assert pair_score(unveiled_2010, told_in_2011) is not None


# --------------------------------------------------------------------------- from extraction


def _article(text: str, published: str = "2024-03-29") -> DocExtraction:
    from graph.extract import extract_document

    from .conftest import one_segment_document

    return extract_document(one_segment_document(text, published))


def test_mention_of_carries_the_words_context_and_publication(nlp: Any) -> None:
    x = _article("Gunmen attacked the tanker near the coast. The navy freed the tanker.")
    (event, *_) = x.events
    mention = mention_of(event, "k", [], context_items(x.context), publication_bounds(x))
    assert mention.words == frozenset(event.words) and mention.words
    assert mention.context.count("tanker") == 2 and set(mention.context) == set(x.context)
    assert mention.published == (dt.date(2024, 3, 29), dt.date(2024, 3, 29))


def test_a_difference_is_no_count_of_the_event(nlp: Any) -> None:
    x = _article("This draft, exceeding last year's numbers by 10,000, occurs amid fighting.")
    (event,) = [e for e in x.events if e.event_type.value == "conscription"]
    assert [(q.value, q.change) for q in event.quantities] == [(10000, True)]
    assert mention_of(event, "k", []).quantities == frozenset()


def test_a_target_and_an_outcome_with_other_numbers_are_one_occurrence_within_a_season() -> None:
    # a draft's target of 170,000 and its 147,000 drafted, both told of one March
    target = _m(
        "a",
        "d1",
        "draft",
        quantities=frozenset({(170000.0, "man")}),
        planned=True,
        **MARCH,
    )
    done = _m("b", "d2", "draft", quantities=frozenset({(147000.0, "conscript")}), **MARCH)
    assert _groups([target, done]) == [["a", "b"]]
    # "to begin on April 1" in an article whose publication day is not known yet
    assert pair_score(replace(target, start=None, end=None, pending=True), done) is not None
    assert pair_score(replace(target, start=None, end=None), done) is None
    # told both as done, the two counts of one thing are two events
    other = _m("c", "d2", "draft", quantities=frozenset({(147000.0, "man")}), **MARCH)
    assert pair_score(replace(target, planned=False), other) is None


def test_words_of_growth_are_one_predicate() -> None:
    # "aimed to increase its armed forces" and "plans to bolster the total number of troops"
    a = _m("a", "d1", "increase", "military_buildup", planned=True, **MARCH)
    b = _m("b", "d2", "bolster", "military_buildup", planned=True, **MARCH)
    assert pair_score(a, b) == pytest.approx(4.0)  # synonyms 3.0 and one month 1.0


def test_a_plan_over_a_year_is_not_what_happened() -> None:
    # "wants to recruit 521,000 contract servicemen in 2023", "the goal is to enlist up to
    # 400,000" and "recruited over 400,000 last year" (a count without its noun): targets and
    # an outcome of 2023's recruitment, whose reports do not corroborate one another
    year = {"start": dt.date(2023, 1, 1), "end": dt.date(2023, 12, 31)}
    target = _m(
        "a", "d1", "recruit", quantities=frozenset({(521000.0, "serviceman")}), planned=True, **year
    )
    done = _m("b", "d2", "recruit", quantities=frozenset({(400000.0, "")}), **year)
    assert pair_score(target, done) is None
    assert pair_score(replace(target, quantities=done.quantities), done) is None
    assert pair_score(replace(target, start=None, end=None), done) is None  # a target
    # undated and uncounted, a plan may be what another article tells as done
    uncounted = replace(target, start=None, end=None, quantities=frozenset())
    assert pair_score(uncounted, done) is not None
    assert pair_score(replace(target, planned=False), done) is not None  # two reports of one
    assert pair_score(replace(target, **MARCH), replace(done, **MARCH)) is not None


def test_articles_of_one_story_merge_a_predicate_they_share(nlp: Any) -> None:
    # No date, number or name in common: only the story says the two attacks are one.
    first = _article(
        "Pirates attacked the tanker near the coast. The warship freed the hostages, and"
        " the sailors seized the rifles of the pirates before the tanker sailed for port."
    )
    second = _article(
        "Pirates attacked the tanker after a chase. The hostages of the tanker were freed"
        " by the warship, which took the pirates and their rifles to port."
    )
    pair = [first, second]
    events, mapping, _ = merge_events(pair, {})
    attacked = {mapping[(d, e)] for d, x in enumerate(pair) for e, ev in enumerate(x.events)
                if ev.trigger == "attack"}  # fmt: skip
    assert len(attacked) == 1
    apart = [x.model_copy(update={"context": {}}) for x in pair]
    events, mapping, _ = merge_events(apart, {})
    attacked = {mapping[(d, e)] for d, x in enumerate(apart) for e, ev in enumerate(x.events)
                if ev.trigger == "attack"}  # fmt: skip
    assert len(attacked) == 2
