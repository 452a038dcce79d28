"""The time-boxed program: its plan, goals, homework and check-ins, and its sitting."""
