"""MkDocs loads this file as a hook; it only delegates to the curriculum_tools package."""
from curriculum_tools.site.hooks import (  # noqa: F401
    on_config, on_files, on_page_content, on_page_context, on_page_markdown, on_post_build, on_post_page,
)
