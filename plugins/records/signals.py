"""Signals of the records core, for the plugins built on it.

``record_types``: sent once per build with the settings as sender; each receiver returns a
list of :class:`~records.schema.RecordType` (and :class:`~records.schema.ContentFields`).

``records_ready``: sent with the records generator once every record is read, checked and
its references resolved, before anything is written: the place to derive data (a partner's
history, a campaign's current edition) and add it to the context.

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
site_written = signal("records.site_written")
