"""Production settings: absolute URLs from $SITEURL, feeds on, strict mode.

SITEURL=https://example.org invoke publish
SITEURL=https://host/campaigns invoke publish   # served from a sub-path
"""

import os
import sys

sys.path.append(os.curdir)
from pelicanconf import *  # noqa: F403

SITEURL = os.environ.get("SITEURL", "").rstrip("/")
RELATIVE_URLS = False

FEED_DOMAIN = SITEURL
FEED_ALL_ATOM = "feeds/all.atom.xml"
CATEGORY_FEED_ATOM = "feeds/category/{slug}.atom.xml"
TRANSLATION_FEED_ATOM = "feeds/all-{lang}.atom.xml"

RECORDS_STRICT = True
SHOW_DRAFTS = False
# Editing in the browser at /admin/ (docs/maintainers.md): on when the site's GitHub repository
# is known, CMS_REPO=owner/name in the environment (or written here).
CMS_REPO = os.environ.get("CMS_REPO", "")
CMS = bool(CMS_REPO)
LOAD_CONTENT_CACHE = True
CAMPAIGN_FEED_ATOM = "feeds/campaigns/{id}.atom.xml"
SEARCH = True  # the Pagefind index of the search page (plugins/search)
