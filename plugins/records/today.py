"""The build's notion of "now": ``SOURCE_DATE_EPOCH`` when set, so builds are reproducible."""

import os
from datetime import UTC, datetime


def build_now() -> datetime:
    """Return the current instant as an aware UTC datetime, or ``SOURCE_DATE_EPOCH`` if set."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if epoch:
        return datetime.fromtimestamp(int(epoch), tz=UTC)
    return datetime.now(tz=UTC)
