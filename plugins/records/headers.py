"""The security headers of a production build: a ``_headers`` file, in the format Netlify and
Cloudflare Pages read from the root of the folder they publish, written once per build.

For every path of the site it gives:

- ``Content-Security-Policy``: the pages' own policy (:func:`records.security.
  content_security_policy`, the very string of their ``<meta>``) plus what only a header can
  carry, ``frame-ancestors 'none'``: no other site may frame the pages (clickjacking). What
  a page of its own needs besides (the search page's Pagefind folder and WebAssembly, given
  by :data:`records.signals.page_policies`) is allowed in the header too: a browser enforces
  the header's policy and the page's ``<meta>`` one, so every other page stays as strict;
- ``Referrer-Policy: no-referrer``: a link followed from a campaign against trafficking tells
  the next site nothing, not even which site the reader came from; the site has no analytics
  that a same-origin referrer would serve;
- ``X-Content-Type-Options: nosniff``: a download is never run as a script or a page;
- ``Permissions-Policy``: sensors, camera, microphone, location, devices, payment and the
  advertising APIs are off (only features Chromium knows, so that it logs no warning);
- ``Strict-Transport-Security: max-age=63072000`` (two years) when ``SITEURL`` is https. It
  has no ``includeSubDomains``: the policy would then bind every subdomain of the site's host,
  which a campaign site rarely owns; a host that does can add it in its own settings.

The paths are those the browser asks for: under a sub-path ``SITEURL``
(``https://host/campaigns``) the rules are ``/campaigns/*``. The file is still written at the
root of the site's own output, and the host reads it only at the root of the folder it
publishes: a site served from a sub-path of a larger site has its rules copied into that
site's ``_headers`` (docs/maintainers.md, "Production build and deployment").

**Folders with a policy of their own.** A plugin whose pages need another policy (the browser
editor's ``admin/``) answers :data:`records.signals.folder_policies`; each such folder gets a
rule of its own with that policy. Hosts send every matching rule's headers, so the site's
policy is then given by top-level path (every file and folder the build wrote except those)
rather than to ``/*``, where it would also bind them. Cloudflare Pages reads at most 100
rules: a site with more top-level pages than that would lose the last rules.

SECURITY_HEADERS_FILE ("_headers")
    Where the file is written, relative to the output folder; None writes none. Local builds
    (relative URLs) never write it: their pages may be served at any address.
"""

from urllib.parse import quote, urlsplit

from . import settings as records_settings
from .security import content_security_policy
from .signals import folder_policies, page_policies

REFERRER_POLICY = "no-referrer"
HSTS = "max-age=63072000"
PERMISSIONS = (
    "accelerometer", "browsing-topics", "camera", "display-capture", "geolocation", "gyroscope",
    "hid", "idle-detection", "interest-cohort", "magnetometer", "microphone", "midi", "payment",
    "serial", "usb", "xr-spatial-tracking",
)  # fmt: skip
FRAME_ANCESTORS = "frame-ancestors 'none'"
OWNER = "records core: security headers"


def own_policies(settings: dict) -> dict[str, str]:
    """{folder: policy} of the output's folders whose pages have a policy of their own."""
    found: dict[str, str] = {}
    for receiver in folder_policies.receivers_for(settings):
        found.update(receiver(settings) or {})
    return {folder.strip("/"): policy for folder, policy in found.items()}


def pages_needs(settings: dict) -> dict:
    """What some pages' own policies add to the site's (``scripts`` folders, ``wasm``), as
    the keyword arguments of :func:`~records.security.content_security_policy`."""
    scripts: list[str] = []
    wasm = False
    for receiver in page_policies.receivers_for(settings):
        needs = receiver(settings) or {}
        scripts += needs.get("scripts", ())
        wasm = wasm or bool(needs.get("wasm"))
    return {"scripts": tuple(dict.fromkeys(scripts)), "wasm": wasm}


def security_headers(settings: dict, written: list[str] | tuple = ()) -> str | None:
    """The ``_headers`` file of a build for ``settings``, or None for a local build.
    ``written``: the paths the build wrote, relative to the output (for the admin's rules)."""
    parts = urlsplit(settings.get("SITEURL") or "")
    if parts.scheme not in ("http", "https") or not parts.netloc:
        return None
    base = _literal(parts.path.rstrip("/") + "/", encoded=True)
    policy = with_frame_ancestors(content_security_policy(settings, **pages_needs(settings)))
    common = [
        ("Referrer-Policy", REFERRER_POLICY),
        ("X-Content-Type-Options", "nosniff"),
        ("Permissions-Policy", ", ".join(f"{feature}=()" for feature in PERMISSIONS)),
    ]
    if parts.scheme == "https":  # browsers ignore it over http
        common.append(("Strict-Transport-Security", HSTS))
    own = own_policies(settings)
    if not own:
        rules = [(base + "*", [("Content-Security-Policy", policy), *common])]
    else:
        site = [("Content-Security-Policy", policy)]
        rules = [(base + "*", common)]
        rules += [(pattern, site) for pattern in _site_patterns(base, written, set(own))]
        for folder, folder_policy in sorted(own.items()):
            csp = [("Content-Security-Policy", with_frame_ancestors(folder_policy))]
            rules.append((f"{base}{_literal(folder)}/*", csp))
    lines = [
        "# Security headers for Netlify and Cloudflare Pages, written by the campaign kit",
        f"# (plugins/records/headers.py) for {settings['SITEURL'].rstrip('/')}/.",
    ]
    for pattern, headers in rules:
        lines += ["", pattern, *(f"  {name}: {value}" for name, value in headers)]
    return "\n".join(lines) + "\n"


def with_frame_ancestors(policy: str) -> str:
    """``policy`` on one line, with ``frame-ancestors 'none'`` unless it says otherwise."""
    policy = " ".join(policy.split())
    return policy if "frame-ancestors" in policy else f"{policy}; {FRAME_ANCESTORS}"


def _site_patterns(base: str, written, apart: set[str]) -> list[str]:
    """The site's pages and files outside the folders ``apart``, by top-level name: ``/``
    itself, each top-level file, each folder and all below it."""
    files: set[str] = set()
    folders: set[str] = set()
    for path in written:
        top, _, rest = path.partition("/")
        if top not in apart:
            (folders if rest else files).add(top)
    below = [f"{base}{_literal(name)}/*" for name in sorted(folders)]
    return [base, *(base + _literal(name) for name in sorted(files)), *below]


def _literal(path: str, encoded: bool = False) -> str:
    """``path`` (a file's name, or ``encoded`` already as in a URL) as a pattern that matches
    only itself: percent-encoded as a browser asks for it, so that a space, ``*`` or ``:`` is
    neither a separator nor a wildcard."""
    return quote(path, safe="/-._~!$&'()+,;=@" + ("%" if encoded else ""))


def write_security_headers(writer, settings: dict) -> None:
    """Write the file through the build's writer, after every other file is known."""
    name = records_settings.get(settings, "SECURITY_HEADERS_FILE")
    if not name:
        return
    text = security_headers(settings, writer.paths())
    if text is not None:
        writer.write_text(name, text, owner=OWNER)
