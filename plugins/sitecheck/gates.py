"""Runs quality gates one after the other and reports, for each, whether it passed, failed or
could not run here (and why), how long it took, and every problem it found."""

import time
from collections.abc import Callable
from dataclasses import dataclass, field


@dataclass
class Gate:
    name: str
    run: Callable[[], list[str]]  # one line per problem
    missing: str = ""  # why the gate cannot run on this machine; empty when it can
    covers: str = ""  # what it looks at, for the report


@dataclass
class Outcome:
    gate: Gate
    status: str  # "passed", "failed" or "skipped"
    seconds: float = 0.0
    problems: list[str] = field(default_factory=list)


def run_gates(gates: list[Gate], tools_required: bool = False) -> list[Outcome]:
    """Run every gate; with ``tools_required`` (in CI) a gate that cannot run fails."""
    outcomes = []
    for gate in gates:
        if gate.missing:
            status = "failed" if tools_required else "skipped"
            outcomes.append(Outcome(gate, status, problems=[f"cannot run: {gate.missing}"]))
            continue
        start = time.perf_counter()
        try:
            problems = gate.run()
        except RuntimeError as error:  # the tool itself broke: a failure, never a pass
            problems = [f"the gate could not finish: {error}"]
        seconds = time.perf_counter() - start
        outcomes.append(Outcome(gate, "failed" if problems else "passed", seconds, problems))
    return outcomes


def report(outcomes: list[Outcome]) -> str:
    """A summary table, then the problems of each gate that did not pass."""
    width = max(len(o.gate.name) for o in outcomes)
    lines = []
    for o in outcomes:
        timing = f"{o.seconds:5.1f} s" if o.status != "skipped" else "      "
        note = o.problems[0] if o.status == "skipped" else o.gate.covers
        lines.append(f"  {o.gate.name:<{width}}  {o.status:<7}  {timing}  {note}".rstrip())
    for o in outcomes:
        if o.status == "failed":
            lines += ["", f"{o.gate.name}: {len(o.problems)} problem(s)"]
            lines += [f"  {problem}" for problem in o.problems]
    return "\n".join(lines)
