"""What each page was made from, so that a later build renders only the pages whose inputs changed.

While a page's template renders, the core notes what it read (:class:`Reads`):

- every name of the page's context the template looked up (``article``, ``articles_page``,
  ``SITEURL``, ``campaigns``…): Jinja resolves each through :class:`ReadingContext`;
- every content object (news post, page, record, or an original shown untranslated) whose
  attributes were read, by the template or by any filter or function it called, and which
  attributes: their class's attribute lookup notes the object and the name while a page
  renders (:func:`noting_reads`), a property's or method's own lookups on the object included.

The record of a page (:class:`PageRecord`) keeps a digest of each name's value and, for each
object, of the attributes it read (:class:`Fingerprints`): each one's value as the object holds
it, or that the object holds none (a method, a property, a name it lacks). A page that read an
object's ``__dict__`` (``vars``) depends on its whole state instead: everything it holds, its
file's text and fields and what the plugins derived onto it. Reading per attribute matters: every
news page reads each partner's title (is the author an organisation?), and would otherwise render
again whenever anything derived onto a partner changed (an event naming it). Another content
object a value refers to counts by its identity (kind, file, language) only, as that object is
noted on its own if the page reads it. A value's digest is taken through lists, dicts,
dataclasses and plain objects alike.

The next build, before rendering a page whose record it has, takes the same digests of what the
same names and objects hold now. When every one is the same, the template, the theme, the kit's
code and the settings being the same too (the record is kept beside Pelican's cache, whose folder
is named after the code and settings, and it names the theme's digest), the page would come
out byte for byte as it is: the writer keeps the file it wrote last time instead (see
:class:`records.writer.Writer`). A value the digests cannot see into (an object with no state
to read) makes its pages render every time: a missed change would be a stale page, an extra
render only costs time.
"""

import contextlib
import dataclasses
import functools
import hashlib
import os
import pickle
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from babel import Locale
from jinja2.runtime import Context
from markupsafe import Markup
from pelican.contents import Content
from pelican.urlwrappers import URLWrapper

from .cache import output_file
from .translations import Untranslated

RECORDS_FILE = "pages-{output}.pickle"
# Bump when what a record holds, or how a digest is taken, changes.
FORMAT = 2

_reading = None  # the Reads of the page being rendered, if any


class Reads:
    """What one page's template read while it rendered."""

    __slots__ = ("inputs", "names", "objects")

    def __init__(self, inputs: dict):
        self.inputs = inputs  # the page's context, as the writer gave it
        self.names: set[str] = set()
        self.objects: dict[int, tuple[object, set[str]]] = {}  # id -> (object, names read)


def _noting_getattribute(self, name):
    reading = _reading
    if reading is not None:
        found = reading.objects.get(id(self))
        if found is None:
            found = reading.objects[id(self)] = (self, set())
        found[1].add(name)
    return object.__getattribute__(self, name)


class ReadingContext(Context):
    """Jinja's context, noting the page's names a template looks up (``env.context_class``)."""

    def resolve_or_missing(self, key):
        value = super().resolve_or_missing(key)
        reading = _reading
        if reading is not None and key not in reading.names:
            inputs = reading.inputs
            if key in inputs and inputs[key] is value:
                reading.names.add(key)
        return value


class noting_reads:
    """``with noting_reads(context) as reads:`` render one page; ``reads`` then says what it
    read. The content classes note their objects only inside the block: attribute lookups on
    them cost a function call more while a page renders, none at any other time. Pelican's
    ``Content`` has no hook for this, so its ``__getattribute__`` is set for the block."""

    def __init__(self, inputs: dict):
        self.reads = Reads(inputs)

    def __enter__(self) -> Reads:
        global _reading
        _reading = self.reads
        Content.__getattribute__ = _noting_getattribute
        Untranslated.__getattribute__ = _noting_getattribute
        return self.reads

    def __exit__(self, *exc) -> None:
        global _reading
        _reading = None
        del Content.__getattribute__
        del Untranslated.__getattribute__


# Digests ---------------------------------------------------------------------------------

_LEAVES = (str, bytes, int, float, bool, type(None), Markup)
_TIMES = (datetime, date, time, timedelta)
# What a content object holds that is not its own state: the build's settings and context
# (named by the code and settings, and by each name the page reads), and Pelican's links back.
_NOT_STATE = frozenset({"settings", "_context", "context"})
_WHOLE = "__dict__"  # read: the page depends on everything the object holds


def _h(*parts: str) -> bytes:
    return hashlib.blake2b("\0".join(parts).encode(), digest_size=16).digest()


def content_key(item) -> str | None:
    """The identity of a content object from one build to the next: its kind, file and
    language (an original shown untranslated: the original's, and the language shown in)."""
    if isinstance(item, Untranslated):
        inner = content_key(item.__dict__["original"])
        return inner and f"untranslated:{inner}:{item.__dict__['in_language']}"
    path = item.__dict__.get("source_path")
    if not path:
        return None
    return f"{type(item).__name__}:{os.path.basename(path)}:{path}:{item.__dict__.get('lang')}"


