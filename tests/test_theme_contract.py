"""The theme's contract (theme/README.md, "Templates" and "Records") holds the code to its word:
every template is listed; a record's fields are its declarations; its derived data are what
the plugins set under ``view``; and no template reads an attribute of a record that the
contract does not list. A template that reads something new fails here until the README says
what it is, so the contract cannot drift from the theme."""

import re
from pathlib import Path

import pytest
from jinja2 import Environment, nodes
from pelican import signals
from pelican.contents import Content

from records.builtin import RECORD_KEYS
from tests.conftest import ROOT, write_files

README = ROOT / "theme" / "README.md"
TEMPLATES = ROOT / "theme" / "templates"
KINDS = ("campaign", "edition", "event", "partner")
ANY = "item"  # what every record (and every page's item) has
ROW = re.compile(r"^\| `([a-z_]+(?:\.[a-z_]+)+)` \| ([^|]+) \|", re.MULTILINE)
# The "is" of a value that is a record, or a list of records: "edition or none",
# "list of editions".
RECORD_VALUE = re.compile(rf"^(list of )?({'|'.join(KINDS)})s?( or none)?$")


def section(text: str, title: str) -> str:
    start = text.index(f"\n{title}\n")
    end = text.find("\n### ", start + len(title) + 2)
    return text[start : end if end > 0 else None]


class Contract:
    """What theme/README.md says a template may read on each kind of record."""

    def __init__(self, text: str):
        records = section(text, "### Records")
        self.rows: dict[str, str] = {name: kind.strip() for name, kind in ROW.findall(records)}
        names = records.split("| name in templates | kind |", 1)[1].split("\n\n", 1)[0]
        self.names = {}  # a template's variable name -> the kind of record it holds
        for line in names.strip().splitlines()[1:]:
            cells = [c.strip() for c in line.strip("|").split("|")]
            kind = cells[1] if cells[1] in KINDS else ANY
            for name in re.findall(r"`([a-z_]+)`", cells[0]):
                self.names[name] = kind
        self.templates = set(re.findall(r"^\| `([^`]+\.html)`", section(text, "## Templates")))
        for listed in re.findall(r"^\| (`[^|]+`) \|", section(text, "## Templates"), re.M):
            self.templates.update(re.findall(r"`([^`]+\.html)`", listed))

    def listed(self, owner: str) -> dict[str, str]:
        """``{attribute: is}`` for ``owner``: a kind (``edition``), a view (``edition.view``)
        or ``item``."""
        depth = owner.count(".") + 1
        return {
            name.split(".")[depth]: kind
            for name, kind in self.rows.items()
            if name.startswith(owner + ".") and name.count(".") == depth
        }

    def allowed(self, owner: str) -> set[str]:
        if owner.endswith(".view") or owner == ANY:
            return set(self.listed(owner))
        return set(self.listed(owner)) | set(self.listed(ANY)) | {"view"}

    def kind_of(self, owner: str, attribute: str) -> tuple[str | None, bool]:
        """The kind of record ``owner.attribute`` holds, and whether it is a list of them."""
        if owner in KINDS and attribute == "view":
            return f"{owner}.view", False
        found = RECORD_VALUE.match(self.listed(owner).get(attribute, ""))
        return (found[2], bool(found[1])) if found else (None, False)


@pytest.fixture(scope="module")
def contract() -> Contract:
    return Contract(README.read_text(encoding="utf-8"))


def template_files() -> list[Path]:
    return sorted(TEMPLATES.rglob("*.html"))


# Reading the templates ----------------------------------------------------------------------


class Reads:
    """Walks one template in order, knowing what kind of record each variable holds (by its
    name, or by what a ``set`` or a ``for`` gave it), and notes each attribute read on a
    record or a view that the contract does not list."""

    def __init__(self, contract: Contract, name: str):
        self.contract = contract
        self.name = name
        self.unlisted: set[str] = set()

    def kind(self, node, scope: dict) -> tuple[str | None, bool]:
        if isinstance(node, nodes.Name):
            if node.name in scope:
                return scope[node.name]
            return self.contract.names.get(node.name), False
        if isinstance(node, nodes.Getattr):
            owner, many = self.kind(node.node, scope)
            if owner and not many:
                return self.contract.kind_of(owner, node.attr)
        return None, False

    def visit(self, node, scope: dict) -> None:
        if isinstance(node, nodes.Assign):
            self.visit(node.node, scope)
            if isinstance(node.target, nodes.Name):
                found = self.kind(node.node, scope)
                if found[0]:
                    scope[node.target.name] = found
                else:
                    scope.pop(node.target.name, None)  # back to what its name says
            return
        if isinstance(node, nodes.For):
            self.visit(node.iter, scope)
            inner = dict(scope)
            owner, many = self.kind(node.iter, scope)
            if isinstance(node.target, nodes.Name):
                inner.pop(node.target.name, None)
                if owner and many:
                    inner[node.target.name] = (owner, False)
            tests = [node.test] if node.test else []
            for child in (*node.body, *tests):
                self.visit(child, inner)
            for child in node.else_:
                self.visit(child, scope)
            return
        if isinstance(node, nodes.Macro):
            inner = {k: v for k, v in scope.items() if k not in {a.name for a in node.args}}
            for child in node.body:
                self.visit(child, inner)
            return
        if isinstance(node, nodes.Getattr):
            owner, many = self.kind(node.node, scope)
            if owner and not many and node.attr not in self.contract.allowed(owner):
                self.unlisted.add(f"{self.name}: {owner}.{node.attr}")
        for child in node.iter_child_nodes():
            self.visit(child, scope)


