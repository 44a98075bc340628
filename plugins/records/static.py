"""Files published as they are from ``content/`` (downloads, images): only known kinds.

Pelican copies every file of ``STATIC_PATHS`` (and every file a page links with ``{static}``)
to the output unchanged. A page, a script or a file of unknown type copied that way would be
served from the site's own address, where it can act as the site itself; a symbolic link would
publish whatever it points to. When the static generator has listed its files, each one that
is not of a kind in :data:`records.filetypes.DOWNLOAD_TYPES`, or is reached through a link,
is taken off the list and reported.
"""

import os

from .filetypes import DOWNLOAD_TYPES, UNCLEANABLE_IMAGE_TYPES
from .paths import through_link
from .pelican_content import BUILD_KEY
from .settings import plugin_enabled


def refuse_unsafe_files(static_generator) -> None:
    """``static_generator_finalized``: keep only files the kit may publish."""
    settings = static_generator.settings
    build = static_generator.context.get(BUILD_KEY)
    if not plugin_enabled(settings, "records") or build is None:
        return
    for static in list(static_generator.staticfiles):
        path = static.get_relative_source_path()
        extension = os.path.splitext(static.source_path)[1].lower()
        if through_link(static.source_path, settings["PATH"]):
            problem = (
                "is a symbolic link, or inside a linked folder: only files kept in content/ "
                "are published",
                "put the file itself in content/",
            )
        elif extension not in DOWNLOAD_TYPES and extension not in UNCLEANABLE_IMAGE_TYPES:
            kind = f"{extension} files" if extension else "files without an extension"
            problem = (
                f"is not published: {kind} are not among the documents, audio, video, "
                "archives and images the site offers for download",
                "save it as PDF, an office document, audio, video, ZIP or an image "
                "(docs/editors.md lists every kind)",
            )
        else:
            continue
        static_generator.staticfiles.remove(static)
        build.issues.add(path, "file", *problem)
