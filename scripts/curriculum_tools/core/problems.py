"""Problems found in content, and the result that collects them."""

from __future__ import annotations

from dataclasses import dataclass, field

ERROR = "error"
WARNING = "warning"


@dataclass(frozen=True, order=True)
class Problem:
    path: str
    line: int
    col: int
    message: str
    rule: str
    severity: str = ERROR

    def __post_init__(self):
        # one problem, one line: reporters and annotations rely on it
        object.__setattr__(self, "message", " ".join(str(self.message).split()))
        object.__setattr__(self, "line", max(1, int(self.line)))
        object.__setattr__(self, "col", max(1, int(self.col)))

    def as_dict(self) -> dict:
        return {
            "path": self.path,
            "line": self.line,
            "col": self.col,
            "message": self.message,
            "rule": self.rule,
            "severity": self.severity,
        }


@dataclass
class Result:
    problems: list[Problem] = field(default_factory=list)
    files_checked: int = 0

    def add(self, problem: Problem) -> None:
        self.problems.append(problem)

    def extend(self, problems) -> None:
        self.problems.extend(problems)

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.severity == ERROR]

    @property
    def warnings(self) -> list[Problem]:
        return [p for p in self.problems if p.severity == WARNING]

    def sorted(self) -> list[Problem]:
        return sorted(set(self.problems), key=lambda p: (p.path, p.line, p.col, p.rule, p.message))

    def failed(self, strict: bool = False) -> bool:
        return bool(self.errors) or (strict and bool(self.warnings))


class ContentError(Exception):
    """Raised by the loader for a file that cannot be read at all; carries one problem."""

    def __init__(self, problem: Problem):
        super().__init__(problem.message)
        self.problem = problem
