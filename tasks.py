"""Tasks for editors and maintainers: `invoke --list` explains each one."""

import logging
import os
import re
import shlex
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from invoke import Exit, task

ROOT = Path(__file__).parent
sys.path.insert(0, str(ROOT / "plugins"))

OUTPUT = ROOT / "output"
CONTENT = ROOT / "content"
LOCAL_SETTINGS = ROOT / "pelicanconf.py"
PUBLISH_SETTINGS = ROOT / "publishconf.py"
SCREENSHOTS = ROOT / "docs" / "screenshots"
HOST, PORT = "127.0.0.1", int(os.environ.get("PORT", "8000"))


class _PlainLines(logging.Formatter):
    """One line per message, ``error: news/x.md: title: missing — add …``: no colours, no
    wrapping at the terminal's width, no source-file suffix, so a CI log reads as a terminal."""

    def format(self, record: logging.LogRecord) -> str:
        message = record.getMessage().replace("\n", " ")
        return f"{record.levelname.lower()}: {message}"


def _plain_logging(handler: logging.Handler | None = None) -> None:
    """Warnings and errors as plain lines on stderr (or to ``handler``). The records core turns
    Pelican's own messages into issues as they are logged: they must stay enabled."""
    if handler is None:
        handler = logging.StreamHandler(sys.stderr)
        handler.setFormatter(_PlainLines())
    root = logging.getLogger()
    root.handlers[:] = [handler]
    root.setLevel(logging.WARNING)


def _pelican(settings_file: Path, output: Path | None = None, **overrides):
    """A Pelican instance for ``settings_file`` (plugins loaded), over the content folder, into
    ``output`` (by default output/)."""
    from pelican import Pelican  # noqa: PLC0415
    from pelican.settings import read_settings  # noqa: PLC0415

    output = output or OUTPUT
    settings = read_settings(
        str(settings_file), override={"OUTPUT_PATH": str(output), "PATH": str(CONTENT), **overrides}
    )
    return Pelican(settings)


def _pelican_build(settings_file: Path, output: Path | None = None, **overrides) -> None:
    """Run one Pelican build in this process (into ``output``, by default output/); a content
    error ends the task with exit code 1."""
    from records import ContentError  # noqa: PLC0415

    _plain_logging()
    try:
        _pelican(settings_file, output, **overrides).run()
    except ContentError as error:
        raise Exit(f"Build failed: {error}", code=1) from None


@task
def build(c):
    """Build the site into output/ with local settings (bad files are skipped with a warning)."""
    _pelican_build(LOCAL_SETTINGS)


@task
def lint(c):
    """Check every content file without building the site: problems listed by file (exit 1)."""
    from records import ContentError  # noqa: PLC0415
    from records.issues import CheckFinished  # noqa: PLC0415

    _plain_logging(logging.NullHandler())  # the problems are printed below, grouped
    with tempfile.TemporaryDirectory() as temp:
        try:
            _pelican(PUBLISH_SETTINGS, Path(temp) / "output", RECORDS_CHECK_ONLY=True).run()
        except CheckFinished as finished:
            issues = finished.issues
        except ContentError as error:
            raise Exit(f"lint: {error}", code=1) from None
    if not issues:
        print("No problem found in content/.")
        return
    by_file: dict[str, list] = {}
    for issue in issues:
        by_file.setdefault(issue.path, []).append(issue)
    for path, found in by_file.items():
        print(f"content/{path}")
        for issue in found:
            print(f"  {issue.field}: {issue.message}")
            print(f"    fix: {issue.fix}")
    noun = "problem" if len(issues) == 1 else "problems"
    raise Exit(f"\n{len(issues)} {noun} in {len(by_file)} file(s): fix them, then run it again.")


@task
def publish(c):
    """Production build: absolute $SITEURL, feeds, strict (any content error fails the build)."""
    if not os.environ.get("SITEURL", "").startswith(("http://", "https://")):
        raise Exit(
            "Set SITEURL to the site's address, e.g. SITEURL=https://example.org invoke publish"
        )
    _pelican_build(PUBLISH_SETTINGS)


# rsync's idea of a remote target: a colon before any slash (user@host:/path, host:path).
REMOTE = re.compile(r"^[^/]*:")


def _deploy_problem(target: str) -> str:
    """Why ``target`` cannot be deployed to, or an empty string."""
    if not target.strip():
        return "Give a target: SITEURL=https://example.org invoke deploy --target user@host:/path"
    if REMOTE.match(target):
        return ""
    folder = Path(target).resolve()
    for kept, name in ((OUTPUT, "the output folder"), (ROOT, "the project folder")):
        if folder.is_relative_to(kept.resolve()) or kept.resolve().is_relative_to(folder):
            return (
                f"{target} is {name}, inside it or around it, which rsync --delete would "
                "wipe: give the web server's folder"
            )
    return ""


