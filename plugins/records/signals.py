"""Signals of the records core, for the plugins built on it.

``record_types``: sent once per build with the settings as sender; each receiver returns a
list of :class:`~records.schema.RecordType` (and :class:`~records.schema.ContentFields`).

``records_ready``: sent with the records generator once every record is read, checked and
its references resolved, before anything is written: the place to derive data (a partner's
history, a campaign's current edition) and add it to the context.

``folder_policies``: sent when the security headers are written, with the settings as
sender; a receiver returns ``{folder: policy}`` for a folder of the output whose pages carry a
Content-Security-Policy of their own (the browser editor's ``admin/``), or nothing.
"""

from blinker import signal

record_types = signal("records.record_types")
records_ready = signal("records.records_ready")
folder_policies = signal("records.folder_policies")