@functools.cache
def _cached_names(kind: type) -> frozenset:
    """Attributes that a class computes on first use (``functools.cached_property``): whether
    they are there yet says when they were first read, not what the object holds."""
    return frozenset(
        name
        for klass in kind.__mro__
        for name, value in vars(klass).items()
        if isinstance(value, functools.cached_property)
    )


class Opaque(Exception):
    """A value whose state the digests cannot see: its pages render every time."""


class Fingerprints:
    """Digests of values and content objects as one language shows them while pages are written.

    Memoised by object: nothing changes while a language's pages are written. Each digested
    object is held until the language is done, so that its ``id`` is never another's.
    """

    def __init__(self, settings: dict, context: dict):
        self.settings = settings
        self.context = context
        self._values: dict[int, tuple[object, bytes]] = {}
        self._open: dict[int, int] = {}  # the objects being digested, by depth
        self._back = 1  # the least depth an object below pointed back to
        self._states: dict[int, tuple[object, bytes]] = {}
        self._read: dict[tuple[int, tuple[str, ...]], tuple[object, bytes]] = {}
        self._shared: dict = {}
        self._index: dict[str, object] = {}
        self._scanned = False

    # An object's digest, as a value inside another: content objects by identity only.
    def value(self, value) -> bytes:
        kind = type(value)
        if kind in _LEAVES or isinstance(value, _LEAVES):
            return _h(kind.__name__, repr(value))
        if isinstance(value, _TIMES):
            return _h(kind.__name__, repr(value))
        found = self._values.get(id(value))
        if found is not None:
            return found[1]
        if isinstance(value, Content | Untranslated):
            key = content_key(value)
            if key is None:
                raise Opaque(repr(value))
            self._index.setdefault(key, value)
            digest = self._values[id(value)] = (value, _h("content", key))
            return digest[1]
        # An object met again while it is still being digested (a month's next month, whose
        # previous is that month) is written as how far up it is; what is digested below such
        # an object describes it only as seen from there, and is not kept for another root.
        position = self._open.get(id(value))
        if position is not None:
            self._back = min(self._back, position)
            return _h("back", str(len(self._open) - position))
        depth = len(self._open)
        outer, self._back = self._back, depth + 1
        self._open[id(value)] = depth
        try:
            digest = self._value(value, kind)
        finally:
            del self._open[id(value)]
            inner, self._back = self._back, outer
        if inner >= depth:
            self._values[id(value)] = (value, digest)
        else:
            self._back = min(outer, inner)
        return digest

    def _value(self, value, kind) -> bytes:  # noqa: PLR0911 (one return per kind of value)
        if value is self.settings:
            return _h("settings")
        if value is self.context:
            return _h("context")
        if isinstance(value, URLWrapper):
            return _h(kind.__name__, value.name, value.slug)
        if isinstance(value, ZoneInfo):
            return _h("zone", str(value.key))
        if isinstance(value, Locale):  # its data is loaded when first used: not its state
            return _h("locale", str(value))
        if isinstance(value, list | tuple):
            return _h(kind.__name__, *(self.value(item).hex() for item in value))
        if isinstance(value, set | frozenset):
            return _h("set", *sorted(self.value(item).hex() for item in value))
        if isinstance(value, dict):
            pairs = (self.value(k).hex() + self.value(v).hex() for k, v in value.items())
            return _h("dict", *pairs)
        if isinstance(value, type) or (callable(value) and not hasattr(value, "__dict__")):
            module, name = getattr(value, "__module__", ""), getattr(value, "__qualname__", "")
            return _h("callable", str(module), str(name))
        return _h(kind.__module__, kind.__qualname__, self._fields(value, kind).hex())

    def _fields(self, value, kind) -> bytes:
        if dataclasses.is_dataclass(value):
            names = [f.name for f in dataclasses.fields(value)]
            return _h(*(self.value(getattr(value, name)).hex() for name in names))
        state = getattr(value, "__dict__", None)
        slots = [name for klass in kind.__mro__ for name in getattr(klass, "__slots__", ()) or ()]
        if state is None and not slots:
            if callable(value):
                return _h("callable", getattr(value, "__qualname__", kind.__qualname__))
            text = repr(value)
            if " at 0x" in text:
                raise Opaque(text)
            return _h(text)
        skip = _cached_names(kind)
        parts = [
            name + self.value(item).hex()
            for name, item in sorted((state or {}).items())
            if name not in skip and name not in _NOT_STATE
        ]
        parts += [name + self.value(getattr(value, name, None)).hex() for name in slots]
        return _h(*parts)

    def state(self, item) -> bytes:
        """A content object's own state: what it holds, other content objects by identity."""
        found = self._states.get(id(item))
        if found is not None:
            return found[1]
        kind = type(item)
        skip = _cached_names(kind)
        state = item.__dict__
        parts = [
            name + self.value(value).hex()
            for name, value in sorted(state.items())
            if name not in skip and name not in _NOT_STATE
        ]
        digest = _h(kind.__qualname__, *parts)
        self._states[id(item)] = (item, digest)
        return digest

    def attributes(self, item, names: tuple[str, ...]) -> bytes:
        """A content object's attributes ``names`` (sorted): each one's value as the object
        holds it, or that it has no such attribute. Its whole :meth:`state` when one of them is
        ``__dict__``, or is computed rather than held (a property, a method: Pelican computes
        a post's summary once per build, so a later page reads ``summary`` and nothing under it)."""
        found = self._read.get((id(item), names))
        if found is not None:
            return found[1]
        kind = type(item)
        skip = _cached_names(kind)
        state = item.__dict__
        parts = []
        for name in names:
            if name in _NOT_STATE or name == "__class__":
                continue
            if name in state and name not in skip:
                parts.append(name + self.value(state[name]).hex())
            elif name == _WHOLE or name in state or hasattr(kind, name):
                parts = None
                break
            else:
                parts.append(name + "-")
        digest = self.state(item) if parts is None else _h(kind.__qualname__, *parts)
        self._read[(id(item), names)] = (item, digest)
        return digest

    def names(self, read: set[str]) -> tuple[str, ...]:
        """``read`` as a sorted tuple, one object for every page that read the same names."""
        return self.shared(tuple(sorted(read)))

    def shared(self, value):
        """One object for every equal ``value`` (a tuple, a string) of this language's records:
        pickle saves an object met again as a reference, so the records of a build are saved
        with each object's identity, each name's digest and each object's names read and
        digest once. At 4,000 posts: 6 MB instead of 43, saved and loaded in 0.3 s instead
        of 1.9."""
        return self._shared.setdefault(value, value)

    def find(self, key: str):
        """The content object with identity ``key`` in this language, or None."""
        if key not in self._index and not self._scanned:
            self._scan()
        return self._index.get(key)

    def _scan(self) -> None:
        """Index the content objects in reach of the context: its lists and dicts, two deep."""
        self._scanned = True

        def visit(value, depth):
            if isinstance(value, Content | Untranslated):
                key = content_key(value)
                if key:
                    self._index.setdefault(key, value)
            elif depth and isinstance(value, list | tuple | set | frozenset):
                for item in value:
                    visit(item, depth - 1)
            elif depth and isinstance(value, dict):
                for item in value.values():
                    visit(item, depth - 1)

        for value in self.context.values():
            visit(value, 3)
        store = self.context.get("records")
        if store is not None:
            for kind in getattr(store, "types", ()):
                name = getattr(kind, "name", kind)
                for record in store.all(name):
                    visit(record, 0)
                    for translation in store.translations(record):
                        visit(translation, 0)


