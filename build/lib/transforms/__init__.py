"""Pure extraction code: text and spaCy Docs in, frozen records with character offsets out."""
