"""What the quality-gate tests need besides plugins/sitecheck: skipping a test whose tool is
missing (failing it in CI) and planted defects.
"""

import base64
import random

import pytest

from sitecheck.calendars import icaljs_command
from sitecheck.lighthouse import lighthouse_command
from sitecheck.suite import tools_required
from sitecheck.vnu import vnu_command


def require(missing: str) -> None:
    """Skip the test when a tool is ``missing`` (a reason); fail it instead in CI."""
    if not missing:
        return
    if tools_required():
        pytest.fail(f"CI needs this tool: {missing}")
    pytest.skip(missing)


def require_vnu() -> list[str]:
    command, missing = vnu_command()
    require(missing)
    return command


def require_icaljs() -> list[str]:
    command, missing = icaljs_command()
    require(missing)
    return command


def require_lighthouse() -> list[str]:
    command, missing = lighthouse_command()
    require(missing)
    return command


def incompressible_js(size: int) -> str:
    """About ``size`` bytes of JavaScript (a comment) that gzip barely shrinks: a planted defect."""
    data = random.Random(7).randbytes(size * 3 // 4)
    return f"// {base64.b64encode(data).decode()}\n"
