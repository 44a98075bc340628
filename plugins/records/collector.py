"""Python's cyclic garbage collector, told what a build is.

A build holds most of what it makes until it ends: every post read, what the plugins derived,
each page's record. Python's collector visits every such object at each full collection,
looking for cycles that are not there. Measured on a one-post edit of a 4,000-post site
(``gc.callbacks``): 11 full collections took 1.7 s, and the interpreter's last one, as the
process ended, 1.2 s more, in a build of 15 s.

So while a build runs, a full collection waits for 100 collections of the younger generations
instead of 10 (the young ones still free, every few milliseconds, what a page leaves behind:
peak memory is the same). Once every context is built, and again when the build ends,
everything alive is frozen (``gc.freeze``): out of the collector's sight, still freed by
reference counting when it is let go. The next build in the same process (``invoke
livereload``) unfreezes it first, so the last build's cycles are collected then.
"""

import gc

FULL_AFTER = 100  # collections of the middle generation before a full one (Python's: 10)


def start() -> None:
    """At the start of a build: what earlier builds froze is collectable again."""
    gc.unfreeze()
    young, middle, _ = gc.get_threshold()
    gc.set_threshold(young, middle, FULL_AFTER)


def freeze() -> None:
    """Everything alive now stays for the rest of the build: collections no longer visit it."""
    gc.freeze()
