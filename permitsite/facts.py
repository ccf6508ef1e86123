"""Where a policy fact shown to users comes from and when someone last checked it. Pure: no Django.

Every fact the site states about policy carries a Source. A fact nobody has checked against an
official text (no `verified_on`) is shown as "待核实", never as a rule.
"""

import datetime
from dataclasses import dataclass


@dataclass(frozen=True)
class Source:
    text: str
    url: str = ""
    verified_on: datetime.date | None = None

    @property
    def needs_full_stop(self) -> bool:
        """Whether a page shows a "。" after the text (one that ends a sentence already gets none)."""
        return not self.text.rstrip().endswith(("。", "！", "？", "；", ".", "!", "?"))

    @property
    def verified(self) -> bool:
        return self.verified_on is not None

    def as_json(self) -> dict:
        return {
            "text": self.text,
            "url": self.url,
            "verified_on": self.verified_on.isoformat() if self.verified_on else None,
            "verified": self.verified,
        }
