"""``python -m careerpath``: the same as the ``careerpath`` command."""

from careerpath.cli import main

main()
