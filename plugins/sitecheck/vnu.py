"""HTML validity: the W3C Nu HTML Checker (vnu.jar, from the npm package ``vnu-jar``) over
whole output folders, in one Java process whatever the number of pages."""

import json
import os
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote, urlsplit

ROOT = Path(__file__).resolve().parents[2]
VNU_JAR = ROOT / "node_modules/vnu-jar/build/dist/vnu.jar"


@dataclass(frozen=True)
class Message:
    path: Path
    line: int
    column: int
    text: str

    def relative_to(self, folder: Path) -> str:
        name = os.path.relpath(self.path, folder)
        return f"{name}:{self.line}:{self.column}: {self.text}"


# Java with only its quick compiler (C1): the same messages for half the processor time of a
# run over two demo builds; C1's deeper frames need a larger thread stack.
QUICK_JVM = ("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xss8m")


def vnu_command() -> tuple[list[str] | None, str]:
    """The command that starts the checker, or None and what is missing."""
    java = shutil.which(os.environ.get("JAVA", "java"))
    if not java:
        return None, "java not found (Debian package: default-jre-headless)"
    if not VNU_JAR.is_file():
        return None, f"{VNU_JAR.relative_to(ROOT)} not found (run `npm ci`)"
    return [java, *QUICK_JVM, "-jar", str(VNU_JAR)], ""


def validate(*folders: Path, command: list[str] | None = None) -> list[Message]:
    """Every error the checker finds in the HTML pages and stylesheets under ``folders``."""
    command = command or vnu_command()[0]
    if command is None:
        raise RuntimeError(vnu_command()[1])
    result = subprocess.run(
        [
            *command,
            "--errors-only",
            "--format",
            "json",
            "--stdout",
            "--exit-zero-always",
            "--skip-non-html",
            "--also-check-css",
            *[str(Path(folder).resolve()) for folder in folders],
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    try:
        report = json.loads(result.stdout)
    except json.JSONDecodeError:
        raise RuntimeError(f"the Nu checker failed: {result.stderr or result.stdout}") from None
    return [
        Message(
            Path(unquote(urlsplit(m.get("url", "")).path)),
            m.get("lastLine", 0),
            m.get("firstColumn", m.get("lastColumn", 0)),
            m["message"] if m["type"] == "error" else f"{m['type']}: {m['message']}",
        )
        for m in report["messages"]
    ]


def html_problems(output: Path) -> list[str]:
    """One line per validity error in the built site at ``output``."""
    root = Path(output).resolve()
    return [message.relative_to(root) for message in validate(root)]