@task(
    help={
        "target": "where output/ goes: user@host:/var/www/site (rsync over ssh) or a folder",
        "dry-run": "build, then only list what rsync would change at the target",
    }
)
def deploy(c, target="", dry_run=False):
    """Strict production build, then rsync output/ to --target, deleting what is gone."""
    problem = _deploy_problem(target)
    if problem:
        raise Exit(problem)
    if not shutil.which("rsync"):
        raise Exit("rsync not found (Debian package: rsync)")
    publish(c)  # a failed build ends the task here: the target is not touched
    # --checksum: every build rewrites every file, so times alone would send them all again.
    command = ["rsync", "--recursive", "--links", "--perms", "--times", "--checksum"]
    command += ["--delete", "--itemize-changes", *(["--dry-run"] if dry_run else [])]
    result = subprocess.run([*command, f"{OUTPUT}/", target], check=False)
    if result.returncode:
        raise Exit(f"rsync failed (exit code {result.returncode})", code=result.returncode)
    print(f"{'Would deploy' if dry_run else 'Deployed'} {OUTPUT.name}/ to {target}")


@task
def clean(c):
    """Remove output/, the folders kept for the next build (its staging folder's, the search
    index's folder of pages), and the build caches."""
    kept = (ROOT / f".{OUTPUT.name}.folders", ROOT / f".{OUTPUT.name}.search-pages")
    for path in (OUTPUT, *kept, ROOT / ".cache"):
        shutil.rmtree(path, ignore_errors=True)


def _server(directory: Path, port: int = PORT):
    """Pelican's own handler (clean URLs such as ``/news/`` served from ``index.html`` files),
    and for an address that leads nowhere the site's 404 page with status 404: the nearest
    ``404.html`` up from the address, so a site in a sub-path or a language's own 404 page
    answers as a static host would."""
    from pelican.server import ComplexHTTPRequestHandler, RootedHTTPServer  # noqa: PLC0415

    class PreviewHandler(ComplexHTTPRequestHandler):
        def do_GET(self):
            if self.get_path_that_exists(self.path.split("?", 1)[0]):
                return super().do_GET()
            return self.not_found()

        def get_path_that_exists(self, original_path):
            """Pelican's lookup, without its warning for a missing address (answered below)."""
            trailing = original_path.endswith("/")
            for suffix in self.SUFFIXES:
                if suffix == "/" and not trailing:
                    continue
                candidate = original_path.rstrip("/") + suffix
                if os.path.exists(self.translate_path(candidate)):
                    return candidate
            return None

        def not_found(self):
            folder = Path(self.translate_path(self.path.split("?", 1)[0]))
            root = Path(self.base_path)
            for parent in [folder, *folder.parents]:
                page = parent / "404.html"
                if page.is_file() and (parent == root or root in parent.parents):
                    body = page.read_bytes()
                    self.send_response(404)
                    self.send_header("Content-Type", "text/html; charset=utf-8")
                    self.send_header("Content-Length", str(len(body)))
                    self.end_headers()
                    self.wfile.write(body)
                    return
            self.send_error(404)

    return RootedHTTPServer(str(directory), (HOST, port), PreviewHandler)


@task
def serve(c):
    """Serve output/ at http://127.0.0.1:8000/ (PORT=8080 to change)."""
    if not OUTPUT.is_dir():
        raise Exit("Nothing to serve yet: run `invoke build` first")
    server = _server(OUTPUT)
    print(f"Serving {OUTPUT} at http://{HOST}:{PORT}/ — Ctrl-C stops")
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        server.server_close()


# What livereload watches. Content and theme are read afresh by every build, so a change there
# rebuilds in this process; Python keeps the modules it has imported, so a change to the code
# (plugins, settings, this file) restarts the process.
REBUILD_ON = ("content/**/*", "theme/**/*")
RESTART_ON = ("plugins/**/*", "*.py")


def watch(server, rebuild, restart) -> None:
    """Tell livereload's ``server`` what to do when each watched file changes."""
    for pattern in REBUILD_ON:
        server.watch(str(ROOT / pattern), rebuild)
    for pattern in RESTART_ON:
        server.watch(str(ROOT / pattern), restart)


