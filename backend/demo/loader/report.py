"""What a demo load did, counted per kind of row."""

from collections import Counter
from dataclasses import dataclass, field


@dataclass(frozen=True)
class DemoLogin:
    email: str
    password: str
    role: str


@dataclass
class DemoLoadReport:
    created: Counter = field(default_factory=Counter)
    updated: Counter = field(default_factory=Counter)
    logins: list[DemoLogin] = field(default_factory=list)
    # (code, name) of each promo code the demo offers.
    promo_codes: list[tuple[str, str]] = field(default_factory=list)
    seconds: float = 0.0

    @property
    def changed(self) -> bool:
        return bool(+self.created or +self.updated)

    def record(self, kind: str, *, created: bool = False, updated: bool = False):
        if created:
            self.created[kind] += 1
        elif updated:
            self.updated[kind] += 1

    def summary_lines(self) -> list[str]:
        """Return one line per kind of row created or updated."""
        lines = []
        for kind in sorted(set(self.created) | set(self.updated)):
            parts = []
            if self.created[kind]:
                parts.append(f"{self.created[kind]} created")
            if self.updated[kind]:
                parts.append(f"{self.updated[kind]} updated")
            lines.append(f"  {kind}: {', '.join(parts)}")
        return lines
