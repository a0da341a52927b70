"""Benchmarks: scripts that print figures, each run as `python -m bench.NAME --help`.

seeds (the sample articles against hand-made references), tempeval (timexes, TimeML),
attribution (claims, PolNeAR), ecb (event coreference, ECB+), timeline (gold timelines
per entity, SemEval-2015 TimeLine), speed (loading), push (writes
into FalkorDB). `corpora` finds the evaluation data's reader; `coref_metrics` scores clusters.
"""
