"""JSON text as careerpath writes it: two-space indent, UTF-8 as is, dates as ISO text.

The standard library's encoder is pure Python once ``indent`` is given, which is most of the
time of a big ``export --format json``; ``orjson`` (an optional dependency) writes the same text
many times faster, and is used when it is installed.
"""

from __future__ import annotations

from typing import Any

from careerpath.views.report_model import json_value


def dumps(data: Any) -> str:
    """``data`` as indented JSON text ending in a newline."""
    try:
        import orjson
    except ImportError:
        import json

        return json.dumps(data, indent=2, ensure_ascii=False, default=json_value) + "\n"
    options = (
        orjson.OPT_INDENT_2
        | orjson.OPT_NON_STR_KEYS
        | orjson.OPT_PASSTHROUGH_DATETIME  # dates through json_value, as the stdlib path
        | orjson.OPT_PASSTHROUGH_DATACLASS
        | orjson.OPT_APPEND_NEWLINE
    )
    return orjson.dumps(data, default=json_value, option=options).decode("utf-8")
