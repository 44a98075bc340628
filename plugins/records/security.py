"""The site's Content-Security-Policy, computed in this one place from the settings.

``base.html`` writes it into a ``<meta http-equiv="Content-Security-Policy">`` element (the
template global ``content_security_policy``, installed by :mod:`records.templating`); the
security headers file of production builds (:mod:`records.headers`, ``_headers`` for Netlify
and Cloudflare Pages) sends the very same string, with ``frame-ancestors 'none'``.

The policy allows nothing from another host, nothing inline, no plugin, frame or ``<base>``,
and only the theme's own scripts: with an absolute ``SITEURL`` (production), ``script-src`` is
the theme's script folder, ``<SITEURL>/<THEME_STATIC_DIR>/js/`` (a source ending in ``/``
matches every file in that folder). With relative URLs (local builds, ``SITEURL = ""``) the
pages may be opened at any address (``invoke serve``, another port, a copied folder), so no
source can name the folder: ``script-src`` stays ``'self'``, which still keeps out every other
host; the safety gate (``plugins/sitecheck/safety.py``) flags any script outside the folder.

A page that needs more than every other page gets a policy of its own from the same function,
never by loosening the site's: ``content_security_policy(settings, scripts=("pagefind/",),
wasm=True)`` is the search page's (``plugins/search``), whose script loads the search index's
own module from ``pagefind/`` and compiles its WebAssembly (``'wasm-unsafe-eval'``). The
extra folders are path sources like the theme's (``'self'`` with relative URLs); only that
page's template is given the policy, as its ``content_security_policy``.

CSP_EXTRA ({})
    Sources a site adds to directives of the policy, e.g.
    ``{"img-src": ["https://images.example.org"]}``. A key is a directive the policy writes,
    except ``script-src`` (the theme's scripts only); a source is a host (``https://host``,
    ``https://*.host:8443``, with a path if need be) or a scheme (``https:``), without quotes,
    semicolons, commas or whitespace, so no keyword such as ``'unsafe-inline'``. Sources added
    to a directive that is ``'none'`` replace it. A bad key or source stops the build at its
    start with one line naming it.

The browser editor (``plugins/cms``, ``/admin/``) has a policy of its own,
:func:`editor_security_policy`: the site's, loosened only where Decap CMS needs it.
"""

import re
from urllib.parse import urlsplit

from . import settings as records_settings
from .issues import ContentError

# The policy, directive by directive, in the order it is written. None: computed below.
POLICY: dict[str, list[str] | None] = {
    "default-src": ["'self'"],
    "img-src": ["'self'", "data:"],
    "style-src": ["'self'"],
    "script-src": None,
    "font-src": ["'self'"],
    "object-src": ["'none'"],
    "base-uri": ["'self'"],
    "form-action": ["'self'"],
    "frame-src": ["'none'"],
    "connect-src": ["'self'"],
}

# A CSP host-source (scheme, host or *.host, port, path) or scheme-source, with the characters
# of a path limited to those that need no escaping in an HTML attribute or a header.
_SCHEME = r"[a-z][a-z0-9+.-]*"
_HOST = r"(\*|(\*\.)?[a-z0-9-]+(\.[a-z0-9-]+)*)"
_SOURCE = re.compile(
    rf"({_SCHEME}:|({_SCHEME}://)?{_HOST}(:(\d+|\*))?(/[a-z0-9\-._~%!$()*+=:@/]*)?)", re.I
)


class SettingError(ContentError):
    """A setting the kit cannot use: like a content error, it ends the build with one line
    and exit code 1."""


def content_security_policy(
    settings: dict, scripts: tuple[str, ...] = (), wasm: bool = False
) -> str:
    """The policy for a build with ``settings``; raises :class:`SettingError` on a bad
    ``CSP_EXTRA``. ``scripts`` (folders of the site, such as ``"pagefind/"``) and ``wasm``
    make the policy of one page that needs them (see the module's docstring)."""
    policy = _policy(settings, f"{settings['THEME_STATIC_DIR'].strip('/')}/js/", *scripts)
    if wasm:
        policy["script-src"].append("'wasm-unsafe-eval'")
    return _written(policy)


