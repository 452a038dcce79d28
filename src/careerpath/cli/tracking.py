"""The commands to record things as they happen (targets, contacts, applications, offers),
the agenda of what is due (due, done, snooze) and exports.

They are registered here and built only when used (``base.defer``): typer would otherwise
build all of them, with their many options, on every run of every command. Each group lives
in its own module: ``targets``, ``contacts``, ``applications``, ``offers``, ``agenda``,
``exporting``; what they share is in ``recording``.
"""

from __future__ import annotations

from careerpath.cli.base import defer

HELP = {
    "target": "Target jobs you are researching: pay, outlook, and how well each fits your values.",
    "contact": "People to talk to, every conversation with them, and follow-ups.",
    "app": "Applications through the pipeline: interested → applied → screening → interviewing "
    "→ offer → accepted (or rejected, withdrawn, no response).",
    "offer": "Offers, negotiation, a side-by-side comparison against your needs, and leaving well.",
    "due": "What is due: overdue first, then the coming days.",
    "done": "Mark items from `careerpath due` as done.",
    "snooze": "Move an item from `careerpath due` to a later day.",
    "export": "Everything, as Markdown, JSON, CSV or a calendar file (ics).",
}

defer("target", "careerpath.cli.targets:target_app", HELP["target"])
defer("contact", "careerpath.cli.contacts:contact_app", HELP["contact"])
defer("app", "careerpath.cli.applications:application_app", HELP["app"])
defer("offer", "careerpath.cli.offers:offer_app", HELP["offer"])
defer("due", "careerpath.cli.agenda:due_app", HELP["due"])
defer("done", "careerpath.cli.agenda:done_app", HELP["done"])
defer("snooze", "careerpath.cli.agenda:snooze_app", HELP["snooze"])
defer("export", "careerpath.cli.exporting:export_app", HELP["export"])
