"""Ingest: input files in, Documents (typed records with provenance) or quarantine rows out."""
