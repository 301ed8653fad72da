"""Gold readers: every gold set, ours and public, read into typed records; the scorers are in evaluation/."""
