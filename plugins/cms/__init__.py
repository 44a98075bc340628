"""Editing in the browser: Decap CMS at ``/admin/``, configured from the kit's declarations.

In a build with ``CMS = True`` (production, when the site's repository is known) this plugin
writes

* ``admin/config.yml``: a collection for news, pages and every record type the plugins
  declare, every declared key with its widget, translations as the kit lays them out
  (:mod:`cms.config`);
* ``admin/index.html``: the page, with a Content-Security-Policy of its own
  (:func:`records.security.editor_security_policy`);
* ``admin/kit-cms.js``: the kit's side of Decap (its file format, its translation file names;
  see the file's header);
* Decap's bundle, copied from ``node_modules/decap-cms`` (``npm ci``): nothing is loaded from
  another host. Without it the build writes no editor and says so in one line.

Editors log in, change files in forms, and each change becomes a pull request (Decap's
editorial workflow) that a maintainer merges, or an editor publishes from the editor.
Settings: see :mod:`cms.settings`; docs/maintainers.md, "Editing in the browser".
"""

from .plugin import register

__all__ = ["register"]
