"""`l10n build`: side-by-side Korean/English pages, English-only pages, bilingual Markdown.

Each block of the Korean essay is a row: Korean on the left, English on the right, so
their top edges line up; each sentence is a span paired with its counterpart. Every
string from a source or a translation is escaped (Jinja2 autoescape; inline Markdown
through markdown-it with raw HTML off and only http/https/mailto links).
"""

from __future__ import annotations

import os
import unicodedata
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

import polib

from ..config import Config
from ..errors import PublishError
from ..essays import read_essays
from ..files import Transaction
from ..model import Block, BlockKind, Essay
from ..po.catalog import read_catalog
from ..progress.counts import Progress, compute_progress
from ..progress.status import needs_qa, publication_verdict
from .assets import Notice, collect_assets, read_asset
from .inline import STRUCTURED, block_parts, render_inline, safe_url
from .markdown import bilingual_markdown, translation_state
from .progress_page import progress_context
from .structure import group_rows


@dataclass(frozen=True)
class Sentence:
    pair: str  # shared id of the Korean and English spans
    korean: str  # HTML
    english: str  # HTML ("" when untranslated)
    state: str  # translated, fuzzy, untranslated
    msgid: str = ""  # the catalog key (findings are placed by it)
    line: int = 0  # line of the sentence in the Korean source


@dataclass(frozen=True)
class Row:
    anchor: str
    kind: str
    level: int
    sentences: list[Sentence]
    code: str = ""  # code blocks: the text, shown verbatim on both sides
    ordered: bool = False  # list items: part of an ordered list
    block: Block | None = None  # the source block (tables, images, lists, footnotes ...)
    parts: dict[str, str] = field(default_factory=dict)  # pre-rendered HTML by side
    src: str = ""  # images: the URL as the page has it (a local file: its copy's)

    @property
    def item(self) -> bool:
        """List items: this paragraph starts an item (False: a later paragraph of one)."""
        return self.block.item if self.block is not None else True

    @property
    def number(self) -> int:
        """Ordered list items: the item's number (0: unknown or a later paragraph)."""
        return self.block.number if self.block is not None else 0


@dataclass
class EssayPage:
    name: str
    title_ko: str
    title_en: str
    rows: list[Row]
    progress: Progress
    published: bool
    reason: str
    date_ko: str = ""
    date_en: str = ""
    errors: int = 0
    files: list[str] = field(default_factory=list)
    source: str = ""  # the essay's path relative to the project
    review_rows: list[Row] | None = None  # the rows as review/ shows them (URLs from there)

    @property
    def groups(self) -> list:
        """Rows as shown: runs of list items grouped into lists."""
        return list(group_rows(self.rows))

    @property
    def has_h1(self) -> bool:
        return any(row.kind == "heading" and row.level == 1 for row in self.rows)


def essay_rows(essay: Essay, po: polib.POFile | None, link=None) -> list[Row]:
    """Blocks of the essay with each sentence paired with its translation; ``link``
    rewrites the URLs of local files (``EssayAssets.link``)."""
    entries = ({unicodedata.normalize("NFC", e.msgid): e for e in po if not e.obsolete}
               if po is not None else {})
    rows = []
    for block in essay.blocks:
        sentences = []
        for index, sentence in enumerate(block.sentences):
            entry = entries.get(sentence.msgid)
            state = translation_state(entry)
            sentences.append(Sentence(
                pair=f"{block.anchor}s{index + 1}", korean=render_inline(sentence.msgid, link),
                english=render_inline(entry.msgstr, link) if state != "untranslated" else "",
                state=state, msgid=sentence.msgid, line=sentence.line))
        rows.append(Row(block.anchor, block.kind.value, block.level, sentences,
                        block.text if block.kind is BlockKind.CODE else "", block.ordered,
                        block, block_parts(block, sentences, link),
                        (link(block.src) if link else block.src)
                        if block.kind is BlockKind.IMAGE else ""))
    return rows


def _title(rows: list[Row], essay: Essay) -> tuple[str, str]:
    for row in rows:
        if row.kind == BlockKind.HEADING.value:
            ko = " ".join(s.korean for s in row.sentences)
            en = " ".join(s.english for s in row.sentences if s.state == "translated")
            return ko, en
    return essay.name, essay.name


def _dates(essay: Essay, po: polib.POFile | None) -> tuple[str, str]:
    from babel.dates import format_date

    raw = essay.meta.get("date") or (po.metadata.get("PO-Revision-Date", "") if po else "")
    try:
        day = date.fromisoformat(raw[:10])
    except ValueError:
        return "", ""
    return format_date(day, "long", locale="ko"), format_date(day, "long", locale="en")


