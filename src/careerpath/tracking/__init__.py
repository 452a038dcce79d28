"""Typed records (target jobs, contacts, applications, offers), their rules, scoring and
outreach starters."""
