"""Tooling for the support-group facilitator curriculum.

Data flows one way: content files -> loader -> checks -> result -> reporters, and the same
model -> mkdocs hooks -> static site.
"""
