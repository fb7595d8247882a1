"""A web page saved as .txt → its text: markup, scripts and styles taken out, every line break
kept, so line numbers still point into the file as an editor shows it."""
from __future__ import annotations

import html
import re

# A page opens with these, or holds many tags of these kinds (a .txt of prose holds none).
_PAGE_OPENING = re.compile(r"^\ufeff?\s*<(?:!doctype\s+html|html|head|body)\b", re.IGNORECASE)
_KNOWN_TAG = re.compile(
    r"</?(?:p|div|span|br|a|b|i|em|strong|li|ul|ol|h[1-6]|table|tr|td|th|img|meta|link|title|script|style|"
    r"section|article|header|footer|nav|main|figure|figcaption|blockquote)\b[^<>]*>",
    re.IGNORECASE,
)
MIN_TAGS = 10
# What a reader never sees as the article: code, the head, comments, and the site's furniture.
_INVISIBLE = re.compile(
    r"<(script|style|noscript|head|template|nav|footer|aside|form|button|select)\b.*?</\1\s*>|<!--.*?-->",
    re.IGNORECASE | re.DOTALL,
)
# Tags inside a sentence ("<b>Chinese delegation</b>") vanish; others part what they stand between.
_INLINE_TAG = re.compile(
    r"</?(?:a|b|i|em|strong|span|sup|sub|small|abbr|code|u|s|mark|q|cite|time)\b[^<>]*>", re.IGNORECASE
)
_TAG = re.compile(r"<[!/?a-zA-Z][^<>]*>")


def is_web_page(text: str) -> bool:
    """Whether a text is HTML: it opens as a page does, or holds MIN_TAGS tags or more."""
    return bool(_PAGE_OPENING.match(text)) or len(_KNOWN_TAG.findall(text, 0, 200_000)) >= MIN_TAGS


def page_text(page: str) -> str:
    """The text of a page, its line breaks where they were."""
    def lines_only(match: re.Match) -> str:
        return "\n" * match.group().count("\n")

    def parting(match: re.Match) -> str:
        return "\n" * match.group().count("\n") or " "

    text = _INVISIBLE.sub(lines_only, page)
    text = _INLINE_TAG.sub(lines_only, text)
    return html.unescape(_TAG.sub(parting, text))
