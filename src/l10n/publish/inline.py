"""Block content -> safe HTML: a sentence's inline Markdown, an HTML block.

Inline Markdown is rendered with markdown-it-py: emphasis, code, links and images keep
only relative, http, https and mailto targets; a footnote reference (``[^1]``) becomes a
link to its note. Inline HTML is escaped (shown as text), except ``<a href>`` with a safe
target and a few formatting tags without attributes (``<b>``, ``<i>``, ``<sup>`` ...),
which are kept, balanced within the sentence. HTML blocks of the source are carried to
the pages through nh3 (the Ammonia sanitiser): scripts, event handlers and unknown tags
never reach a page, and on an English page a text node holds its translation or a gap,
and an attribute that holds Korean is dropped, so no Korean reaches it.
"""

from __future__ import annotations

import re
from functools import lru_cache
from html import escape
from urllib.parse import quote

SAFE_SCHEMES = ("http://", "https://", "mailto:")
# Block kinds the templates render with the ``structured`` macro (macros.html).
STRUCTURED = ("table", "image", "footnote", "html", "field")
_FORMATTING = frozenset("b i em strong sup sub small mark s del ins u code kbd q cite abbr "
                        "dfn".split())
_TAG = re.compile(r"<(/?)([A-Za-z][A-Za-z0-9]*)\s*(/?)>\Z")
LINK_PATTERN = re.compile(r"""<a\s+href\s*=\s*(?:"([^"<>]*)"|'([^'<>]*)')\s*>\Z""", re.I)
_FOOTNOTE_REF = re.compile(r"\[\^([^\]\s<>&\"']{1,40})\]")
HANGUL = re.compile(r"[\uac00-\ud7a3\u1100-\u11ff\u3130-\u318f]")


def safe_url(url: str) -> bool:
    """A target a page may link to or load: relative, or http, https or mailto."""
    url = url.strip()
    lowered = url.lower()
    if lowered.startswith(SAFE_SCHEMES):
        return True
    scheme = re.match(r"[A-Za-z][A-Za-z0-9+.-]*:", url)
    return scheme is None and not url.startswith("//") and not any(
        ch in url for ch in "\x00\\") and not re.search(r"[\x00-\x1f]", url)


def _html_inline(renderer, tokens, index, options, env):
    """Inline HTML in a sentence: a safe link or formatting tag is kept, all else escaped."""
    raw = tokens[index].content
    stack = env.setdefault("open", [])
    link = LINK_PATTERN.match(raw)
    if link:
        url = link.group(1) if link.group(1) is not None else link.group(2)
        if safe_url(url):
            stack.append("a")
            url = env["link"](url) if env.get("link") else url
            return f'<a href="{escape(url, quote=True)}">'
        return escape(raw, quote=False)
    tag = _TAG.match(raw)
    if tag:
        closing, name, empty = tag.group(1), tag.group(2).lower(), tag.group(3)
        if name == "br" and not closing:
            return "<br>"
        if not empty and (name in _FORMATTING or (name == "a" and closing)):
            if not closing:
                stack.append(name)
                return f"<{name}>"
            if name in stack:  # close it and any left open inside it
                out = []
                while stack:
                    top = stack.pop()
                    out.append(f"</{top}>")
                    if top == name:
                        break
                return "".join(out)
    return escape(raw, quote=False)


@lru_cache(maxsize=1)
def parser():
    """The inline Markdown parser of the pages (also finds the URLs a page carries)."""
    from markdown_it import MarkdownIt

    md = MarkdownIt("commonmark", {"html": True, "linkify": False, "typographer": False})
    md.validateLink = safe_url
    md.add_render_rule("html_inline", _html_inline)
    return md


def _footnote_refs(html: str) -> str:
    return _FOOTNOTE_REF.sub(
        lambda m: f'<sup class="fnref"><a href="#fn-{quote(m.group(1))}">{m.group(1)}</a></sup>',
        html)


def render_inline(text: str, link=None) -> str:
    """HTML for a sentence's inline Markdown; everything else is escaped text. ``link``
    rewrites each link and image URL (local files as the site has them)."""
    env: dict = {"link": link} if link is not None else {}
    md = parser()
    tokens = md.parseInline(text, env)
    if link is not None:
        for token in tokens:
            for child in token.children or ():
                name = {"link_open": "href", "image": "src"}.get(child.type)
                if name and child.attrGet(name) is not None:
                    child.attrSet(name, link(str(child.attrGet(name))))
    html = md.renderer.render(tokens, md.options, env)
    html += "".join(f"</{name}>" for name in reversed(env.get("open", [])))
    return _footnote_refs(html) if "[^" in html else html


# Tags and attributes an HTML block may carry to a page (nh3 drops the rest, and the
# content of script and style).
BLOCK_TAGS = frozenset(
    "a abbr address article aside b bdi bdo blockquote br caption cite code col colgroup dd "
    "del details dfn div dl dt em figcaption figure footer h1 h2 h3 h4 h5 h6 header hr i img "
    "ins kbd li mark ol p pre q rp rt ruby s samp section small span strong sub summary sup "
    "table tbody td tfoot th thead time tr u ul var wbr".split())
