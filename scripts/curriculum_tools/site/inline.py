"""A small, fast, safe inline Markdown for short texts in YAML (prompts, options, feedback):
HTML is escaped, then **bold**, *emphasis*, `code` and [links](https://...) are rendered, and
the result passes the site's sanitiser (sanitize.py) like every rendered Markdown field."""

from __future__ import annotations

import html
import re

from curriculum_tools.site.sanitize import sanitize_html

_CODE = re.compile(r"`([^`]+)`")
_BOLD = re.compile(r"\*\*(.+?)\*\*")
_EM = re.compile(r"(?<![\w*])\*(?!\s)(.+?)(?<!\s)\*(?![\w*])|(?<![\w_])_(?!\s)(.+?)(?<!\s)_(?![\w_])")
_LINK = re.compile(r"\[([^\]]+)\]\((https?://[^)\s]+|#[A-Za-z0-9_-]+)\)")


def inline(text: str) -> str:
    out = html.escape(text.strip(), quote=True)
    out = _CODE.sub(lambda m: f"<code>{m.group(1)}</code>", out)
    out = _BOLD.sub(r"<strong>\1</strong>", out)
    out = _EM.sub(lambda m: f"<em>{m.group(1) or m.group(2)}</em>", out)
    out = _LINK.sub(lambda m: f'<a href="{m.group(2)}">{m.group(1)}</a>', out)
    return sanitize_html(out)


def paragraphs(text: str) -> str:
    """Blank-line separated paragraphs, each rendered inline."""
    parts = [p for p in re.split(r"\n\s*\n", text.strip()) if p.strip()]
    return "".join(f"<p>{inline(' '.join(p.split()))}</p>" for p in parts)