def _env():
    from jinja2 import Environment, PackageLoader, StrictUndefined, select_autoescape

    env = Environment(loader=PackageLoader("l10n.publish", "templates"),
                      autoescape=select_autoescape(["html"]), undefined=StrictUndefined,
                      keep_trailing_newline=True, trim_blocks=True, lstrip_blocks=True)
    from .review import mark_korean

    env.filters["korean"] = mark_korean
    env.globals["STRUCTURED"] = STRUCTURED
    env.filters["safe_url"] = safe_url
    return env


def _static(name: str) -> str:
    from importlib.resources import files

    return files("l10n.publish").joinpath("static", name).read_text(encoding="utf-8")


MANIFEST = ".l10n-site"


@dataclass(frozen=True)
class BuildReport:
    out: Path
    essays: list[EssayPage]
    notices: list[Notice] = field(default_factory=list)  # warnings: missing files ...

    @property
    def index(self) -> Path:
        return self.out / "index.html"

    def summary_lines(self, review=None) -> list[str]:
        """What ``l10n build`` says: each essay's progress and whether it was published,
        the site's index, and with ``review`` (its findings) the review view's."""
        lines = []
        for page in self.essays:
            state = "published" if page.published else f"not published: {page.reason}"
            lines.append(f"{page.name}: {page.progress.percent_chars:.1f}% translated, {state}")
        lines.append(f"site: {self.index}")
        if review is not None:
            problems = sum(f.severity.value == "error" for f in review)
            lines.append(f"review: {self.out / 'review' / 'index.html'} "
                         f"({len(review)} finding(s), {problems} error(s))")
        return lines


def build_site(config: Config, *, out: Path | None = None, language: str = "en",
               force: bool = False, count_errors=None, chart_svg: str = "",
               translators=(), review=None, glossary=None) -> BuildReport:
    """Write the site: index, per essay a side-by-side page, an English page, a bilingual
    .md, and a progress page (the status table and ``chart_svg``).

    With ``review`` (the findings of ``l10n check``, e.g. from
    ``review.project_findings``), also ``review/``: every essay, published or not, with
    each finding on its sentence.
    """
    # not resolved: a link on the way to the site is refused, never followed
    out = Path(os.path.abspath(out or config.root / "build" / "site"))
    if out.resolve() == config.root.resolve() or out.resolve() in config.root.resolve().parents:
        raise PublishError("refusing to build into the project folder itself", path=out,
                           hint="pass --out DIR, a folder for the site only")
    essays = read_essays(config)
    _refuse_collisions([essay.name for essay in essays], language)
    by_file = {Path(os.path.abspath(config.root / essay.path)): essay.name for essay in essays}
    assets = {essay.name: collect_assets(config, essay, by_file) for essay in essays}
    copies: dict[str, Path] = {}  # site path -> project file
    env = _env()
    pages: list[EssayPage] = []
    from babel import Locale

    names = {"ko": Locale("ko").get_display_name("ko"), "en": Locale(language).get_display_name(
        language), "ko_in_en": Locale("ko").get_display_name("en"),
        "en_in_ko": Locale(language).get_display_name("ko")}
    files: dict[str, str] = {}
    catalogs: dict[str, Path | None] = {}
    for essay in essays:
        po_path = config.po_path(essay.name, language)
        po = read_catalog(po_path) if po_path.exists() else None
        catalogs[essay.name] = po_path if po is not None else None
        progress = (compute_progress(po, name=essay.name, language=language) if po is not None
                    else Progress(essay.name, language=language))
        errors = (count_errors(po_path, po) if count_errors and po is not None
                  and needs_qa(progress, config.publish_threshold) else 0)
        ok, reason = publication_verdict(progress, config.publish_threshold, errors)
        if po is None:
            reason = "no translation catalog; run 'l10n update'"
        link = assets[essay.name].link()
        rows = essay_rows(essay, po, link)
        title_ko, title_en = _title(rows, essay)
        date_ko, date_en = _dates(essay, po)
        page = EssayPage(essay.name, title_ko, title_en, rows, progress, ok or force,
                         reason if not ok else "", date_ko, date_en, errors,
                         source=essay.path)
        if page.published:
            context = {"page": page, "names": names, "language": language, "forced": not ok}
            page.files = site_files(essay.name, language)
            side, english, markdown = page.files
            files[side] = env.get_template("essay.html").render(**context)
            files[english] = env.get_template("english.html").render(**context)
            files[markdown] = bilingual_markdown(essay, po, link,
                                                 not_ready=page.reason if not ok else "")
            copies.update(assets[essay.name].files)
        if review is not None:  # review/ pages: one folder down, every essay
            page.review_rows = essay_rows(essay, po, assets[essay.name].link("../"))
            copies.update(assets[essay.name].files)
        pages.append(page)
    from babel.numbers import format_percent

    files["index.html"] = env.get_template("index.html").render(
        pages=pages, names=names, project=config.project_name, review=review is not None,
        percent=lambda p: format_percent(p / 100, "#,##0.0%", locale="en"))
    files["progress.html"] = env.get_template("progress.html").render(
        project=config.project_name, review=review is not None,
        **progress_context(config, pages, translators=translators, chart_svg=chart_svg))
    if review is not None:
        files.update(_review_files(config, env, pages, catalogs, review, glossary, names,
                                   out))
    files["site.css"] = _static("site.css")
    files["site.js"] = _static("site.js")
    _refuse_asset_collisions(copies, files, by_file, config)
    inside = out.is_relative_to(config.root)  # then every folder from the root is checked
    with Transaction(config.root if inside else out) as staged:
        for name, text in sorted(files.items()):
            staged.write_text(out / name, text)
        for name, path in sorted(copies.items()):
            staged.write_bytes(out / name, read_asset(path))
        _withdraw(out, set(files) | set(copies), staged)
    notices = [n for essay in essays for n in assets[essay.name].notices]
    published = {page.name for page in pages if page.published}
    for page in pages:
        for name, (url, line) in assets[page.name].essays.items() if page.published else ():
            if name not in published:
                notices.append(Notice(page.source, line, f"link {url!r} goes to essay "
                                      f"{name!r}, which is not published; the link is broken "
                                      "until it is (or build with --force)"))
    return BuildReport(out, pages, notices)


