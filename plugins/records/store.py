"""All records of one build, by type and id, and the resolution of references between them."""

from .fields import did_you_mean
from .schema import Field, RecordType


class Store:
    """Records by type and id. Exposed to templates as ``records``: ``records.all("partner")``."""

    def __init__(self, types: list[RecordType], default_lang: str):
        self.types = {t.name: t for t in types}
        self.default_lang = default_lang
        self._records: dict[str, dict] = {t.name: {} for t in types}
        self._translations: dict[str, dict] = {t.name: {} for t in types}
        self._skipped: dict[str, set] = {t.name: set() for t in types}

    def add(self, record) -> object | None:
        """Add ``record``; return the record that already holds its id and language, if any."""
        if record.lang != self.default_lang:
            others = self._translations[record.record_type.name].setdefault(record.id, [])
            clash = next((o for o in others if o.lang == record.lang), None)
            if clash is None:
                others.append(record)
            return clash
        existing = self._records[record.record_type.name].setdefault(record.id, record)
        return None if existing is record else existing

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