BLOCK_ATTRIBUTES = {"*": {"title", "lang", "dir", "class"}, "a": {"href"},
                    "img": {"src", "alt", "width", "height"}, "td": {"colspan", "rowspan"},
                    "th": {"colspan", "rowspan", "scope"}, "ol": {"start", "type"},
                    "time": {"datetime"}, "abbr": {"title"}}


def _keep_attribute(tag: str, attribute: str, value: str) -> str | None:
    if attribute in ("href", "src") and not safe_url(value):
        return None
    return value


def _no_korean_attribute(tag: str, attribute: str, value: str) -> str | None:
    if HANGUL.search(value):
        return None
    return _keep_attribute(tag, attribute, value)


def clean_html(html: str, *, english: bool = False, link=None) -> str:
    """An HTML block made safe for a page (and, for an English page, free of Korean
    attributes: a Korean alt or title cannot be translated in place). An image left
    without alt text gets an empty one, so a screen reader skips it instead of reading
    its file name (and axe-core's image-alt rule holds). ``link`` rewrites ``href`` and
    ``src`` (local files as the site has them)."""
    import nh3

    keep = _no_korean_attribute if english else _keep_attribute

    def attribute_filter(tag: str, attribute: str, value: str) -> str | None:
        value = keep(tag, attribute, value)
        if link is not None and value is not None and attribute in ("href", "src"):
            return link(value)
        return value

    cleaned = nh3.clean(html, tags=set(BLOCK_TAGS), attributes=BLOCK_ATTRIBUTES,
                        url_schemes={"http", "https", "mailto"}, link_rel=None,
                        strip_comments=True, attribute_filter=attribute_filter)
    return _NO_ALT.sub('<img alt=""', cleaned) if "<img" in cleaned else cleaned


_NO_ALT = re.compile(r"<img\b(?![^>]*\salt=)")


_MASK = re.compile("\ue000(\\d+)\ue001")


def render_html_block(text: str, regions, replacements: list[str], *,
                      english: bool, link=None) -> str:
    """An HTML block with each text region replaced by its HTML from ``replacements``,
    sanitised. The regions are masked while nh3 cleans the source, so the replacements
    (built here from escaped text) pass unchanged. On an English side any Korean left
    outside the regions is removed rather than shown."""
    out, pos = [], 0
    for index, (start, end) in enumerate(regions):
        out.append(text[pos:start])
        out.append(f"\ue000{index}\ue001")
        pos = end
    out.append(text[pos:])
    masked = "".join(part if i % 2 else _MASK.sub("", part) for i, part in enumerate(out))
    cleaned = clean_html(masked, english=english, link=link)
    if english and HANGUL.search(cleaned):
        cleaned = HANGUL.sub("", cleaned)

    def unmask(match: re.Match) -> str:
        index = int(match.group(1))
        return replacements[index] if index < len(replacements) else ""

    return _MASK.sub(unmask, cleaned)


def _span(s, side: str, stop: bool = False) -> str:
    """One sentence as the pages show it (the same markup as the templates' ``sentences``
    macro: only the first Korean sentence of a block is a tab stop)."""
    pair = escape(s.pair, quote=True)
    if side == "ko":
        return (f'<span class="s" data-pair="{pair}" id="ko-{pair}" '
                f'tabindex="{0 if stop else -1}" aria-describedby="en-{pair}">{s.korean}</span>')
    if side == "en_only":
        return s.english if s.state == "translated" else \
            '<span class="gap" title="This sentence is not translated yet">[…]</span>'
    if s.state == "translated":
        return f'<span class="s" data-pair="{pair}" id="en-{pair}" tabindex="-1">{s.english}</span>'
    if s.state == "fuzzy":
        return (f'<span class="s fuzzy" data-pair="{pair}" id="en-{pair}" tabindex="-1" '
                'title="Needs review: translated for an earlier version of the Korean">'
                f"{s.english}</span>")
    return (f'<span class="s untranslated" data-pair="{pair}" id="en-{pair}" tabindex="-1" '
            'title="Not translated yet">[not yet translated]</span>')


def block_parts(block, sentences, link=None) -> dict[str, str]:
    """Pre-rendered HTML a template needs for a block beyond its sentences: an HTML
    block for each side (lists are grouped by ``structure.group_rows``)."""
    from ..model import BlockKind

    parts: dict[str, str] = {}
    if block.kind is BlockKind.HTML:
        grouped: list[list] = [[] for _ in block.regions]
        for model_sentence, sentence in zip(block.sentences, sentences, strict=True):
            grouped[block.region_of(model_sentence)].append(sentence)
        for side in ("ko", "en", "en_only"):
            first = sentences[0].pair if sentences else ""
            replacements = [" ".join(_span(s, side, s.pair == first) for s in group)
                            for group in grouped]
            parts[side] = render_html_block(block.text, block.regions, replacements,
                                            english=side != "ko", link=link)
    return parts
