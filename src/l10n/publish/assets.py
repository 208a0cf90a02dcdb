"""The local files an essay refers to (images, link targets), copied into the site.

As MkDocs does with its docs folder, the source folder is mirrored: ``img/chart.png``
beside the essays is ``img/chart.png`` in the site, so a page at the site's root keeps
the URL as written; a file elsewhere in the project (``../img/chart.png``, shared by the
languages) goes under ``assets/`` at its path from the project root. As Sphinx does, only
files an essay refers to are copied: a draft or a note beside the essays is never
published. A link to another essay points at its page. Remote URLs, fragments
(``#note``) and site-absolute paths (``/about``) are left as they are.

A target outside the project, or a symbolic link out of it, is refused (the build
stops, nothing written); a missing file, a folder or a hidden file is a warning with the
essay's ``file:line``, and its URL is left as written.
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import quote, unquote

from ..errors import PublishError, read_input
from ..model import BlockKind, Essay
from .inline import LINK_PATTERN, parser, safe_url

ASSETS = "assets"  # where files outside the source folder go
_SCHEME = re.compile(r"[A-Za-z][A-Za-z0-9+.-]*:")


@dataclass(frozen=True)
class Notice:
    """A warning about an essay's reference: ``path:line: message``."""

    path: str
    line: int
    message: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.message}" if self.line else \
            f"{self.path}: {self.message}"


@dataclass
class EssayAssets:
    """What one essay refers to: each URL as written -> its URL from the site's root, and
    the files to copy (path in the site -> file in the project)."""

    urls: dict[str, str] = field(default_factory=dict)
    files: dict[str, Path] = field(default_factory=dict)
    notices: list[Notice] = field(default_factory=list)
    essays: dict[str, tuple[str, int]] = field(default_factory=dict)  # linked: (url, line)

    def link(self, prefix: str = "") -> Callable[[str], str]:
        """The URL rewriting of a page ``prefix`` away from the site's root (``../``)."""
        urls = self.urls

        def rewrite(url: str) -> str:
            found = urls.get(url)
            return url if found is None else prefix + found

        return rewrite


def references(essay: Essay) -> Iterator[tuple[str, int, str]]:
    """(URL, line, kind) of every image and link of the essay, as the pages carry them:
    markdown-it's normalised URLs for Markdown, attribute values for HTML."""
    for block in essay.blocks:
        if block.kind is BlockKind.CODE:
            continue
        if block.kind is BlockKind.IMAGE and block.src:
            yield block.src, block.line, "image"
        if block.kind is BlockKind.HTML:
            for url, kind in _html_urls(block.text):
                yield url, block.line, kind
        for sentence in block.sentences:
            if "](" in sentence.text or "<" in sentence.text:
                for url, kind in inline_urls(sentence.msgid):
                    yield url, sentence.line, kind


def inline_urls(text: str) -> Iterator[tuple[str, str]]:
    """The link and image URLs of a sentence's inline Markdown."""
    for token in parser().parseInline(text, {}):
        for child in token.children or ():
            if child.type == "link_open":
                yield str(child.attrGet("href") or ""), "link"
            elif child.type == "image":
                yield str(child.attrGet("src") or ""), "image"
            elif child.type == "html_inline":
                found = LINK_PATTERN.match(child.content)
                if found:
                    yield found.group(1) if found.group(1) is not None else found.group(2), \
                        "link"


class _Attributes(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found: list[tuple[str, str]] = []

    def handle_starttag(self, tag, attrs) -> None:
        for name, value in attrs:
            if value and ((tag == "img" and name == "src") or (tag == "a" and name == "href")):
                self.found.append((value, "image" if tag == "img" else "link"))

    handle_startendtag = handle_starttag


def _html_urls(html: str) -> list[tuple[str, str]]:
    reader = _Attributes()
    reader.feed(html)
    reader.close()
    return reader.found


def local_path(url: str) -> str | None:
    """The file path a URL names in the project (percent-decoded), or None for a remote
    URL, a fragment, a site-absolute path or a URL no page may carry."""
    if not url or url.startswith(("#", "/", "?")) or _SCHEME.match(url) or not safe_url(url):
        return None
    path = re.split(r"[?#]", url, maxsplit=1)[0]
    return unquote(path) if path else None


def collect_assets(config, essay: Essay, essays: dict[Path, str]) -> EssayAssets:
    """The local references of ``essay`` resolved against the source folder.

    ``essays`` maps each essay's file (absolute) to its name, for links between essays.
    Raises PublishError for a target outside the project.
    """
    found = EssayAssets()
    root = Path(os.path.abspath(config.root))
    source = Path(os.path.abspath(config.source))
    real_root = root.resolve()
    seen: set[str] = set()
    for url, line, kind in references(essay):
        if url in seen:
            continue
        seen.add(url)
        path = local_path(url)
        if path is None:
            continue
        target = Path(os.path.normpath(source / path))
        where = dict(path=essay.path, line=line)
        if not target.is_relative_to(root):
            raise PublishError(f"{kind} {url!r} points outside the project", **where,
                               hint="keep the files an essay shows inside the project folder")
        if not os.path.lexists(target):
            found.notices.append(Notice(essay.path, line, f"{kind} {url!r} not found (no "
                                        f"file {config.relative(target)}); add the file or "
                                        "fix the path"))
            continue
        if not target.resolve().is_relative_to(real_root):
            raise PublishError(f"{kind} {url!r} is a symbolic link out of the project",
                               **where, hint="copy the file into the project instead of "
                                             "linking to it")
        if target in essays:
            found.urls[url] = quote(f"{essays[target]}.html") + _tail(url)
            found.essays.setdefault(essays[target], (url, line))
            continue
        inside = target.is_relative_to(source)
        relative = target.relative_to(source if inside else root)
        if target.is_dir():
            found.notices.append(Notice(essay.path, line, f"{kind} {url!r} is a folder; "
                                        "link to a file in it"))
            continue
        if any(part.startswith(".") for part in relative.parts):
            found.notices.append(Notice(essay.path, line, f"{kind} {url!r} is a hidden file, "
                                        "not published; rename it without the leading dot"))
            continue
        site = relative.as_posix() if inside else f"{ASSETS}/{relative.as_posix()}"
        found.files[site] = target
        found.urls[url] = quote(site) + _tail(url)
    return found


def _tail(url: str) -> str:
    """The query and fragment of a URL, kept on the rewritten one."""
    cut = re.search(r"[?#]", url)
    return url[cut.start():] if cut else ""


def read_asset(path: Path) -> bytes:
    """The bytes of a file to copy (a regular file; the size limit of every input)."""
    return read_input(path.resolve(), PublishError, what="file",
                      missing_hint="it disappeared during the build; run it again")


__all__ = ["ASSETS", "EssayAssets", "Notice", "collect_assets", "local_path", "read_asset",
           "references", "inline_urls"]
