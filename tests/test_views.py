"""Views of a saved graph: finding one actor by what a user types, timeline rows."""

from __future__ import annotations

import networkx as nx
import pytest

from graph import views
from graph.errors import AmbiguousActorError, QueryError, UnknownActorError


@pytest.fixture
def graph() -> nx.MultiDiGraph:
    """Actors with close names and aliases, and one dated event two of them take part in."""
    g = nx.MultiDiGraph()
    actors = {
        "act_putin": ("Vladimir Putin", ["Putin"]),
        "act_peskov": ("Dmitry Peskov", []),
        "act_medvedev": ("Dmitry Medvedev", []),
        "act_mod": ("Ministry of Defence", ["MoD", "Defence Ministry"]),
        "act_duma": ("State Duma", []),
        "act_dept": ("U.S. State Department", ["State Dept."]),
        "act_apple_org": ("Apple", []),
        "act_apple_fruit": ("apple", []),
    }
    for node, (name, aliases) in actors.items():
        g.add_node(node, kind="Actor", name=name, aliases=aliases)
    g.add_node(
        "evt_1",
        kind="Event",
        event_type="decree",
        category="politics",
        label="Putin signed the decree",
        modality="actual",
        date={
            "value": "2024-03",
            "start": "2024-03-01",
            "end": "2024-03-31",
            "precision": "month",
            "text": "earlier this month",
            "basis": "relative",
            "mod": "start",
            "is_range": False,
        },
    )
    g.add_node("evt_2", kind="Event", event_type="other", label="talks", modality="planned")
    g.add_edge("act_putin", "evt_1", key="e1", type="PARTICIPATED_IN", role="agent")
    g.add_edge("act_mod", "evt_1", key="e2", type="PARTICIPATED_IN", role="patient")
    g.add_edge("act_peskov", "evt_2", key="e3", type="PARTICIPATED_IN", role="agent")
    return g


@pytest.mark.parametrize(
    ("text", "actor"),
    [
        ("Vladimir Putin", "act_putin"),  # exact name
        ("vladimir PUTIN", "act_putin"),  # in any case
        ("  Vladimir   Putin ", "act_putin"),  # spacing as typed
        ("putin", "act_putin"),  # an alias
        ("MoD", "act_mod"),
        ("defence ministry", "act_mod"),
        ("Peskov", "act_peskov"),  # a unique part of a name
        ("Ministry", "act_mod"),
        ("state dept.", "act_dept"),  # a part ending in a dot
        ("U.S.", "act_dept"),
        ("act_medvedev", "act_medvedev"),  # an id
    ],
)
def test_find_actor(graph: nx.MultiDiGraph, text: str, actor: str) -> None:
    assert views.find_actor(graph, text) == actor


def test_exact_name_wins_over_parts(graph: nx.MultiDiGraph) -> None:
    graph.add_node("act_duma_2", kind="Actor", name="Duma", aliases=[])
    assert views.find_actor(graph, "Duma") == "act_duma_2"  # not "State Duma"


def test_alias_wins_over_parts(graph: nx.MultiDiGraph) -> None:
    graph.add_node("act_vp", kind="Actor", name="Vladimir Putin Jr.", aliases=[])
    assert views.find_actor(graph, "Putin") == "act_putin"


def test_parts_are_whole_words(graph: nx.MultiDiGraph) -> None:
    with pytest.raises(UnknownActorError) as caught:
        views.find_actor(graph, "Pesk")
    assert str(caught.value) == (
        'no actor named "Pesk" in the graph; did you mean "Dmitry Peskov"? '
        "(`timeline-graph query actor_ranking` lists the actors)"
    )


def test_ambiguous_part_lists_the_candidates(graph: nx.MultiDiGraph) -> None:
    with pytest.raises(AmbiguousActorError) as caught:
        views.find_actor(graph, "Dmitry", where="timeline.graph.json")
    assert caught.value.candidates == [
        ("Dmitry Medvedev", "act_medvedev"),
        ("Dmitry Peskov", "act_peskov"),
    ]
    assert str(caught.value) == (
        '"Dmitry" names 2 actors in timeline.graph.json: "Dmitry Medvedev" (act_medvedev), '
        '"Dmitry Peskov" (act_peskov); pass the full name or the actor id'
    )


def test_same_name_twice_is_ambiguous(graph: nx.MultiDiGraph) -> None:
    with pytest.raises(AmbiguousActorError) as caught:
        views.find_actor(graph, "APPLE")
    assert [i for _, i in caught.value.candidates] == ["act_apple_org", "act_apple_fruit"]


