"""Settings read by the records core, with their defaults.

RECORDS_STRICT (False)
    True: any content error fails the build (exit code 1) and the previous output stays as it
    was. False: a bad record is skipped with a warning. ``publishconf.py`` sets True.
RECORDS_STAGE_OUTPUT (True)
    Build into a sibling folder and swap it into place only when the build succeeded; just
    before the swap every file in it is made 0644 and every folder 0755 (``records.writer``).
TRUST_RAW_HTML (False)
    False: HTML written inside Markdown is cleaned with an allow-list (``records.sanitise``):
    no script, frames, forms, styles or event handlers; links only http(s), mailto, tel and
    site-relative. True: an editor's HTML reaches the pages as written; only for a site whose
    every contributor is trusted. See docs/security.md.
CONTENT_MAX_BYTES (1_000_000)
    Largest Markdown file read; a larger one is a content error. A megabyte is several
    hundred pages of text: anything bigger is a mistake or an attempt to slow the build.
DEFAULT_LANG_PREFIXED (False)
    False: the default language's pages sit at the root of the site (``news/``), the other
    languages' under their code (``fr/news/``). True: every language under its code
    (``en/news/``), and the root page lists the languages.
UNTRANSLATED_CONTENT ("show")
    What a language's pages do with content not translated into it: "show" it as written,
    with a notice and the original's language on its text, or "hide" it (it is then left out
    of that language; its links lead to the language's home instead).
SHOW_DRAFTS (False)
    True (``pelicanconf.py``, for previews): a file with ``Status: draft`` is built like any
    other, with a "Draft" banner. False (``publishconf.py``): drafts are left out of the
    site, its feeds and calendars; references to them are dropped without an error.
RECORDS_CHECK_ONLY (False)
    True (``invoke lint``): read and check every file, then stop before anything is written,
    with a :class:`records.issues.CheckFinished` carrying the build's issues.
CSP_EXTRA ({})
    Sources a site adds to directives of the Content-Security-Policy: see ``security.py``.
SECURITY_HEADERS_FILE ("_headers")
    The security headers file of production builds, for Netlify and Cloudflare Pages; None
    writes none: see ``headers.py``.
"""

DEFAULTS = {
    "RECORDS_STRICT": False,
    "RECORDS_STAGE_OUTPUT": True,
    "TRUST_RAW_HTML": False,
    "CONTENT_MAX_BYTES": 1_000_000,
    "CSP_EXTRA": {},
    "SECURITY_HEADERS_FILE": "_headers",
    "DEFAULT_LANG_PREFIXED": False,
    "UNTRANSLATED_CONTENT": "show",
    "SHOW_DRAFTS": False,
    "RECORDS_CHECK_ONLY": False,
}


def get(settings: dict, key: str):
    return settings.get(key, DEFAULTS[key])


def plugin_names(settings: dict) -> list[str]:
    return [name.split(".")[-1] for name in settings.get("PLUGINS") or []]


def plugin_enabled(settings: dict, name: str) -> bool:
    """Whether the site lists plugin ``name``. Pelican's signals are process-wide: a plugin's
    receivers of Pelican's own signals use this to act only for the sites that list it."""
    return name in plugin_names(settings)