def unlisted_reads(contract: Contract, path: Path) -> set[str]:
    env = Environment(extensions=["jinja2.ext.i18n"])
    tree = env.parse(path.read_text(encoding="utf-8"))
    reads = Reads(contract, template_name(path))
    reads.visit(tree, {})
    return reads.unlisted


def template_name(path: Path) -> str:
    return path.relative_to(TEMPLATES).as_posix()


@pytest.mark.parametrize("path", template_files(), ids=template_name)
def test_template_reads_only_what_the_contract_lists(contract, path):
    assert unlisted_reads(contract, path) == set()


def test_the_contract_test_catches_an_unlisted_read(contract, tmp_path):
    """A planted read of each sort: on a record, on a view, through a set and a loop."""
    template = tmp_path / "planted.html"
    template.write_text(
        "{{ campaign.next }}{{ edition.view.title }}"
        "{% set shown = campaign.view.latest_edition %}{{ shown.date }}"
        "{% for earlier in campaign.view.earlier_editions %}{{ earlier.number }}{% endfor %}"
        "{{ edition.campaign.current_edition }}{{ partner.history }}",
        encoding="utf-8",
    )
    env = Environment()
    reads = Reads(contract, "planted.html")
    reads.visit(env.parse(template.read_text()), {})
    assert reads.unlisted == {
        "planted.html: campaign.next",
        "planted.html: edition.view.title",
        "planted.html: edition.date",
        "planted.html: edition.number",
        "planted.html: campaign.current_edition",
        "planted.html: partner.history",
    }


def test_every_template_and_partial_is_listed(contract):
    files = {template_name(path) for path in template_files()}
    assert files - contract.templates == set(), "templates missing from theme/README.md"
    assert contract.templates - files == set(), "theme/README.md lists templates that are gone"


# The contract against the code --------------------------------------------------------------


def declared_types() -> dict:
    from campaigns.schema import CAMPAIGN, EDITION  # noqa: PLC0415
    from events.schema import EVENT  # noqa: PLC0415
    from partners.schema import partner_type  # noqa: PLC0415
    from partners.settings import PartnerSettings  # noqa: PLC0415

    partner = partner_type(PartnerSettings.from_pelican({}))
    return {"campaign": CAMPAIGN, "edition": EDITION, "event": EVENT, "partner": partner}


@pytest.mark.parametrize("kind", KINDS)
def test_the_contract_lists_exactly_the_declared_fields(contract, kind):
    declared = {field.attribute for field in declared_types()[kind].fields}
    listed = set(contract.listed(kind))
    assert listed == declared


def test_every_record_key_is_among_what_every_record_has(contract):
    assert {field.attribute for field in RECORD_KEYS} <= set(contract.listed(ANY))


SITE = {
    "campaigns/day/index.md": """
        Title: A day
        Day: 02-08
        Organizers: network
        Website: https://example.org/day/
    """,
    "campaigns/day/2026.md": """
        Theme: A theme
        Partners: network
        Online-event: gathering
    """,
    "events/gathering.md": """
        Title: The gathering
        Start: 2026-02-06 11:00
        Timezone: Europe/Rome
        Location: Online
        Campaign: day
        Edition: 2026
    """,
    "partners/network.md": """
        Title: The network
        Website: https://example.org/
    """,
}
PLUGINS = ("records", "i18n", "events", "campaigns", "media", "partners", "news")


@pytest.fixture(scope="module")
def records(tmp_path_factory):
    """One record of each kind, built with every plugin: {kind: the record}."""
    import os  # noqa: PLC0415

    from tests.conftest import FIXED_EPOCH, run_pelican  # noqa: PLC0415

    found = {}

    def keep(generators):
        store = next(g.context["records"] for g in generators if "records" in g.context)
        for kind in KINDS:
            found[kind] = store.all(kind)[0]

    root = tmp_path_factory.mktemp("contract")
    content = write_files(root / "content", SITE)
    os.environ["SOURCE_DATE_EPOCH"] = FIXED_EPOCH
    signals.all_generators_finalized.connect(keep)
    try:
        build = run_pelican(
            content,
            root / "output",
            PLUGINS=list(PLUGINS),
            LANGUAGES={"en": {"locale": "en_GB"}},
            MEDIA_WORKERS=1,
        )
    finally:
        signals.all_generators_finalized.disconnect(keep)
    assert build.issues == []
    return found


@pytest.mark.parametrize("kind", KINDS)
def test_the_contract_lists_exactly_what_the_view_holds(contract, records, kind):
    public = {name for name in dir(records[kind].view) if not name.startswith("_")}
    assert set(contract.listed(f"{kind}.view")) == public


# What Pelican's readers and the records core keep on a record for their own use.
READ = {"reader", "record_type", "file_keys", "read_problems"}


@pytest.mark.parametrize("kind", KINDS)
def test_plugins_derive_nothing_on_a_record_but_under_view(contract, records, kind):
    """Besides its fields, its file's keys, Pelican's own attributes and what every record
    has, a record carries only its view: no derived value sits beside the fields."""
    record = records[kind]
    pelican = set(vars(Content("", {"title": "Any"})))
    fields = {field.attribute for field in declared_types()[kind].fields}
    expected = fields | set(record.metadata) | pelican | READ | set(contract.listed(ANY))
    assert set(vars(record)) - expected == {"view"}
