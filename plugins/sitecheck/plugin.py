"""Runs the site checks after a build when ``SITECHECK_AFTER_BUILD`` is True (default False)."""

import logging

from pelican import signals

from .check import check_site

logger = logging.getLogger(__name__)


def _check(pelican):
    if not pelican.settings.get("SITECHECK_AFTER_BUILD", False):
        return
    for problem in check_site(pelican.output_path, pelican.settings.get("SITEURL", "")):
        logger.error("%s", problem)


def register():
    signals.finalized.connect(_check)
