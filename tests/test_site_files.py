"""Local files an essay refers to (issue 17): images and link targets are copied into the
site inside the build's transaction, confined to the project, and every page kind
(side by side, English, review, bilingual Markdown) carries URLs that resolve from where
it lies."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from l10n.config import load_config
from l10n.errors import PublishError
from l10n.pipeline import update_project
from l10n.po.catalog import read_catalog, write_catalog
from l10n.publish import build_site
from l10n.publish.assets import local_path
from l10n.publish.review import project_findings

from .conftest import fixed_clock

GOLDEN = Path(__file__).parent / "golden" / "site_files"
REGEN = os.environ.get("L10N_REGEN_GOLDEN") == "1"
CONFIG = """\
[tool.l10n]
source = "source/ko"
locales = "locales"
languages = ["en"]
project-name = "site files"
"""
PAGES = {"essay.html": "essay.html", "essay.en.html": "essay.en.html",
         "essay.bilingual.md": "essay.bilingual.md", "review/essay.html": "review-essay.html"}


def site_project(tmp_path: Path, *, translate: bool = True) -> Path:
    """The golden project, updated, translated from english.txt in catalog order."""
    root = tmp_path / "p"
    shutil.copytree(GOLDEN / "project", root, ignore=shutil.ignore_patterns("english.txt"))
    (root / "pyproject.toml").write_text(CONFIG, encoding="utf-8")
    config = load_config(root)
    update_project(config, clock=fixed_clock)
    english = iter((GOLDEN / "project/english.txt").read_text("utf-8").splitlines())
    for name in ("essay", "other"):
        path = config.po_path(name, "en")
        po = read_catalog(path)
        for entry in po:
            entry.msgstr = next(english) if translate else ""
        write_catalog(po, path)
    return root


def build(root: Path, **kwargs):
    config = load_config(root)
    catalogs = [(p, read_catalog(p)) for p in sorted(config.locales.rglob("*.po"))]
    return build_site(config, out=root / "site", force=True,
                      review=project_findings(config, catalogs), **kwargs)


def site_listing(site: Path) -> str:
    return "".join(f"{p.relative_to(site).as_posix()}\n" for p in sorted(site.rglob("*"))
                   if p.is_file())


def test_pages_and_copied_files_match_golden(tmp_path: Path) -> None:
    root = site_project(tmp_path)
    report = build(root)
    site = root / "site"
    produced = {golden: (site / name).read_text("utf-8") for name, golden in PAGES.items()}
    produced["files.txt"] = site_listing(site)
    for name, text in produced.items():
        if REGEN:
            (GOLDEN / "expected" / name).write_text(text, "utf-8")
        assert text == (GOLDEN / "expected" / name).read_text("utf-8"), name
    source = root / "source/ko"
    assert (site / "img/chart.png").read_bytes() == (source / "img/chart.png").read_bytes()
    assert (site / "img/그림 1.png").read_bytes() == (source / "img/그림 1.png").read_bytes()
    assert (site / "assets/shared/logo.png").read_bytes() == (root / "shared/logo.png"
                                                              ).read_bytes()
    assert (site / "files/report.txt").exists()
    assert [str(n) for n in report.notices] == [
        "source/ko/essay.md:13: image 'img/missing.png' not found (no file "
        "source/ko/img/missing.png); add the file or fix the path"]


def _urls(html: str) -> list[str]:
    import re

    return re.findall(r'(?:src|href)="([^"]+)"', html)


def test_every_local_url_resolves_from_its_page(tmp_path: Path) -> None:
    """A local URL on a page in review/ must climb one folder; one at the root must not."""
    root = site_project(tmp_path)
    build(root)
    site = root / "site"
    for name in ("essay.html", "essay.en.html", "review/essay.html", "essay.bilingual.md"):
        page = site / name
        text = page.read_text("utf-8")
        urls = _urls(text) if name.endswith(".html") else \
            [u.strip("<>") for u in __import__("re").findall(r"!\[\]\(([^)]*)\)", text)]
        local = [u for u in urls if local_path(u) is not None and "missing" not in u]
        assert local, name
        from urllib.parse import unquote

        for url in local:
            target = page.parent / unquote(url.split("#")[0])
            assert target.is_file(), (name, url)
    english = (site / "essay.en.html").read_text("utf-8")
    assert 'href="https://example.com/a.png"' in english and 'href="#p2"' in english
    assert 'href="other.html"' in english  # a link to another essay: its page
    assert 'href="files/report.txt#p2"' in english  # the fragment kept


def _reference(root: Path, line: str) -> None:
    essay = root / "source/ko/essay.md"
    essay.write_text(essay.read_text("utf-8") + f"\n{line}\n", encoding="utf-8")


@pytest.mark.parametrize("reference", ["![밖](../../../../etc/hostname)",
                                       "[밖](../../../outside.txt)",
                                       '<p><img src="../../../outside.png" alt=""></p>'])
def test_a_reference_out_of_the_project_is_refused_and_nothing_written(
        tmp_path: Path, reference: str) -> None:
    root = site_project(tmp_path)
    (tmp_path / "outside.txt").write_text("secret", encoding="utf-8")
    (tmp_path / "outside.png").write_text("secret", encoding="utf-8")
    _reference(root, reference)
    with pytest.raises(PublishError) as caught:
        build(root)
    assert "points outside the project" in str(caught.value)
    assert str(caught.value).startswith("source/ko/essay.md:15: ")
    assert "; " in str(caught.value)
    assert not (root / "site").exists()


def test_a_symbolic_link_out_of_the_project_is_refused(tmp_path: Path) -> None:
    root = site_project(tmp_path)
    (tmp_path / "secret.png").write_bytes(b"secret")
    (root / "source/ko/img/link.png").symlink_to(tmp_path / "secret.png")
    _reference(root, "![링크](img/link.png)")
    with pytest.raises(PublishError, match="symbolic link out of the project"):
        build(root)
    assert not (root / "site").exists()


def test_a_symbolic_link_inside_the_project_is_copied_as_a_file(tmp_path: Path) -> None:
    root = site_project(tmp_path)
    (root / "source/ko/img/again.png").symlink_to("chart.png")
    _reference(root, "![다시](img/again.png)")
    build(root)
    copied = root / "site/img/again.png"
    assert not copied.is_symlink()
    assert copied.read_bytes() == (root / "source/ko/img/chart.png").read_bytes()


def test_a_hidden_file_or_folder_is_a_warning_and_not_copied(tmp_path: Path) -> None:
    root = site_project(tmp_path)
    (root / "source/ko/.env").write_text("TOKEN=1", encoding="utf-8")
    _reference(root, "[설정](.env) [폴더](img/)")
    report = build(root)
    messages = [str(n) for n in report.notices]
    assert any(":15: link '.env' is a hidden file" in m for m in messages), messages
    assert any(":15: link 'img/' is a folder" in m for m in messages), messages
    assert not (root / "site/.env").exists()


def test_a_copy_that_would_replace_a_page_is_refused(tmp_path: Path) -> None:
    root = site_project(tmp_path)
    (root / "source/ko/index.html").write_text("<p>mine</p>", encoding="utf-8")
    _reference(root, "[색인](index.html)")
    with pytest.raises(PublishError, match="index.html in the site"):
        build(root)


def test_a_file_no_longer_referred_to_is_withdrawn_from_the_site(tmp_path: Path) -> None:
    root = site_project(tmp_path)
    build(root)
    assert (root / "site/files/report.txt").exists()
    essay = root / "source/ko/essay.md"
    essay.write_text(essay.read_text("utf-8").replace("(files/report.txt#p2)", ""), "utf-8")
    build(root)
    assert not (root / "site/files/report.txt").exists()
    assert (root / "site/img/chart.png").exists()


def test_the_cli_warns_of_a_missing_file_with_its_line_and_builds(tmp_path: Path) -> None:
    root = site_project(tmp_path, translate=False)
    result = subprocess.run([sys.executable, "-m", "l10n", "build", "--project", str(root),
                             "--force"], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert result.stderr.splitlines() == [
        "warning: source/ko/essay.md:13: image 'img/missing.png' not found (no file "
        "source/ko/img/missing.png); add the file or fix the path"]
    assert (root / "build/site/img/chart.png").exists()


def test_images_load_in_a_browser_on_every_page_and_both_sides(tmp_path: Path) -> None:
    from .test_browser import ARGS, CHROMIUM, _playwright

    sync_playwright = _playwright()
    root = site_project(tmp_path)
    build(root)
    site = root / "site"
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        try:
            page = browser.new_page()
            for name, sides in (("essay.html", (".ko", ".en")), ("essay.en.html", ("",)),
                                ("review/essay.html", (".ko", ".en"))):
                page.goto((site / name).as_uri())
                for side in sides:
                    images = page.locator(f"{side} img:not([src*=missing])".strip())
                    assert images.count() == 4, (name, side)
                    for index in range(images.count()):
                        image = images.nth(index)
                        image.scroll_into_view_if_needed()
                        page.wait_for_function(
                            "el => el.complete", arg=image.element_handle(), timeout=5000)
                        width = image.evaluate("el => el.naturalWidth")
                        assert width > 0, (name, side, image.get_attribute("src"))
                missing = page.locator("img[src*=missing]").first
                missing.scroll_into_view_if_needed()
                page.wait_for_function("el => el.complete", arg=missing.element_handle())
                assert missing.evaluate("el => el.naturalWidth") == 0  # the test can fail
        finally:
            browser.close()


def test_a_link_to_an_essay_that_is_not_published_is_a_warning(tmp_path: Path) -> None:
    root = site_project(tmp_path)
    config = load_config(root)
    path = config.po_path("other", "en")
    po = read_catalog(path)
    for entry in po:
        entry.msgstr = ""
    write_catalog(po, path)
    (root / "source/ko/img/missing.png").write_bytes(b"")
    report = build_site(config, out=root / "site")
    assert [str(n) for n in report.notices] == [
        "source/ko/essay.md:7: link 'other.md' goes to essay 'other', which is not "
        "published; the link is broken until it is (or build with --force)"]


def test_a_missing_file_named_twice_is_one_warning_at_its_first_line(tmp_path: Path) -> None:
    root = site_project(tmp_path)
    _reference(root, "또 ![없는 그림](img/missing.png) 이다.")
    report = build(root)
    assert [n.line for n in report.notices] == [13]