@dataclasses.dataclass(frozen=True)
class PageRecord:
    """What one written page read: its template, each name's digest, and each object's
    identity, the attributes it read and their digest."""

    template: str
    names: tuple[tuple[str, bytes], ...]
    objects: tuple[tuple[str, tuple[str, ...], bytes], ...]
    size: int
    mtime_ns: int


def record(template: str, reads: Reads, prints: Fingerprints, written: os.stat_result):
    """The record of a page just rendered, or None when something it read cannot be digested."""
    try:
        names = tuple(
            sorted(prints.shared((name, prints.value(reads.inputs[name]))) for name in reads.names)
        )
        objects = []
        for item, read in reads.objects.values():
            key = content_key(item)
            if key is None:
                return None
            key = prints.shared(key)
            attributes = prints.names(read)
            objects.append(prints.shared((key, attributes, prints.attributes(item, attributes))))
    except Opaque:
        return None
    return PageRecord(template, names, tuple(sorted(objects)), written.st_size, written.st_mtime_ns)


def unchanged(page: PageRecord, template: str, inputs: dict, prints: Fingerprints) -> bool:
    """Whether every name and object ``page`` read holds what it did."""
    if page.template != template:
        return False
    try:
        for name, digest in page.names:
            if name not in inputs or prints.value(inputs[name]) != digest:
                return False
        for key, attributes, digest in page.objects:
            item = prints.find(key)
            if item is None or prints.attributes(item, attributes) != digest:
                return False
    except Opaque:
        return False
    return True


# The records of a build, from one build to the next ---------------------------------------


def _records_path(settings: dict) -> str:
    return output_file(settings, RECORDS_FILE)


def load(settings: dict, theme: str) -> dict[str, PageRecord]:
    """The last build's page records, if it was made with this theme; else none."""
    try:
        with open(_records_path(settings), "rb") as file:
            saved = pickle.load(file)
    except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ImportError):
        return {}
    if not isinstance(saved, dict) or saved.get("format") != FORMAT or saved.get("theme") != theme:
        return {}
    return saved.get("pages") or {}


def save(settings: dict, theme: str, pages: dict[str, PageRecord]) -> None:
    path = _records_path(settings)
    temporary = f"{path}.tmp"
    with open(temporary, "wb") as file:
        pickle.dump({"format": FORMAT, "theme": theme, "pages": pages}, file, protocol=5)
    os.replace(temporary, path)


def forget(settings: dict) -> None:
    with contextlib.suppress(FileNotFoundError):
        os.unlink(_records_path(settings))
