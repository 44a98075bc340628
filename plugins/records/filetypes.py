"""The kinds of file the kit publishes from ``content/``, by extension, in one place.

Images are cleaned of their metadata by the media plugin before they are published. Downloads
(``content/files/``, an edition's ``Resources``) are limited to documents, audio, video and
archives that a browser saves or plays rather than runs: an HTML page, a script or an unknown
type in ``content/`` would be served from the site's own address, where it could act as the
site itself.
"""

RASTER_TYPES = (".png", ".jpg", ".jpeg", ".webp", ".gif")
IMAGE_TYPES = (*RASTER_TYPES, ".svg")

DOCUMENT_TYPES = (
    ".pdf", ".odt", ".ods", ".odp", ".doc", ".docx", ".xls", ".xlsx", ".ppt", ".pptx",
    ".rtf", ".txt", ".csv", ".epub",
)  # fmt: skip
AUDIO_TYPES = (".mp3", ".ogg", ".oga", ".opus", ".m4a", ".wav", ".flac")
VIDEO_TYPES = (".mp4", ".webm", ".ogv", ".m4v")
ARCHIVE_TYPES = (".zip",)

DOWNLOAD_TYPES = (*DOCUMENT_TYPES, *AUDIO_TYPES, *VIDEO_TYPES, *ARCHIVE_TYPES, *IMAGE_TYPES)

# Image formats a browser may show but the media plugin cannot clean of their metadata: never
# published (the media plugin says so, with the formats to use instead).
UNCLEANABLE_IMAGE_TYPES = (
    ".tif", ".tiff", ".heic", ".heif", ".bmp", ".avif", ".jp2", ".psd", ".jxl",
)  # fmt: skip
