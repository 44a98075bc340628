"""The one kind of error the media core raises for a bad input file."""


class MediaError(ValueError):
    """An input an editor supplied that cannot be published, with what to do instead.

    Shaped like ``records.FieldError`` (``message`` and ``fix``), so a plugin reports it as one
    content issue naming the file and the field: ``partners/x.md: logo: "…" is not an image — …``.
    The message reads after the file's quoted path.
    """

    def __init__(self, message: str, fix: str):
        super().__init__(message)
        self.message = message
        self.fix = fix

    def as_dict(self) -> dict:
        return {"message": self.message, "fix": self.fix}
