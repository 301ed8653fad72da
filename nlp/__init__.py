"""The language layer every extractor shares: the spaCy pipeline, the Doc index, dates and places."""
