"""Command-line values converted without pydantic where the answer is already plain.

Typer 0.29 converts every parameter through a pydantic ``TypeAdapter``, built the first time
the parameter is processed -- even when it was not given (its value is ``None``). Importing
pydantic and building those adapters costs about as much as the rest of ``occupations
search``, and most of our parameters are strings that need no conversion at all.

``install()`` puts a stand-in in front of Typer's conversion: a value that is ``None``, a string
for a ``str`` parameter, a number written in plain digits for an unbounded ``int``, an existing
choice of an ``Enum``/``Literal`` or a path is converted here, with Typer's own helpers where
it has them; anything else (and every failure, so its message stays Typer's) goes to Typer's
own conversion, built then. If Typer's internals change shape, ``install()`` does nothing and
every value goes through Typer as before.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any, get_args, get_origin

_DIGITS = re.compile(r"-?[0-9]{1,18}")
_DECIMAL = re.compile(r"-?[0-9]{1,15}(\.[0-9]{1,15})?")
_UNCONVERTED = object()


def _plain(value: Any, descriptor: Any, ctx: Any, param: Any) -> Any:
    """``value`` converted as Typer would, or ``_UNCONVERTED`` when Typer must do it."""
    from typer import _param_types

    annotation, info = descriptor.annotation, descriptor.parameter_info
    if getattr(info, "parser", None) is not None:
        return _UNCONVERTED
    if annotation in (int, float):
        if type(value) is annotation:
            number = value
        elif isinstance(value, str) and (_DIGITS if annotation is int else _DECIMAL).fullmatch(
            value
        ):
            number = annotation(value)
        else:
            return _UNCONVERTED
        low, high = info.min, info.max
        inside = (low is None or number >= low) and (high is None or number <= high)
        return number if inside else _UNCONVERTED
    if not isinstance(value, str):
        return _UNCONVERTED
    if annotation is str:
        return value
    choices = _param_types.choice_coercion_annotation(annotation, info)
    if choices is not None:
        try:
            return _param_types.coerce_cli_choice(
                value, choices=choices[0], case_sensitive=choices[1], ctx=ctx
            )
        except ValueError:
            return _UNCONVERTED
    if annotation is Path and value and info.path_type in (None, Path):
        # Typer's path checks (exists, file_okay, ...), given a Path so it needs no adapter.
        return _param_types.coerce_cli_path(Path(value), info, path_type=Path, param=param, ctx=ctx)
    return _UNCONVERTED


def install() -> None:
    """Convert plain command-line values without building pydantic adapters (see above)."""
    try:
        from typer import _coercion, core

        base: Any = _coercion.RuntimeParam
        build: Any = _coercion.build_runtime_param
        parameter: Any = core._TyperParameter
        parameter.get_runtime_param  # noqa: B018  (the method replaced below)
        base.coerce  # noqa: B018
    except (ImportError, AttributeError):  # pragma: no cover  (another Typer: leave it be)
        return

    class PlainFirst(base):  # type: ignore[misc]
        """Typer's conversion, built only for a value that is not plain."""

        def _coerce_value(self, value: Any, param: Any, ctx: Any) -> Any:
            descriptor = param.type_descriptor
            if isinstance(value, list | tuple):
                strings = get_origin(descriptor.annotation) is list and get_args(
                    descriptor.annotation
                ) == (str,)
                if strings and all(isinstance(item, str) for item in value):
                    return list(value)
            else:
                found = _plain(value, descriptor, ctx, param)
                if found is not _UNCONVERTED:
                    return found
            typer_own = self.__dict__.get("typer_own")
            if typer_own is None:
                typer_own = build(descriptor)
                object.__setattr__(self, "typer_own", typer_own)  # a frozen dataclass
            return typer_own._coerce_value(value, param=param, ctx=ctx)

    def get_runtime_param(self: Any) -> Any:
        if self._runtime_param is None:
            self._runtime_param = PlainFirst(
                parameter_info=self.type_descriptor.parameter_info,
                annotation=self.type_descriptor.annotation,
            )
        return self._runtime_param

    parameter.get_runtime_param = get_runtime_param
