"""Linking across articles: the same incident reported by many outlets, the same statement
quoted by many. Pure functions over records; the warehouse feeds them and stores the groups."""

# Stamped on every link and group row; raise it when the rules or their weights change.
LINKER_VERSION = "linking-3"
