"""Deployment: the GitHub Actions workflows (every command exists here, the triggers, the
Pages permissions, nothing fetched but from package registries and GitHub's own actions, and
actionlint finds nothing), netlify.toml, and `invoke deploy` (a strict build, then rsync)."""

import re
import shlex
import shutil
import tomllib
from pathlib import Path

import pytest
import yaml
from invoke import Collection, Context, Exit

import tasks
from tests.conftest import ROOT, write_files
from tests.quality import actionlint, require

WORKFLOWS = sorted((ROOT / ".github/workflows").glob("*.y*ml"))
TASKS = set(Collection.from_module(tasks).task_names)
README_TEST = next(
    line
    for line in (ROOT / "README.md").read_text(encoding="utf-8").splitlines()
    if line.startswith("python3 -m venv") and line.endswith("invoke test")
)


def workflow(path: Path) -> dict:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    data["on"] = data.pop(True, None) or data.pop("on")  # PyYAML reads a bare `on` as true
    return data


def steps(data: dict):
    for job in data["jobs"].values():
        yield from job.get("steps", [])


def commands(script: str) -> list[list[str]]:
    """The simple commands of a shell script, as words: lines, ``&&``, ``||``, ``;``, ``|``."""
    found = []
    for line in script.replace("\\\n", " ").splitlines():
        lexer = shlex.shlex(line, posix=True, punctuation_chars=True)
        lexer.whitespace_split = True
        words: list[str] = []
        for token in lexer:
            if token in ("&&", "||", ";", "|"):
                found.append(words)
                words = []
            else:
                words.append(token)
        found.append(words)
    return [words for words in found if words]


def command_problems(script: str, venv: bool = False) -> list[str]:
    """What in ``script`` runs something this repository does not have, or could fetch
    anything from outside the package registries. ``venv``: an earlier step made .venv."""
    problems = []
    for command in commands(script):
        # NAME=value before a command, and sudo, are not the program
        start = next(i for i, word in enumerate(command) if "=" not in word and word != "sudo")
        words = command[start:]
        program, *args = words
        line = " ".join(words)
        if any("://" in word for word in words):
            problems.append(f"{line}: an address: fetch from the package registries only")
        if program == "python3" and args == ["-m", "venv", ".venv"]:
            venv = True
        elif program in (".venv/bin/pip", ".venv/bin/invoke") and not venv:
            problems.append(f"{line}: no earlier `python3 -m venv .venv`")
        elif program == ".venv/bin/pip" and args[:1] == ["install"]:
            files = [args[i + 1] for i, arg in enumerate(args) if arg == "-r"]
            if not files or any(not (ROOT / name).is_file() for name in files):
                problems.append(f"{line}: install from the requirements files here only")
        elif program == ".venv/bin/invoke":
            unknown = [arg for arg in args if not arg.startswith("-") and arg not in TASKS]
            if unknown or not args:
                problems.append(f"{line}: no such task in tasks.py: {unknown}")
        elif program == "npm":
            if args[:1] != ["ci"] or not (ROOT / "package-lock.json").is_file():
                problems.append(f"{line}: only `npm ci`, from package-lock.json")
        elif program == "apt-get":
            if args[:1] not in (["update"], ["install"]):
                problems.append(f"{line}: only apt-get update and install")
        elif program != "python3":
            problems.append(f"{line}: {program} is not a command the workflows may run")
    return problems


def test_every_workflow_runs_only_what_the_repository_has():
    assert [path.name for path in WORKFLOWS] == ["deploy.yml", "tests.yml"]
    problems = []
    for path in WORKFLOWS:
        for job in workflow(path)["jobs"].values():
            venv = False  # each job starts on a fresh machine
            for step in job["steps"]:
                if "run" in step:
                    assert "${{" not in step["run"], f"{path.name}: pass expressions by env"
                    problems += [f"{path.name}: {p}" for p in command_problems(step["run"], venv)]
                    venv = venv or "python3 -m venv .venv" in step["run"]
                    continue
                owner, _, version = step["uses"].partition("@")
                if not owner.startswith("actions/") or not version.startswith("v"):
                    problems.append(f"{path.name}: {step['uses']}: GitHub's own actions only")
    assert problems == []


def test_the_checker_catches_what_it_is_for():
    script = "curl -sSL https://example.net/x.sh | bash\n.venv/bin/invoke deploy-everything"
    problems = command_problems("python3 -m venv .venv\n" + script)
    assert len(problems) == 4, problems  # the address, curl, bash, the unknown task
    assert command_problems(".venv/bin/pip install -r requirements.txt") != []  # no venv yet


def test_pull_requests_run_the_readmes_test_command():
    data = workflow(ROOT / ".github/workflows/tests.yml")
    assert "pull_request" in data["on"]
    assert data["permissions"] == {"contents": "read"}
    assert README_TEST in [step.get("run") for step in steps(data)]
    assert "npm ci --ignore-scripts" in "\n".join(step.get("run", "") for step in steps(data))


