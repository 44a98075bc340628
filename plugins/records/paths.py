"""Where a content file really is: nothing outside the content folder is read or published.

A symbolic link inside ``content/`` can point anywhere on the machine that builds the site (a
key, a password file, another project). Every path the kit reads or publishes from content is
resolved through its links first.
"""

import os


def outside_content(path: str, content_root: str) -> bool:
    """Whether ``path`` (absolute, or relative to the current folder) resolves, through any
    symbolic link on the way, to somewhere outside ``content_root``."""
    root = os.path.realpath(content_root)
    real = os.path.realpath(path)
    return real != root and not real.startswith(root + os.sep)
