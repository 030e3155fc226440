"""briefer: a short, dated, topic-organised brief from many news articles on one story.

The public API: `build_brief`, `summarize`, `write_brief`, `load_options` and `load_settings` (briefer.config),
the records in `briefer.model` and the errors in `briefer.errors`. Heavy modules load lazily so that
`briefer --help` starts fast.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

__all__ = ["Brief", "BriefOptions", "BrieferError", "Settings", "build_brief", "load_options", "load_settings",
           "summarize", "write_brief"]

_LAZY = {
    "build_brief": "briefer.pipeline",
    "summarize": "briefer.pipeline",
    "write_brief": "briefer.deliver.render",
    "BriefOptions": "briefer.config",
    "Settings": "briefer.config",
    "load_options": "briefer.config",
    "load_settings": "briefer.config",
    "Brief": "briefer.model",
    "BrieferError": "briefer.errors",
}

if TYPE_CHECKING:
    from briefer.config import BriefOptions, Settings, load_options, load_settings
    from briefer.deliver.render import write_brief
    from briefer.errors import BrieferError
    from briefer.model import Brief
    from briefer.pipeline import build_brief, summarize


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        import importlib

        return getattr(importlib.import_module(_LAZY[name]), name)
    raise AttributeError(f"module 'briefer' has no attribute {name!r}")