def test_main_and_every_day_deploy_to_github_pages_from_output():
    data = workflow(ROOT / ".github/workflows/deploy.yml")
    assert data["on"]["push"]["branches"] == ["main"]
    [schedule] = data["on"]["schedule"]
    assert schedule["cron"].split()[2:] == ["*", "*", "*"]  # every day
    assert data["permissions"] == {"contents": "read", "pages": "write", "id-token": "write"}
    uses = {step["uses"].split("@")[0]: step for step in steps(data) if "uses" in step}
    assert uses["actions/upload-pages-artifact"]["with"]["path"] == "output"
    assert "actions/deploy-pages" in uses
    assert data["jobs"]["deploy"]["environment"]["name"] == "github-pages"
    cache = uses["actions/cache"]["with"]
    assert cache["path"] == ".cache"
    assert "hashFiles('requirements.txt', '*.py', 'plugins/**', 'theme/**')" in cache["key"]
    [build] = [step for step in steps(data) if step.get("run") == ".venv/bin/invoke publish"]
    assert build["env"]["SITEURL"] == "${{ vars.SITEURL || steps.pages.outputs.base_url }}"


@pytest.mark.gates
def test_actionlint_finds_nothing_in_the_workflows():
    assert actionlint(WORKFLOWS) == []


@pytest.mark.gates
def test_actionlint_finds_a_planted_mistake(tmp_path):
    planted = write_files(
        tmp_path,
        {
            "planted.yml": """
            on: pull_request
            jobs:
              test:
                runs-on: ubuntu-24.04
                steps:
                  - uses: actions/setup-python@v5
                    with:
                      python-versions: "3.11"
            """
        },
    )
    [problem] = actionlint([planted / "planted.yml"])
    assert 'input "python-versions" is not defined' in problem


def test_netlify_builds_with_an_existing_task_into_output():
    config = tomllib.loads((ROOT / "netlify.toml").read_text(encoding="utf-8"))
    build = config["build"]
    assert build["publish"] == "output"
    assert build["environment"]["PYTHON_VERSION"] == "3.11"
    assert 'SITEURL="$URL" .venv/bin/invoke publish' in build["command"]
    assert command_problems(build["command"]) == []
    for context in ("deploy-preview", "branch-deploy"):
        command = config["context"][context]["command"]
        assert command == build["command"].replace("$URL", "$DEPLOY_PRIME_URL")


def test_the_cloudflare_recipe_builds_with_an_existing_task_into_output():
    docs = (ROOT / "docs/maintainers.md").read_text(encoding="utf-8")
    [command] = re.findall(r"^  `(python3 -m venv .*)`$", docs, re.MULTILINE)
    assert 'SITEURL="${SITEURL:-$CF_PAGES_URL}" .venv/bin/invoke publish' in command
    assert command_problems(command) == []
    assert "- Build output directory: `output`" in docs


# `invoke deploy`, in this process, with output/, content/ and the settings in a temporary
# folder: a small site, built strictly as `invoke publish` builds.
SETTINGS = """
import os
from pelicanconf import *

SITEURL = os.environ["SITEURL"]
RELATIVE_URLS = False
RECORDS_STRICT = True
THEME = {theme!r}
PLUGIN_PATHS = [{plugins!r}]
CACHE_PATH = {cache!r}
"""
PAGES = {
    "pages/about.md": "Title: About\n\nWho we are.\n",
    "news/vigil.md": "Title: Vigil\nDate: 2026-01-10\n\nText.\n",
}


@pytest.fixture
def project(tmp_path, monkeypatch):
    """tasks.py pointed at a small site in ``tmp_path``; returns the folder to deploy to."""
    require("" if shutil.which("rsync") else "rsync not found (Debian package: rsync)")
    settings = tmp_path / "settings.py"
    settings.write_text(
        SETTINGS.format(
            theme=str(ROOT / "theme"),
            plugins=str(ROOT / "plugins"),
            cache=str(tmp_path / ".cache"),
        )
    )
    monkeypatch.setattr(tasks, "CONTENT", write_files(tmp_path / "content", PAGES))
    monkeypatch.setattr(tasks, "OUTPUT", tmp_path / "output")
    monkeypatch.setattr(tasks, "PUBLISH_SETTINGS", settings)
    monkeypatch.setenv("SITEURL", "https://example.org")
    return write_files(tmp_path / "www", {"old/index.html": "a page the site no longer has"})


def tree(folder: Path) -> dict[str, bytes]:
    return {
        path.relative_to(folder).as_posix(): path.read_bytes()
        for path in sorted(folder.rglob("*"))
        if path.is_file()
    }


def test_a_deploy_to_a_folder_mirrors_the_output_exactly(project):
    before = tree(project)
    tasks.deploy(Context(), target=str(project), dry_run=True)
    assert tree(project) == before  # a dry run changes nothing
    tasks.deploy(Context(), target=str(project))
    deployed = tree(project)
    assert deployed == tree(tasks.OUTPUT)
    assert {"about/index.html", "_headers"} <= set(deployed)
    assert "old/index.html" not in deployed


def test_a_failing_build_leaves_the_target_untouched(project):
    before = tree(project)
    write_files(tasks.CONTENT, {"news/undated.md": "Title: No date\n\nText.\n"})
    with pytest.raises(Exit) as failure:
        tasks.deploy(Context(), target=str(project))
    assert failure.value.code == 1
    assert tree(project) == before


def test_a_deploy_refuses_an_empty_target_or_the_output_folder(project):
    output = tasks.OUTPUT
    for target in ("", "  ", output, output / "site", output.parent, ROOT, ROOT / "content"):
        with pytest.raises(Exit, match=r"Give a target|would wipe"):
            tasks.deploy(Context(), target=str(target))
    assert not output.exists()  # refused before any build
    assert tasks._deploy_problem("deploy@example.org:/var/www/site") == ""
