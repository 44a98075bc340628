"""Wires the browser editor into Pelican: its settings checked as a build starts, its files
written through the records core's writer. No state lives here."""

import json
import logging
from html import escape
from pathlib import Path

from pelican import signals
from pelican.generators import Generator

from records import plugin_enabled
from records.security import editor_security_policy
from records.signals import folder_policies

from .config import Editor
from .settings import read

logger = logging.getLogger(__name__)

FOLDER = "admin/"
SCRIPT = Path(__file__).with_name("kit-cms.js")
BUNDLE = "decap-cms.js"  # Decap's bundle; it loads its chunks (<n>.decap-cms.js) beside it
HEADER = (
    "# Decap CMS's configuration, written by plugins/cms from the kit's declarations of every\n"
    '# kind of file (docs/maintainers.md, "Editing in the browser"): change those, not this.\n'
)


def check_settings(pelican) -> None:
    """initialized: a setting the editor cannot use stops the build here, with one line."""
    if plugin_enabled(pelican.settings, "cms"):
        read(pelican.settings)


def bundle_files(dist: Path) -> list[Path]:
    """Decap's bundle, the chunks it loads and its licence notice; empty when not installed."""
    if not (dist / BUNDLE).is_file():
        return []
    chunks = sorted(dist.glob(f"*.{BUNDLE}"))
    notice = [dist / f"{BUNDLE}.LICENSE.txt"] if (dist / f"{BUNDLE}.LICENSE.txt").is_file() else []
    return [dist / BUNDLE, *chunks, *notice]


def admin_page(settings: dict, config: dict, formats: dict, policy: str) -> str:
    """admin/index.html: what kit-cms.js must know (the backend, the languages, each
    collection's format), then kit-cms.js, then Decap."""
    site = {
        "backend": config["backend"]["name"],
        "locales": config["i18n"]["locales"],
        "default_locale": config["i18n"]["default_locale"],
        "formats": formats,
    }
    data = json.dumps(site, ensure_ascii=False, sort_keys=True).replace("</", "<\\/")
    title = escape(f"Editor — {settings.get('SITENAME') or 'site'}")
    return f"""<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="{escape(policy)}">
<meta name="robots" content="noindex">
<meta name="referrer" content="same-origin">
<link rel="icon" href="data:,">
<title>{title}</title>
</head>
<body>
<script type="application/json" id="kit-cms">{data}</script>
<script src="kit-cms.js"></script>
<script src="{BUNDLE}"></script>
</body>
</html>
"""


class CmsGenerator(Generator):
    """Writes /admin/ once (it has no language of its own), when the settings turn it on."""

    def generate_output(self, writer):
        conf = read(self.settings)
        if not conf.enabled:
            return
        files = bundle_files(conf.decap_dist)
        if not files:
            logger.info(
                "cms: no /admin/: Decap CMS is not installed at %s (run `npm ci`)", conf.decap_dist
            )
            return
        editor = Editor(self.settings, conf, self.context.get("records"))
        config = editor.config()
        policy = editor_security_policy(self.settings, FOLDER, conf.connect, conf.images)
        page = admin_page(self.settings, config, editor.formats(), policy)
        writer.write_text(FOLDER + "config.yml", HEADER + json.dumps(config, indent=2) + "\n")
        writer.write_text(FOLDER + "index.html", page)
        writer.place(FOLDER + SCRIPT.name, str(SCRIPT), link=False)
        for path in files:
            writer.place(FOLDER + path.name, str(path), link=False)


def editor_policy(settings: dict) -> dict[str, str]:
    """``records.signals.folder_policies``: the editor's folder and its policy, for the
    security headers, when the build writes the editor."""
    if not plugin_enabled(settings, "cms"):
        return {}
    conf = read(settings)
    if not conf.enabled or not bundle_files(conf.decap_dist):
        return {}
    return {FOLDER: editor_security_policy(settings, FOLDER, conf.connect, conf.images)}


def add_generator(pelican):
    return CmsGenerator if plugin_enabled(pelican.settings, "cms") else None


def register():
    signals.initialized.connect(check_settings)
    signals.get_generators.connect(add_generator)
    folder_policies.connect(editor_policy)
