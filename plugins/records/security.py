"""The site's Content-Security-Policy, computed in this one place from the settings.

``base.html`` writes it into a ``<meta http-equiv="Content-Security-Policy">`` element (the
template global ``content_security_policy``, installed by :mod:`records.templating`); a host's
header file (Netlify's or Cloudflare's ``_headers``) can send the very same string.

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
    policy = {name: list(sources or []) for name, sources in POLICY.items()}
    folders = [f"{settings['THEME_STATIC_DIR'].strip('/')}/js/", *scripts]
    policy["script-src"] = list(dict.fromkeys(_site_folder(settings, f) for f in folders))
    if wasm:
        policy["script-src"].append("'wasm-unsafe-eval'")
    for name, sources in _extra(records_settings.get(settings, "CSP_EXTRA")).items():
        kept = [source for source in policy[name] if source != "'none'"]
        policy[name] = list(dict.fromkeys(kept + sources))
    return "; ".join(f"{name} {' '.join(sources)}" for name, sources in policy.items())


def _site_folder(settings: dict, folder: str) -> str:
    """The source that allows the scripts of ``folder`` (``theme/js/``) of the site."""
    siteurl = (settings.get("SITEURL") or "").rstrip("/")
    parts = urlsplit(siteurl)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        return "'self'"  # relative URLs: see the module's docstring
    folder = f"{siteurl}/{folder.strip('/')}/"
    if not _SOURCE.fullmatch(folder):
        raise SettingError(
            f"SITEURL: {siteurl!r} cannot be written in the Content-Security-Policy — "
            "use an address without spaces, quotes, semicolons or commas"
        )
    return folder


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
            if not isinstance(source, str) or not _SOURCE.fullmatch(source):
                raise SettingError(
                    f"CSP_EXTRA: {name}: {source!r} is not a source — write a host "
                    "(https://images.example.org), a host and path, or a scheme (https:), "
                    "without quotes, semicolons, commas or whitespace"
                )
        checked[name] = list(sources)
    return checked