def editor_security_policy(settings: dict, folder: str, connect=(), images=()) -> str:
    """The policy of the browser editor's page (Decap CMS, written by plugins/cms at
    ``folder``): the site's, with scripts from ``folder`` instead of the theme's, and what
    Decap needs besides. ``'unsafe-eval'``: it compiles its configuration's schema into
    functions (ajv) as it starts. ``'unsafe-inline'`` styles: its components are styled by
    ``<style>`` elements and ``style`` attributes written as they render (emotion).
    ``blob:`` images: an upload is shown before it is saved. ``connect`` and ``images``:
    the hosts of the backend it saves through (its API, its login, its users' avatars).
    """
    bad = [source for source in (*connect, *images) if not is_source(source)]
    if bad:
        raise SettingError(f"{bad[0]!r} is not a source the Content-Security-Policy can name")
    policy = _policy(settings, folder)
    policy["connect-src"] = list(dict.fromkeys([*policy["connect-src"], *connect]))
    policy["img-src"] = list(dict.fromkeys([*policy["img-src"], "blob:", *images]))
    policy["script-src"].append("'unsafe-eval'")
    policy["style-src"].append("'unsafe-inline'")
    return _written(policy)


def is_source(text) -> bool:
    """Whether ``text`` is a host or scheme source the policy may name (no keyword)."""
    return isinstance(text, str) and bool(_SOURCE.fullmatch(text))


def _policy(settings: dict, *folders: str) -> dict[str, list[str]]:
    """The site's policy, directive by directive, with scripts from the ``folders``
    (relative to the site) and the site's ``CSP_EXTRA``."""
    policy = {name: list(sources or []) for name, sources in POLICY.items()}
    policy["script-src"] = list(dict.fromkeys(_site_folder(settings, f) for f in folders))
    for name, sources in _extra(records_settings.get(settings, "CSP_EXTRA")).items():
        kept = [source for source in policy[name] if source != "'none'"]
        policy[name] = list(dict.fromkeys(kept + sources))
    return policy


def _written(policy: dict[str, list[str]]) -> str:
    return "; ".join(f"{name} {' '.join(sources)}" for name, sources in policy.items())


def _site_folder(settings: dict, folder: str) -> str:
    """The source that allows the scripts of ``folder`` (``theme/js/``) of the site."""
    siteurl = (settings.get("SITEURL") or "").rstrip("/")
    parts = urlsplit(siteurl)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        return "'self'"  # relative URLs: see the module's docstring
    source = f"{siteurl}/{folder.strip('/')}/"
    if not is_source(source):
        raise SettingError(
            f"SITEURL: {siteurl!r} cannot be written in the Content-Security-Policy — "
            "use an address without spaces, quotes, semicolons or commas"
        )
    return source


def _extra(extra) -> dict[str, list[str]]:
    """CSP_EXTRA, checked: directive name -> sources."""
    if not isinstance(extra, dict):
        raise SettingError(
            'CSP_EXTRA: not a dict — write e.g. CSP_EXTRA = {"img-src": ["https://host"]}'
        )
    checked = {}
    for name, sources in extra.items():
        if name == "script-src":
            raise SettingError(
                f"CSP_EXTRA: {name!r} cannot take other sources: the policy allows the "
                "theme's own scripts only — put the script in the theme's js/ folder"
            )
        if name not in POLICY:
            raise SettingError(
                f"CSP_EXTRA: {name!r} is not a directive of the policy — use one of "
                f"{', '.join(n for n in POLICY if n != 'script-src')}"
            )
        if isinstance(sources, str) or not isinstance(sources, list | tuple):
            raise SettingError(
                f"CSP_EXTRA: {name}: {sources!r} is not a list of sources — "
                f'write e.g. "{name}": ["https://host"]'
            )
        for source in sources:
            if not is_source(source):
                raise SettingError(
                    f"CSP_EXTRA: {name}: {source!r} is not a source — write a host "
                    "(https://images.example.org), a host and path, or a scheme (https:), "
                    "without quotes, semicolons, commas or whitespace"
                )
        checked[name] = list(sources)
    return checked
