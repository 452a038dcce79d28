"""careerpath: a command-line career-exploration workbook."""

__version__ = "0.1.0"
