"""Exercises for a person who does not yet know where to go: an interest inventory (Holland's
six RIASEC types), a work-importance sort, and matching both against the occupation pack.

Results live in the home's ``instruments.toml`` (``store``); ``interests`` and
``work_values`` are pure, ``matching`` reads the pack only when it is asked to rank.
"""
