"""The story behind a pile of articles: which sources copy each other (families)."""
