"""Checks on a built site: internal links resolve, nothing is loaded from another host,
nothing inline that the Content-Security-Policy would block; and the quality gates that
``invoke check`` and the tests run over it (page types, safety, page weight, the Nu HTML
Checker, calendars read alike by three readers, Lighthouse).

Used by ``invoke check`` and the tests. As a Pelican plugin (``PLUGINS += ["sitecheck"]``) it
runs the link and privacy checks after every build and logs each problem as an error.
"""

from .budget import budget_problems
from .check import Site, check_site, read_site
from .pagetypes import PAGE_TYPES, SiteTypes
from .plugin import register

__all__ = [
    "PAGE_TYPES",
    "Site",
    "SiteTypes",
    "budget_problems",
    "check_site",
    "read_site",
    "register",
]
