"""The platform canary (issue 12, class 8): a build whose pages lack their quizzes or
checklist forms fails, whether the plugin ran and left them out or never ran at all (as
under MkDocs 2, which ignores plugins)."""

from __future__ import annotations

import re

import pytest

from conftest import write_site_config
from curriculum_tools.site import canary
from curriculum_tools.site.atomic import BuildFailed, build_site
from curriculum_tools.site.render import SiteRender
from helpers import make_tree


def test_a_site_built_without_the_plugin_fails(tmp_path):
    root = make_tree(tmp_path)
    config = write_site_config(root)
    config.write_text(re.sub(r"\n  - curriculum:?\n(      .*\n)*", "\n", config.read_text()))
    assert "curriculum" not in config.read_text().split("plugins:")[1].split("markdown_extensions")[0]
    with pytest.raises(BuildFailed) as failed:
        build_site(config, tmp_path / "out", strict=False)
    text = str(failed.value)
    assert "demo/demo-module/index.html lacks its quiz demo-module-quiz" in text
    assert "supervisors/demo-checklist/index.html was not written" in text
    assert "silently ignore" in text
    assert not (tmp_path / "out").exists()


def test_a_plugin_that_leaves_out_a_quiz_fails_in_on_post_build(tmp_path, monkeypatch):
    original = SiteRender.fillers

    def fillers(self, link):
        out = original(self, link)
        out["quiz"] = lambda name, url: ""  # a slot filled with nothing
        return out

    monkeypatch.setattr(SiteRender, "fillers", fillers)
    root = make_tree(tmp_path)
    with pytest.raises(BuildFailed) as failed:
        build_site(write_site_config(root), tmp_path / "out", strict=True)
    # the PluginError raised in on_post_build, carried by BuildFailed
    assert "demo/demo-module/index.html lacks its quiz demo-module-quiz" in str(failed.value)
    assert not (tmp_path / "out").exists()


def test_a_page_of_another_language_that_lacks_its_quiz_is_named_with_its_folder(tmp_path, monkeypatch):
    """The Spanish pages are checked in site/es/: the message names es/…, the file to open."""
    import shutil

    from curriculum_tools.site import i18n
    from helpers import FIXTURES

    original = SiteRender.fillers

    def fillers(self, link):
        out = original(self, link)
        if i18n.current() == "es":
            out["quiz"] = lambda name, url: ""  # the Spanish build fills its quiz slots with nothing
        return out

    monkeypatch.setattr(SiteRender, "fillers", fillers)
    root = tmp_path / "content"
    shutil.copytree(FIXTURES / "valid" / "translated", root)
    with pytest.raises(BuildFailed) as failed:
        build_site(write_site_config(root), tmp_path / "out", strict=True)
    lines = str(failed.value).splitlines()[1:]
    assert lines == ["  es/demo/demo-module/index.html lacks its quiz demo-module-quiz"], lines
    assert not (tmp_path / "out").exists()


def test_page_files_follow_mkdocs_urls(tmp_path):
    assert canary.page_file(tmp_path, "grief/a.md") == tmp_path / "grief" / "a" / "index.html"
    assert canary.page_file(tmp_path, "grief/index.md") == tmp_path / "grief" / "index.html"
    assert canary.page_file(tmp_path, "grief/a.md", use_directory_urls=False) == tmp_path / "grief" / "a.html"
    assert canary.page_file(tmp_path, "index.md", use_directory_urls=False) == tmp_path / "index.html"