def test_unknown_suggests_close_names(graph: nx.MultiDiGraph) -> None:
    with pytest.raises(UnknownActorError) as caught:
        views.find_actor(graph, "Putn", where="timeline.graph.json")
    assert caught.value.suggestions == ["Vladimir Putin"]
    assert str(caught.value) == (
        'no actor named "Putn" in timeline.graph.json; did you mean "Vladimir Putin"? '
        "(`timeline-graph query actor_ranking` lists the actors)"
    )


def test_unknown_without_close_names(graph: nx.MultiDiGraph) -> None:
    with pytest.raises(UnknownActorError) as caught:
        views.find_actor(graph, "Zzyzx")
    assert str(caught.value) == (
        'no actor named "Zzyzx" in the graph; pass an actor\'s name, an alias or its id '
        "(`timeline-graph query actor_ranking` lists the actors)"
    )
    assert isinstance(caught.value, QueryError)  # callers catching QueryError still do


def test_timeline_of_one_actor(graph: nx.MultiDiGraph) -> None:
    assert [r.event_id for r in views.timeline(graph)] == ["evt_1", "evt_2"]
    assert [r.event_id for r in views.timeline(graph, "MoD")] == ["evt_1"]
    assert [r.event_id for r in views.timeline(graph, "act_peskov")] == ["evt_2"]
    with pytest.raises(AmbiguousActorError):
        views.timeline(graph, "Dmitry")


def test_timeline_row_record(graph: nx.MultiDiGraph) -> None:
    dated, undated = views.timeline(graph)
    assert dated.date_words == "early March 2024"
    assert dated.record() == {
        "id": "evt_1",
        "date": "early March 2024",
        "timex": "2024-03",
        "start": "2024-03-01",
        "end": "2024-03-31",
        "precision": "month",
        "mod": "start",
        "basis": "relative",
        "expression": "earlier this month",
        "type": "decree",
        "category": "politics",
        "label": "Putin signed the decree",
        "modality": "actual",
        "participants": [
            {"id": "act_mod", "name": "Ministry of Defence", "role": "patient"},
            {"id": "act_putin", "name": "Vladimir Putin", "role": "agent"},
        ],
        "sources": 0,
        "contested": False,
    }
    assert undated.date_words == "undated"
    assert undated.record()["timex"] is None and undated.record()["start"] is None


def _with_statements(graph: nx.MultiDiGraph) -> nx.MultiDiGraph:
    published = {
        "value": "2024-03-29",
        "start": "2024-03-29",
        "end": "2024-03-29",
        "precision": "day",
        "text": "29 March 2024",
        "basis": "stated",
        "mod": None,
        "is_range": False,
    }
    graph.add_node("src_1", kind="Source", published=published)
    graph.add_node("src_2", kind="Source", copy_of="src_1")
    graph.add_node(
        "clm_1", kind="Claim", text="no second wave is planned", cue="said", polarity="positive"
    )
    graph.add_node(
        "clm_2", kind="Claim", text="the talks failed", cue="denied", polarity="negative"
    )
    graph.add_edge("act_peskov", "clm_1", key="c1", type="CLAIMED")
    graph.add_edge("src_1", "clm_1", key="r1", type="REPORTS")
    graph.add_edge("src_2", "clm_1", key="r2", type="REPORTS")
    graph.add_edge("act_putin", "clm_2", key="c2", type="CLAIMED")
    graph.add_edge("clm_1", "clm_2", key="x1", type="CONTRADICTS")
    return graph


def test_statements_join_the_timeline_when_asked(graph: nx.MultiDiGraph) -> None:
    graph = _with_statements(graph)
    assert all(r.event_type != "statement" for r in views.timeline(graph))
    rows = views.timeline(graph, "Peskov", statements=True)
    assert [(r.event_id, r.event_type) for r in rows] == [
        ("clm_1", "statement"),
        ("evt_2", "other"),
    ]
    said = rows[0]
    assert said.label == "Dmitry Peskov said: no second wave is planned"
    # undated: said by the time its (earliest) report was published
    assert (said.date_words, said.basis) == ("by 29 March 2024", "publication")
    assert said.sources == 1  # a copy counts once
    assert said.contested and said.participants == ("Dmitry Peskov",)
    everyone = views.timeline(graph, statements=True)
    denied = next(r for r in everyone if r.event_id == "clm_2")
    assert (denied.modality, denied.start) == ("negated", None)
