"""Errors and warnings of core, as translatable messages.

Core has no Qt, so it cannot call tr(). Instead every user-visible text is a `Message`: an
English template (a string literal at the call site, collected into the .ts files by
resources/i18n/update_ts.py) and its parameters. Processing and gui translate the template
and then fill in the parameters; str() gives the English text.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True)
class Message:
    template: str
    params: dict[str, Any] = field(default_factory=dict)

    def render(self, translate: Callable[[str], str] = lambda text: text) -> str:
        """The text with the template (and nested messages) passed through `translate`."""
        return translate(self.template).format(
            **{key: _render_value(value, translate) for key, value in self.params.items()}
        )

    def __str__(self) -> str:
        return self.render()


def _render_value(value: Any, translate: Callable[[str], str]) -> Any:
    if isinstance(value, Message):
        return value.render(translate)
    if isinstance(value, (list, tuple)) and value and all(isinstance(v, Message) for v in value):
        return "; ".join(v.render(translate) for v in value)
    return value


def message(template: str, **params: Any) -> Message:
    return Message(template, params)


class GridInputError(ValueError):
    """Input the plugin cannot use as given. The message names the feature(s) and the fix."""

    def __init__(self, template: str, feature_ids: Sequence[int] = (), **params: Any):
        self.message = Message(template, params)
        self.feature_ids = tuple(feature_ids)
        super().__init__(str(self.message))


class Cancelled(Exception):
    """The user cancelled; whatever was computed is dropped and nothing is written."""