@task
def livereload(c):
    """Build, serve, rebuild and reload the browser on every change; code or settings restart it."""
    from livereload import Server  # noqa: PLC0415

    def rebuild():
        try:
            _pelican_build(LOCAL_SETTINGS)
        except Exit as failure:  # keep serving the last good build
            print(failure.message, file=sys.stderr)

    def restart():
        print("Code or settings changed: restarting livereload", file=sys.stderr)
        command = [sys.executable, "-m", "invoke", "--search-root", str(ROOT), "livereload"]
        os.execv(sys.executable, command)

    rebuild()
    server = Server()
    watch(server, rebuild, restart)
    server.serve(root=str(OUTPUT), host=HOST, port=PORT)


@task
def check(c):
    """Strict production build into a temporary folder, then every quality gate over it."""
    from urllib.parse import urlsplit  # noqa: PLC0415

    from sitecheck.browser import serve  # noqa: PLC0415
    from sitecheck.gates import report, run_gates  # noqa: PLC0415
    from sitecheck.suite import site_gates, tools_required  # noqa: PLC0415

    # Built for production as if served from a sub-path (that of $SITEURL, or /campaigns) of a
    # local server, so that links which ignore SITEURL show up as broken and the browser gates
    # load every page, stylesheet and image as a reader would.
    sub_path = urlsplit(os.environ.get("SITEURL", "")).path.rstrip("/") or "/campaigns"
    with tempfile.TemporaryDirectory() as temp, serve(Path(temp)) as base:
        siteurl = base + sub_path
        output = Path(temp) / sub_path.lstrip("/")
        _pelican_build(PUBLISH_SETTINGS, output, SITEURL=siteurl, FEED_DOMAIN=siteurl)
        print(f"\nQuality gates over the production build for {siteurl}/:")
        outcomes = run_gates(site_gates(output, siteurl, base), tools_required())
        print(report(outcomes))
    failed = [o.gate.name for o in outcomes if o.status == "failed"]
    if failed:
        raise Exit(f"\nFailed: {', '.join(failed)}", code=1)
    skipped = [o.gate.name for o in outcomes if o.status == "skipped"]
    print("\nAll gates passed" + (f" (skipped: {', '.join(skipped)})" if skipped else ""))


@task
def screenshots(c):
    """Build the demo site and screenshot every page type (360, 768, 1280 px; light, dark)."""
    from sitecheck import screenshots as shots  # noqa: PLC0415
    from sitecheck.browser import chromium, chromium_missing, serve  # noqa: PLC0415

    if missing := chromium_missing():
        raise Exit(f"invoke screenshots: {missing}")
    start = time.perf_counter()
    os.environ["SOURCE_DATE_EPOCH"] = str(shots.EPOCH)  # "today", for every run alike
    with tempfile.TemporaryDirectory() as temp:
        output = Path(temp) / "site"
        # The editor with Decap's test-repo backend, which needs no account or network: only
        # in this build, never in a published one.
        editor = {"CMS": True, "CMS_BACKEND": {"name": "test-repo"}}
        _pelican_build(
            PUBLISH_SETTINGS, output, SITEURL=shots.SITE, FEED_DOMAIN=shots.SITE, **editor
        )
        with serve(output) as served, chromium() as browser:
            written = shots.write_screenshots(browser, output, served, SCREENSHOTS, CONTENT)
    size = sum(path.stat().st_size for path in written)
    print(
        f"{len(written)} screenshots in {SCREENSHOTS.relative_to(ROOT)}/, "
        f"{size / 1e6:.1f} MB, in {time.perf_counter() - start:.0f} s"
    )


@task(
    help={
        "quick": "250 posts, 1 and 3 languages, 1 run, edited output not compared: under 2 min",
        "sizes": "numbers of posts, comma-separated (default 250,1000,4000)",
        "languages": "numbers of languages, comma-separated (default 1,3,6)",
        "runs": "runs of each build; the table shows the median (default 3, 1 with --quick)",
        "json": "where to write the results (default benchmarks/results/latest.json)",
    }
)
def bench(c, quick=False, sizes="", languages="", runs=0, json=""):  # noqa: PLR0917 (options)
    """Build generated sites (cold, warm, after edits) and vanilla Pelican; time, pages, memory."""
    options = ["--quick"] if quick else []
    json = json and str(Path(json).resolve())  # the command runs in the repository's folder
    for name, value in (("sizes", sizes), ("languages", languages), ("runs", runs), ("json", json)):
        if value:
            options += [f"--{name}", str(value)]
    # A process of its own: it becomes the subreaper of the builds' process trees.
    with c.cd(str(ROOT)):
        command = shlex.join([sys.executable, "-m", "benchmarks.bench", *options])
        done = c.run(command, warn=True)
    if done.exited:  # a build failed or differs: said above
        raise Exit(code=done.exited)


