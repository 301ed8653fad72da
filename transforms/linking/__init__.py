"""Linking across articles: the same incident reported by many outlets, the same statement
quoted by many. Pure functions over records; the warehouse feeds them and stores the groups."""
