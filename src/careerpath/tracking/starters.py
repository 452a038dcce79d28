"""Short outreach message starters, filled in for one contact.

They are starting points, not scripts: a person picks one, keeps it as their message to that
contact (``contact message ID --pick N``) and makes it sound like themselves. What careerpath
cannot know is left in [brackets] to fill in.
"""

from __future__ import annotations

from typing import Any

from careerpath.tracking.records import Contact


def for_contact(contact: Contact, targets: list[dict[str, Any]]) -> list[tuple[str, str]]:
    """(title, text) of each starter, the one that suits how you know them first."""
    first = (contact.name or "").split()[0] if contact.name else "[name]"
    titles = {t.get("id"): t.get("title") for t in targets}
    job = (
        next((titles[ref] for ref in contact.targets or [] if titles.get(ref)), None)
        or "[the kind of work you are exploring]"
    )
    where = contact.organisation or "[their organisation]"
    introducer = contact.how_known or "[who introduced you]"
    starters = {
        "warm": (
            "Someone you know",
            f"Hi {first}, I hope you are well. I am looking at a move into {job}, and you were "
            "one of the first people I thought of. Could I take twenty minutes of your time in "
            "the next couple of weeks to hear how you see it? A call or a coffee, whatever "
            "suits you.",
        ),
        "introduced": (
            "Through an introduction",
            f"Hi {first}, {introducer} suggested I get in touch. I am exploring {job} and "
            f"would value your view of what the work at {where} is really like. Would you have "
            "twenty minutes for a short call in the next few weeks? I will keep it brief.",
        ),
        "cold": (
            "Someone you have not met",
            f"Hi {first}, I came across your work at {where} while looking into {job}. I am "
            "not asking for a job, only for your perspective: would you be open to a "
            "fifteen-minute call? Even a couple of pointers by message would help me a lot.",
        ),
    }
    order = [contact.warmth or "warm"] + [w for w in ("warm", "introduced", "cold")]
    chosen = [starters[w] for w in dict.fromkeys(order)]
    chosen.append(
        (
            "Thank you, after you talked",
            f"Hi {first}, thank you again for your time. [The suggestion you found most "
            "useful] really helped, and I have already [what you did about it]. I will let "
            "you know how it goes.",
        )
    )
    chosen.append(
        (
            "Back in touch after a while",
            f"Hi {first}, a quick update since we last spoke: [what changed]. Your advice "
            f"about [topic] made a difference. If you hear of anything in {job}, I would be "
            "glad to know, and if I can help you with anything, just ask.",
        )
    )
    return chosen