@task(
    help={"check": "draw in memory and list the files that differ, without writing (exit 1 if any)"}
)
def demo_art(c, check=False):
    """Draw the demo content's partner logos and lead pictures again into content/images/."""
    if str(ROOT) not in sys.path:
        sys.path.insert(0, str(ROOT))
    from demo import art  # noqa: PLC0415

    changed = art.write(CONTENT, check=check)
    for line in changed:
        print(("differs: " if check else "wrote: ") + line)
    if check and changed:
        raise Exit(f"{len(changed)} file(s) differ from the drawings: run invoke demo-art", code=1)
    print(f"{len(art.PICTURES) + len(art.LOGOS)} drawings, {len(changed)} changed.")


@task
def test(c):
    """Run the whole test suite (pytest on both cores)."""
    c.run(f"{sys.executable} -m pytest -n auto --dist loadfile --no-loadscope-reorder", pty=False)


@task(
    help={
        "kind": "post, page, event, partner, campaign, edition or translation",
        "title": "the title in quotes (for a translation: the original's path)",
        "campaign": "the campaign's id, for a post, an event or an edition",
        "lang": "the language: of a translation, or of an original not in the site's",
        "online": "an event's online address (stream or call)",
    }
)
def new(c, kind, title, campaign=None, lang=None, online=None):  # noqa: PLR0917 (invoke's options)
    """Start a new file as a draft: `invoke new event "Vigil for peace"` (docs/editors.md)."""
    from records.scaffold import ScaffoldError, new_file  # noqa: PLC0415

    settings = _pelican(LOCAL_SETTINGS).settings  # loads the plugins, which declare the kinds
    try:
        made = new_file(settings, kind, title, campaign=campaign, lang=lang, online=online)
    except ScaffoldError as error:
        raise Exit(f"invoke new: {error}", code=1) from None
    path = CONTENT / made.path
    if path.exists():
        raise Exit(f"content/{made.path} already exists: choose another title", code=1)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(made.text, encoding="utf-8")
    print(f"Created content/{made.path} (a draft: see its note for every key)")


# Translations of the theme's UI strings: theme/README.md, Translations. The work is done by
# i18n.catalog_tools, which tests/test_catalogs.py runs too.


@task
def translations_extract(c):
    """Extract the templates' UI strings into theme/translations/messages.pot."""
    from i18n import catalog_tools  # noqa: PLC0415

    pot = catalog_tools.TEMPLATE.relative_to(ROOT)
    if catalog_tools.extract_if_changed():
        print(f"Extracted {pot}: now `invoke translations-update`")
    else:
        print(f"{pot} is current")


@task(pre=[translations_extract])
def translations_update(c):
    """Extract, then merge new and changed strings into every catalog, for translators."""
    from i18n import catalog_tools  # noqa: PLC0415

    catalog_tools.update()
    langs = ", ".join(catalog_tools.catalog_files())
    print(f"Updated the catalogs ({langs}): translate their empty and fuzzy entries,")
    print("then `invoke translations-check`")


@task
def translations_check(c):
    """Check every catalog is current, complete and compiles; exit 1 with the list if not."""
    from i18n import catalog_tools  # noqa: PLC0415

    problems = catalog_tools.check_all()
    for problem in problems:
        print(problem)
    if problems:
        raise Exit(f"{len(problems)} problem(s) in the translations", code=1)
    count = len(catalog_tools.read_catalog(catalog_tools.TEMPLATE))
    langs = ", ".join(catalog_tools.catalog_files())
    print(f"Every catalog ({langs}) translates all {count} UI strings")


@task(
    pre=[translations_extract],
    help={
        "lang": "the language code of the site (DEFAULT_LANG), e.g. de",
        "locale": "a more precise Babel locale for the catalog, e.g. pt_PT for pt",
    },
)
def translations_add(c, lang, locale=""):
    """Start the catalog of a new language: `invoke translations-add de`, then translate it."""
    from i18n import catalog_tools  # noqa: PLC0415

    try:
        po = catalog_tools.add(lang, locale)
    except FileExistsError:
        raise Exit(f"There is already a catalog for {lang}") from None
    except ValueError as error:
        raise Exit(f"Not a locale Babel knows: {error}") from None
    print(f"Created {po.relative_to(ROOT)}: translate every entry,")
    print("then `invoke translations-check`")
