"""Checks on a built site: internal links resolve, nothing is loaded from another host,
nothing inline that the Content-Security-Policy would block.

Used by ``invoke check`` and the tests. As a Pelican plugin (``PLUGINS += ["sitecheck"]``) it
runs the same checks after every build and logs each problem as an error.
"""

from .check import check_site
from .plugin import register

__all__ = ["check_site", "register"]
