"""Files: strict TOML reading with line numbers for problems, atomic writes, the home folder's
locks and backups. Knows files, not what is in them."""
