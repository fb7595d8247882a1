"""A web page saved as .txt read as its text (index.web_page)."""
from index.web_page import is_web_page, page_text

PAGE = """<!DOCTYPE html>
<html><head><title>Trade talks</title>
<script>var tracking = "The delegation was led by nobody.";</script></head>
<body><nav>Home | World | Business</nav>
<p>The <b>Chinese delegation</b> was led by He Lifeng.</p>
<p>Talks lasted seven hours &amp; resumed on Tuesday.</p><p>Both sides spoke.</p>
</body></html>
"""


def test_a_page_is_told_from_prose():
    """A page opening with <!DOCTYPE html> is HTML; prose with a "<" in it is not."""
    assert is_web_page(PAGE)
    assert not is_web_page("Exports fell, as x < 3 and y > 2 suggested.\nTalks resumed.")


def test_the_text_keeps_words_and_line_breaks_not_markup():
    """Inline tags vanish, entities are read, scripts, the head and navigation go; lines stay put."""
    text = page_text(PAGE)
    lines = text.split("\n")
    assert len(lines) == len(PAGE.split("\n"))
    assert lines[4].strip() == "The Chinese delegation was led by He Lifeng."
    assert "Talks lasted seven hours & resumed on Tuesday." in lines[5]
    assert "nobody" not in text and "Home | World" not in text and "Trade talks" not in text


def test_block_tags_part_the_sentences_they_stand_between():
    """ "…Tuesday.</p><p>Both…" keeps a space between the two sentences."""
    assert "Tuesday. Both sides spoke." in " ".join(page_text(PAGE).split())
