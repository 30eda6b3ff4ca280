"""Thread safety of the packaged atlas, tested where it can fail: in a fresh interpreter.

In the pytest process the packaged atlas is usually loaded already, so threads asking for
it there only read a finished object. Each test here starts a new Python in which nothing
has loaded the data, releases many threads at once with a barrier, and has the child print
a JSON summary that the test checks. The child switches threads as often as it can
(``sys.setswitchinterval``) and runs with a random hash seed, so that races and
ordering that depends on set iteration are not hidden. The 64-thread test compares what
every thread got with what one thread gets in another fresh process (with another hash
seed), for each kind of work: load, lookup, reading phrases, ranking, tracing, the graph
and drawing.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
from typing import Any

FIRST_USE = textwrap.dedent(
    """
    import json, sys, threading
    sys.setswitchinterval(1e-6)
    import triggerpoints as tp

    N = 16
    barrier = threading.Barrier(N)
    atlases, rankings, searches, errors = [None] * N, [None] * N, [None] * N, []

    def work(i):
        try:
            barrier.wait()
            atlases[i] = tp.load()
            rankings[i] = [(c.muscle.id, c.score) for c in tp.rank(["buttock", "lateral thigh"])]
            searches[i] = [(m.id, m.score) for m in tp.load().search("glute")]
        except BaseException as error:
            errors.append(repr(error))

    threads = [threading.Thread(target=work, args=(i,)) for i in range(N)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    print(json.dumps({
        "distinct_atlases": len({id(atlas) for atlas in atlases if atlas is not None}),
        "same_atlas_afterwards": all(atlas is tp.load() for atlas in atlases),
        "rankings_equal": all(ranking == rankings[0] for ranking in rankings),
        "ranked": len(rankings[0] or []),
        "searches_equal": all(found == searches[0] for found in searches),
        "found": len(searches[0] or []),
        "errors": errors,
    }))
    """
)

GRAPH = textwrap.dedent(
    """
    import json, sys, threading
    sys.setswitchinterval(1e-6)
    import triggerpoints as tp

    N = 8
    atlas = tp.load()
    barrier = threading.Barrier(N)
    graphs, errors = [None] * N, []

    def work(i):
        try:
            barrier.wait()
            graphs[i] = atlas.graph
        except BaseException as error:
            errors.append(repr(error))

    threads = [threading.Thread(target=work, args=(i,)) for i in range(N)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    print(json.dumps({
        "distinct_graphs": len({id(graph) for graph in graphs if graph is not None}),
        "same_graph_afterwards": all(graph is atlas.graph for graph in graphs),
        "nodes": [graph.number_of_nodes() for graph in graphs if graph is not None],
        "errors": errors,
    }))
    """
)


#: Every kind of work a user of the packaged atlas does, each giving JSON-able results.
WORK = textwrap.dedent(
    """
    import hashlib
    import triggerpoints as tp

    def digest(text):
        return hashlib.sha256(text.encode("utf-8")).hexdigest()

    TASKS = {
        "load": lambda: [len(tp.load().muscles), tp.load().dataset_version],
        "lookup": lambda: [tp.load().muscle("glute max").id, tp.load().lookup("sits bone").id,
                           [[m.id, m.score] for m in tp.load().search("glute")]],
        "place": lambda: [list(tp.resolve_place(p).regions) for p in
                          ("pain down the outside of my thigh to the ankle, not into the foot", "back molar")],
        "rank": lambda: [[c.muscle.id, c.score, c.rank] for c in tp.rank(["buttock", "lateral thigh"], limit=20)],
        "rank terms": lambda: [[c.muscle.id, c.score] for c in tp.rank("calf", activities=["gardening"], limit=10)],
        "trace": lambda: [[str(p), p.plausibility] for p in tp.trace("QL", "lateral leg")],
        "graph": lambda: [tp.load().graph.number_of_nodes(), tp.load().graph.number_of_edges()],
        "drawing": lambda: [digest(tp.draw_regions(["lateral thigh", "ankle"])), digest(tp.draw_muscle("piriformis"))],
    }
    NAMES = sorted(TASKS)

    def run_all(first):
        # Each thread starts at another task, so that first uses of every kind race.
        order = NAMES[first % len(NAMES):] + NAMES[:first % len(NAMES)]
        return {name: TASKS[name]() for name in order}
    """
)

SIXTY_FOUR = WORK + textwrap.dedent(
    """
    import json, sys, threading
    sys.setswitchinterval(1e-5)  # often enough to interleave first uses; 1e-6 makes 64 threads crawl
    N = 64
    barrier = threading.Barrier(N)
    results, atlases, graphs, errors = [None] * N, [None] * N, [None] * N, []

    def work(i):
        try:
            barrier.wait()
            results[i] = run_all(i)
            atlases[i] = id(tp.load())
            graphs[i] = id(tp.load().graph)
        except BaseException as error:
            errors.append(repr(error))

    threads = [threading.Thread(target=work, args=(i,)) for i in range(N)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    print(json.dumps({"results": results, "atlases": len(set(atlases)), "graphs": len(set(graphs)), "errors": errors}))
    """
)

ONE_THREAD = WORK + textwrap.dedent(
    """
    import json
    print(json.dumps(run_all(0)))
    """
)


def child(code: str) -> dict[str, Any]:
    """Run ``code`` in a fresh interpreter with a random hash seed and decode the JSON summary it prints."""
    env = {name: value for name, value in os.environ.items() if name != "PYTHONHASHSEED"}
    done = subprocess.run(
        [sys.executable, "-c", code], env=env, capture_output=True, text=True, check=False, timeout=300
    )
    assert (0, "") == (done.returncode, done.stderr)
    summary: dict[str, Any] = json.loads(done.stdout)
    return summary


def test_sixteen_threads_loading_ranking_and_searching_first_share_one_atlas() -> None:
    """Sixteen threads that together make the first load, rank and search get one atlas and equal answers."""
    summary = child(FIRST_USE)
    assert [] == summary["errors"]
    assert 1 == summary["distinct_atlases"]
    assert summary["same_atlas_afterwards"]
    assert summary["rankings_equal"]
    assert summary["searches_equal"]
    assert 0 < summary["ranked"]
    assert 0 < summary["found"]


def test_eight_threads_asking_for_the_graph_first_share_one_graph() -> None:
    """Eight threads that together make the first use of ``atlas.graph`` all get the same graph object."""
    summary = child(GRAPH)
    assert [] == summary["errors"]
    assert 1 == summary["distinct_graphs"]
    assert summary["same_graph_afterwards"]
    assert 8 == len(summary["nodes"])
    assert 1 == len(set(summary["nodes"]))


def test_sixty_four_threads_from_a_cold_start_agree_with_one_thread() -> None:
    """64 threads making the first load, lookups, rankings, traces, graph and drawings share one atlas and match one thread."""
    summary = child(SIXTY_FOUR)
    alone = child(ONE_THREAD)
    assert [] == summary["errors"]
    assert (1, 1) == (summary["atlases"], summary["graphs"])
    assert 64 == len(summary["results"])
    assert [alone] * 64 == summary["results"]
    assert all(alone[name] for name in alone)
