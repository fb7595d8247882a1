"""A Discord message → the question it asks: Discord's markup taken out, a bare mention in
reply to a message read as asking about that message."""
from __future__ import annotations

import re

import discord

# Mentions of users, roles and channels, custom emoji, timestamps and command mentions, wherever
# they stand: "who led the talks <@123>" asks "who led the talks".
_MARKUP = re.compile(r"<(?:@[!&]?\d+|#\d+|a?:\w+:\d+|t:-?\d+(?::\w)?|/[\w -]+:\d+)>")
_SPACE = re.compile(r"[^\S\n]+")
_BLANK_LINES = re.compile(r"\s*\n\s*")


def without_markup(content: str) -> str:
    """The text of a message without Discord's mention, emoji and timestamp markup; its line
    breaks kept (one question a line asks each on its own)."""
    return _BLANK_LINES.sub("\n", _SPACE.sub(" ", _MARKUP.sub(" ", content))).strip()


def question_of(message: discord.Message) -> str:
    """What a message addressed to the bot asks: its own words, or, when it is only a mention in
    reply to another message, that message's words (so replying "@quotebot" to a claim asks
    the articles about it). Empty when there is nothing to ask."""
    own = without_markup(message.content)
    if own or message.reference is None:
        return own
    replied_to = message.reference.resolved
    return without_markup(replied_to.content) if isinstance(replied_to, discord.Message) else ""
