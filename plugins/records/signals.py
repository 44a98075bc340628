"""Signals of the records core, for the plugins built on it.

``record_types``: sent once per build with the settings as sender; each receiver returns a
list of :class:`~records.schema.RecordType` (and :class:`~records.schema.ContentFields`).

``records_ready``: sent with the records generator once every record is read, checked and
its references resolved, before anything is written: the place to derive data (a partner's
history, a campaign's current edition) and add it to the context.

``folder_policies``: sent when the security headers are written, with the settings as
sender; a receiver returns ``{folder: policy}`` for a folder of the output whose pages carry a
Content-Security-Policy of their own (the browser editor's ``admin/``), or nothing.

``page_policies``: sent when the security headers are written, with the settings as sender; a
receiver returns the keyword arguments (``scripts``, ``wasm``) of
:func:`~records.security.content_security_policy` that some of its pages get in their own
``<meta>`` policy (the search page's), or nothing. The header's site-wide policy allows them
too; every other page stays as strict as before, since a browser enforces its ``<meta>``
policy as well as the header's.
``site_written``: sent with the Pelican instance as sender, ``output`` (the folder being
published: the staging folder, or the output folder itself when the build is not staged) and
``context`` (the build's shared context, as the generators left it) once
every page and file of a successful build is written, before that folder is swapped into
place and its files made readable by all. The place for work over the finished site (the
search index of ``plugins/search``). A receiver that raises a
:class:`~records.issues.ContentError` ends the build with its one line and exit code 1, and
the previous output stays as it was.
"""

from blinker import signal

record_types = signal("records.record_types")
records_ready = signal("records.records_ready")
folder_policies = signal("records.folder_policies")
page_policies = signal("records.page_policies")
site_written = signal("records.site_written")
