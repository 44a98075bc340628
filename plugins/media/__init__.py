"""Media core: the one image pipeline the kit's plugins share.

A library first. A plugin that publishes images (partner logos now; content images, share
cards and posters later) gets the build's pipeline with :func:`pipeline_for`, submits each
source with a recipe while the context is built, runs the pipeline once, reports each
:class:`MediaError` as a content issue, and calls :meth:`Pipeline.write` with the writer its
``generate_output`` is given. Every raster file the pipeline writes is decoded within a pixel
limit, turned upright (EXIF orientation applied to the pixels), converted to 8-bit sRGB, and
re-encoded from a fresh image with no metadata at all (checked on the encoded bytes). SVG
files are sanitised (see :mod:`media.svg`). Results are cached outside the output folder,
named by a hash of the source's bytes and the processing settings; cold work runs on every
core.

Settings: see :mod:`media.settings`. List ``"media"`` in ``PLUGINS`` before the plugins that
import it (Pelican loads plugins from ``PLUGIN_PATHS`` without putting that folder on
``sys.path``, so a plugin finds another only once Pelican has loaded it).

As a plugin (:mod:`media.plugin`), it also publishes the site's own images: every raster
image and SVG of the content cleaned at its own path, responsive ``<picture>`` elements for
the images of the pages and their lead images, share cards and printable posters
(:mod:`media.social`, :mod:`media.drawing`).
"""

import os

from .drawing import Monogram
from .errors import MediaError
from .images import metadata_blocks
from .pipeline import OutputFile, Pipeline, Stats, Ticket, latest_stats
from .recipes import BoxFit, Clean, Limits, Recipe, Rendition, Responsive
from .settings import MediaSettings, SiteMediaSettings

__all__ = [
    "BoxFit",
    "Clean",
    "Limits",
    "MediaError",
    "MediaSettings",
    "Monogram",
    "OutputFile",
    "Pipeline",
    "Recipe",
    "Rendition",
    "Responsive",
    "SiteMediaSettings",
    "Stats",
    "Ticket",
    "claim_source",
    "latest_stats",
    "metadata_blocks",
    "pipeline_for",
    "register",
]


def pipeline_for(context: dict) -> Pipeline:
    """The pipeline of this build, made on first use. Pelican makes a new context per build."""
    pipeline = context.get("media_pipeline")
    if pipeline is None:
        pipeline = context["media_pipeline"] = Pipeline(MediaSettings.from_pelican(context))
    return pipeline


def claim_source(context: dict, relative_path: str) -> None:
    """Keep Pelican's static generator from copying a source the pipeline publishes instead.

    The original may carry metadata (or, for an SVG, scripts); only the processed files reach
    the output. Call it before the static generator builds its context (records_ready is).
    """
    context["generated_content"][os.path.normpath(relative_path).replace(os.sep, "/")] = None


def register():
    """Pelican's entry point: the site's own images (see :mod:`media.plugin`)."""
    from . import plugin  # noqa: PLC0415

    plugin.register()
