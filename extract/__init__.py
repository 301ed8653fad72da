"""Extraction: a parsed article in, frozen records with character offsets out."""
