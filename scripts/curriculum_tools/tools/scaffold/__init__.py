"""Scaffolding for new content files (curriculum new)."""
