"""English time vocabulary."""

from graph.lang.time import TimeWords

WORDS = TimeWords()
