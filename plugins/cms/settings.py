"""Settings of the browser editor, read in one place, with their defaults.

CMS (False)
    True writes the editor at ``/admin/``. ``pelicanconf.py`` leaves it off (local builds: edit
    the files themselves); ``publishconf.py`` turns it on when ``CMS_REPO`` is set.
CMS_REPO (None)
    The site's GitHub repository, ``owner/name``: required by the default backend.
CMS_BRANCH ("main")
    The branch the site is built from, where the editor's changes are merged.
CMS_BACKEND (None)
    Decap CMS's ``backend`` block, when the default, ``{"name": "github", "repo": CMS_REPO,
    "branch": CMS_BRANCH}``, is not the one: ``{"name": "git-gateway", "branch": "main"}``
    (Netlify Identity logins), a GitHub backend with its own OAuth server (``"base_url":
    "https://auth.example.org"``), or ``{"name": "test-repo"}`` (an editor that keeps nothing,
    to try the forms). Its hosts go into the editor's Content-Security-Policy.
CMS_CONTENT_PATH ("content")
    The content folder (``PATH``) as a path inside the repository, where the editor writes.
CMS_DECAP_DIST (``node_modules/decap-cms/dist`` beside the kit)
    Decap CMS's bundle, installed by ``npm ci``. When it is missing the build writes no editor
    and says so in one line.

A setting the editor cannot use (``CMS`` on without a repository, an unknown backend, a host
that cannot be written in the policy) stops the build at its start with one line naming it.
"""

from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

from records.security import SettingError, is_source

KIT = Path(__file__).resolve().parent.parent.parent
DEFAULTS = {
    "CMS": False,
    "CMS_REPO": None,
    "CMS_BRANCH": "main",
    "CMS_BACKEND": None,
    "CMS_CONTENT_PATH": "content",
    "CMS_DECAP_DIST": str(KIT / "node_modules" / "decap-cms" / "dist"),
}

# What the editor connects to with each backend the kit knows, besides the site itself, for
# its policy. GitHub: its API and the OAuth server that logs editors in (both replaced by the
# block's "api_root" and "base_url"), its status page (checked as the editor starts) and the
# users' avatars. Git Gateway: Netlify's status page; Identity and the gateway are on the
# site's own address unless "identity_url" or "gateway_url" say otherwise.
BACKENDS = {
    "github": {
        "addresses": {"api_root": "https://api.github.com", "base_url": "https://api.netlify.com"},
        "connect": ("https://www.githubstatus.com",),
        "images": ("https://avatars.githubusercontent.com",),
    },
    "git-gateway": {"addresses": {}, "connect": ("https://www.netlifystatus.com",), "images": ()},
    "test-repo": {"addresses": {}, "connect": (), "images": ()},
}
ADDRESS_KEYS = ("api_root", "base_url", "identity_url", "gateway_url")
ON_THE_SITE = ("identity_url", "gateway_url")  # may be a path on the site's own address


@dataclass(frozen=True)
class CmsSettings:
    enabled: bool
    backend: dict
    content: str
    decap_dist: Path
    connect: tuple[str, ...]
    images: tuple[str, ...]


def get(settings: dict, key: str):
    return settings.get(key, DEFAULTS[key])


def read(settings: dict) -> CmsSettings:
    """The settings, checked; raises :class:`SettingError` for one the editor cannot use."""
    enabled = bool(get(settings, "CMS"))
    backend = _backend(settings)
    known = BACKENDS[backend["name"]]
    addresses = {**known["addresses"], **backend}
    connect = [_origin(addresses[key], key) for key in ADDRESS_KEYS if key in addresses]
    connect += known["connect"]
    content = str(get(settings, "CMS_CONTENT_PATH")).strip("/")
    return CmsSettings(
        enabled=enabled,
        backend=backend,
        content=content,
        decap_dist=Path(get(settings, "CMS_DECAP_DIST")),
        connect=tuple(dict.fromkeys(source for source in connect if source)),
        images=known["images"],
    )


def _backend(settings: dict) -> dict:
    given = get(settings, "CMS_BACKEND")
    if given is None:
        backend = {
            "name": "github",
            "repo": get(settings, "CMS_REPO"),
            "branch": get(settings, "CMS_BRANCH"),
        }
    elif isinstance(given, dict):
        backend = dict(given)
    else:
        raise SettingError(
            'CMS_BACKEND: not a dict — write e.g. CMS_BACKEND = {"name": "git-gateway"}'
        )
    name = backend.get("name")
    if name not in BACKENDS:
        raise SettingError(
            f"CMS_BACKEND: {name!r} is not a backend the kit knows — use one of "
            + ", ".join(BACKENDS)
        )
    if name == "github" and get(settings, "CMS") and not backend.get("repo"):
        raise SettingError(
            "CMS_REPO: missing — set it to the site's GitHub repository (owner/name), "
            "or turn the editor off with CMS = False"
        )
    return {key: value for key, value in backend.items() if value is not None}


def _origin(address, key: str) -> str | None:
    """The scheme and host of ``address`` (None for a path on the site, where allowed)."""
    parts = urlsplit(str(address))
    if not parts.scheme and not parts.netloc and key in ON_THE_SITE:
        return None
    origin = f"{parts.scheme}://{parts.netloc}"
    if parts.scheme not in ("http", "https") or not is_source(origin):
        raise SettingError(
            f"CMS_BACKEND: {key}: {address!r} is not a web address the editor can reach — "
            "write e.g. https://auth.example.org"
        )
    return origin
