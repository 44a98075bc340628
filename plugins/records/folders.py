"""Folders kept from one build to the next, emptied of their files.

On some disks making and removing a folder costs far more than writing a file (ext4 mounted
with ``discard``: a few milliseconds each, and a site has one folder per page). So the kit
keeps the folder trees it fills again in every build (the staging folder, the search index's
folder of pages) and removes only their files.
"""

import os


def empty_tree(root: str) -> list[str]:
    """Remove every file and link under ``root``, keep its folders; return them (``root``
    first). A link is removed, never followed."""
    folders = []
    for folder, subfolders, files in os.walk(root):
        folders.append(folder)
        for name in [*files, *(n for n in subfolders if os.path.islink(os.path.join(folder, n)))]:
            os.unlink(os.path.join(folder, name))
        subfolders[:] = [n for n in subfolders if not os.path.islink(os.path.join(folder, n))]
    return folders
