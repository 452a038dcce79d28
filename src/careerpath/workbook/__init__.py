"""The workbook: its definition and question kinds, the saved state, the pure engine, the home
that reads and writes it, the sitting, the prompt adapter, answers files and editing."""