def _review_files(config: Config, env, pages: list[EssayPage], catalogs, findings,
                  glossary, names, out: Path) -> dict[str, str]:
    """``review/index.html`` and ``review/<essay>.html`` for every essay."""
    from dataclasses import replace

    from .review import SEVERITIES, review_essays

    # the same rows, their local URLs one folder up
    pages = [replace(page, rows=page.review_rows) if page.review_rows is not None else page
             for page in pages]
    reviews, others = review_essays(config, pages, catalogs, findings, glossary=glossary,
                                    folder=out / "review")
    files = {}
    for item in reviews:
        def review_row(row, item=item):
            rows = row.rows if row.kind == "list" else [row]
            return [p for r in rows for p in item.by_row.get(r.anchor, [])]

        files[f"review/{item.page.name}.html"] = env.get_template("review.html").render(
            page=item.page, review=item, names=names, root="../", severities=SEVERITIES,
            review_row=review_row)
    files["review/index.html"] = env.get_template("review_index.html").render(
        reviews=reviews, others=others, project=config.project_name, root="../",
        severities=SEVERITIES)
    return files


SITE_FILES = ("index.html", "progress.html", "site.css", "site.js", MANIFEST)


def site_files(essay: str, language: str) -> list[str]:
    """The files of the site one essay's pages are written to."""
    return [f"{essay}.html", f"{essay}.{language}.html", f"{essay}.bilingual.md"]


def _refuse_collisions(essays: list[str], language: str) -> None:
    """Two outputs with one name (an essay called index, x beside x.en) would lose a page
    while it is reported published: refuse, naming both."""
    owner: dict[str, str] = {name.casefold(): "the site itself" for name in SITE_FILES}
    for essay in essays:
        for name in site_files(essay, language):
            other = owner.setdefault(name.casefold(), f"essay {essay!r}")
            if other != f"essay {essay!r}":
                raise PublishError(f"essay {essay!r} would write {name}, which {other} "
                                   "writes too", path=Path(essay),
                                   hint="rename one of the essays (its file stem)")


def _refuse_asset_collisions(copies: dict[str, Path], files: dict[str, str], essays,
                             config: Config) -> None:
    """A copied file whose name the site uses (``index.html``, ``review/``) would replace a
    page or be replaced: refuse, naming the file."""
    owners = {name.casefold(): name for name in [*files, *SITE_FILES]}
    seen: dict[str, Path] = {}
    for name, path in sorted(copies.items()):
        folded = name.casefold()
        clash = owners.get(folded) or (folded.startswith("review/") and "review/")
        other = seen.setdefault(folded, path)
        if clash or other != path:
            what = f"the site's {clash}" if clash else config.relative(other)
            raise PublishError(f"{config.relative(path)} would be copied to {name} in the "
                               f"site, which {what} uses too", path=path,
                               hint="rename the file or its folder")


def _withdraw(out: Path, written: set[str], staged: Transaction) -> None:
    """Remove the pages an earlier build wrote and this one did not (an essay that is no
    longer publishable, or deleted), so deploying the folder never publishes them."""
    manifest = out / MANIFEST
    previous = []
    if manifest.is_file() and not manifest.is_symlink():
        previous = manifest.read_text("utf-8", errors="replace").split()
    for name in previous:
        parts = name.split("/")
        if name not in written and not any(
                part.startswith(".") or not part for part in parts):
            staged.remove(out / name)
    staged.write_text(manifest, "".join(f"{name}\n" for name in sorted(written)))


__all__ = ["build_site", "BuildReport", "EssayPage", "essay_rows", "bilingual_markdown"]
