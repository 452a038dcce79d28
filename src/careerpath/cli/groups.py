"""The command groups beyond the workbook commands: where each lives and its one-line help.

``cli/__init__`` registers them with ``base.defer``, so a group's module is imported and built
only when the group is used; ``--help`` shows these lines without importing anything.
"""

from __future__ import annotations

GROUPS: dict[str, tuple[str, str]] = {
    "target": (
        "targets:target_app",
        "Target jobs you are researching: pay, outlook, and how well each fits your values.",
    ),
    "contact": (
        "contacts:contact_app",
        "People to talk to, every conversation with them, and follow-ups.",
    ),
    "app": (
        "applications:application_app",
        "Applications through the pipeline: interested → applied → screening → interviewing "
        "→ offer → accepted (or rejected, withdrawn, no response).",
    ),
    "offer": (
        "offers:offer_app",
        "Offers, negotiation, a side-by-side comparison against your needs, and leaving well.",
    ),
    "due": ("agenda:due_app", "What is due: overdue first, then the coming days."),
    "done": ("agenda:done_app", "Mark items from `careerpath due` as done."),
    "snooze": ("agenda:snooze_app", "Move an item from `careerpath due` to a later day."),
    "export": (
        "exporting:export_app",
        "Everything, as Markdown, JSON, CSV or a calendar file (ics).",
    ),
    "program": (
        "program:program_app",
        "A program: the stages inside a set period (2–6 months, usually 3) with an intake, "
        "goals, homework and weekly check-ins. Begin with `careerpath program start`.",
    ),
    "goal": (
        "program:goal_app",
        "Your program's goals (one to three); revising keeps the old wording, its date and "
        "the reason.",
    ),
    "homework": ("program:homework_app", "Your program's homework."),
    "checkin": ("program:checkin_app", "A short weekly reflection for your program."),
    "occupations": (
        "occupations:occupations_app",
        "About a thousand occupations (O*NET® 30.1, with BLS pay for May 2025): search, show "
        "one, compare a few. Offline.",
    ),
    "energy": (
        "energy:energy_app",
        "An energy log: what you did, how engaged you were, whether it lifted or drained "
        "you; `careerpath energy` shows what lifts and drains, by activity.",
    ),
    "config": (
        "config:config_app",
        "Settings you set once: currency, date order, days before an application is stale, "
        "week start, git auto-commit, time zone.",
    ),
    "git": ("git:git_app", "Keep your home in git: `careerpath git init` commits each change."),
    "futures": (
        "futures:futures_app",
        "Three possible futures: five-year sketches side by side, each with four gauges.",
    ),
}

HELP = {name: help for name, (_, help) in GROUPS.items()}
