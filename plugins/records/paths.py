"""Where a content file really is: nothing outside the content folder is read or published.

A symbolic link inside ``content/`` can point anywhere on the machine that builds the site (a
key, a password file, another project), and a link to a folder above it makes a loop that
Pelican's file walk follows dozens of times, publishing every file once per turn. The kit
reads and publishes only files reached without any link below the content folder itself.
"""

import os


def through_link(path: str, content_root: str) -> bool:
    """Whether ``path`` (absolute, or relative to the current folder) is a symbolic link, lies
    in a linked folder below ``content_root``, or resolves outside ``content_root``."""
    root = os.path.realpath(content_root)
    real = os.path.realpath(path)
    if real != root and not real.startswith(root + os.sep):
        return True
    written = os.path.relpath(os.path.abspath(path), os.path.abspath(content_root))
    return os.path.relpath(real, root) != written
