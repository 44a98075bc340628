"""All records of one build, by type and id, the resolution of references between them, and
the records as one language sees them (:class:`LanguageView`)."""

from .fields import did_you_mean
from .schema import Field, RecordType
from .translations import Untranslated


class Store:
    """Records by type and id, originals and their translations."""

    def __init__(self, types: list[RecordType]):
        self.types = {t.name: t for t in types}
        self._records: dict[str, dict] = {t.name: {} for t in types}
        self._translations: dict[str, dict] = {t.name: {} for t in types}
        self._skipped: dict[str, set] = {t.name: set() for t in types}

    def add(self, record, translation: bool = False) -> object | None:
        """Add ``record`` (an original, or a ``translation`` of the original with its id);
        return the record that already holds its id and language, if any."""
        if translation:
            others = self._translations[record.record_type.name].setdefault(record.id, [])
            clash = next((o for o in others if o.lang == record.lang), None)
            if clash is None:
                others.append(record)
            return clash
        existing = self._records[record.record_type.name].setdefault(record.id, record)
        return None if existing is record else existing

    def orphans(self, type_name: str) -> list:
        """Translations whose original is not in the store (never written, or skipped)."""
        known = self._records[type_name]
        translations = self._translations[type_name].items()
        return [t for key, found in translations if key not in known for t in found]

    def skip(self, type_name: str, record_id: str) -> None:
        """Remember a record left out for its errors, so references to it add no second error."""
        self._skipped[type_name].add(record_id)
        self._records[type_name].pop(record_id, None)

    def was_skipped(self, type_name: str, record_id: str) -> bool:
        """Whether the record was left out for its own errors (already reported)."""
        return record_id in self._skipped.get(type_name, ())

    def get(self, type_name: str, record_id: str):
        return self._records.get(type_name, {}).get(record_id)

    def all(self, type_name: str) -> list:
        records = list(self._records.get(type_name, {}).values())
        order = self.types[type_name].order_by if type_name in self.types else None
        return sorted(records, key=order) if order else records

    def translations(self, record) -> list:
        return self._translations[record.record_type.name].get(record.id, [])

    def in_language(self, record, lang: str):
        """``record`` (an original) or its translation in ``lang``, or None."""
        if record.lang == lang:
            return record
        return next((t for t in self.translations(record) if t.lang == lang), None)

    def resolve(self, fields: tuple[Field, ...], values: dict) -> list[tuple[str, str, str]]:
        """Replace ids by records in ``values``; return a (field, message, fix) per unknown id."""
        problems = []
        for declared in fields:
            target = declared.target
            value = values.get(declared.name)
            if target not in self.types or value is None:
                continue
            known = self._records[target]
            target_type = self.types[target]
            fix = "use " + target_type.id_help.format(folder=target_type.folder)
            found = []
            for record_id in value if isinstance(value, list) else [value]:
                if record_id in known:
                    found.append(known[record_id])
                elif record_id not in self._skipped[target]:
                    problems.append(
                        (
                            declared.name,
                            f'"{record_id}" is not a known {target}'
                            + did_you_mean(record_id, known),
                            fix,
                        )
                    )
            values[declared.name] = (
                found if isinstance(value, list) else (found[0] if found else None)
            )
        return problems


class LanguageView:
    """The records as the pages of one language show them: each original's translation in
    that language, else the original itself as an :class:`Untranslated` stand-in (or nothing,
    when untranslated content is hidden). Exposed to templates as ``records``.

    ``address`` gives a stand-in its address: ``(record, lang) -> (url, save_as)``. The same
    record always comes back as the same object, so that derived data can compare records.
    """

    def __init__(self, store: Store, lang: str, show_untranslated: bool, address):
        self.store = store
        self.lang = lang
        self.types = store.types
        self._show = show_untranslated
        self._address = address
        self._seen: dict[tuple[str, str], object] = {}

    def localise(self, record):
        """The view's version of ``record`` (an original), or None."""
        key = (record.record_type.name, record.id)
        if key not in self._seen:
            found = self.store.in_language(record, self.lang)
            if found is None and self._show:
                found = Untranslated(record, self.lang, *self._address(record, self.lang))
            self._seen[key] = found
        return self._seen[key]

    def all(self, type_name: str) -> list:
        found = (self.localise(record) for record in self.store.all(type_name))
        return [record for record in found if record is not None]

    def get(self, type_name: str, record_id: str):
        record = self.store.get(type_name, record_id)
        return None if record is None else self.localise(record)

    def translations(self, record) -> list:
        """Each language is a view of its own: no record has others here."""
        return []

    def skip(self, type_name: str, record_id: str) -> None:
        self.store.skip(type_name, record_id)

    def was_skipped(self, type_name: str, record_id: str) -> bool:
        return self.store.was_skipped(type_name, record_id)
