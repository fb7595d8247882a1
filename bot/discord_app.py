"""quotebot in Discord: /ask, /sources, /about, /reindex, the "Find in articles" message menu,
mentions (also a bare mention replying to a message) and DMs.

The Bot subclass owns start-up in `setup_hook` (load the index and model once, register and
optionally sync commands). Answering runs in an executor so the gateway heartbeat never
stalls, behind a semaphore that bounds questions in flight and a per-user cooldown.
"""
from __future__ import annotations

import argparse
import asyncio
import logging
import time
from typing import Callable

import discord
from discord import app_commands
from discord.ext import commands

from index.errors import ConfigError, UserError
from retrieval.answer import AnswerSet
from retrieval.errors import QuestionError

from .config import TOKEN_VARIABLE, Settings
from .discord_input import question_of, without_markup
from .discord_render import (
    ABOUT, APOLOGY, NOTHING_TO_FIND, render_answer, render_cooldown, render_sources,
)

log = logging.getLogger("quotebot.discord")

# Conversations remembered at most (the oldest forgotten first): a busy server's memory stays bounded.
MAX_CONVERSATIONS = 10_000


class QuoteBot(commands.Bot):
    """A Discord bot that answers by quoting; loads its searcher once in setup_hook."""

    def __init__(
        self, settings: Settings, load_searcher: Callable[[], object], *,
        sync_guild: int | None = None, sync_global: bool = False,
    ) -> None:
        super().__init__(
            command_prefix=commands.when_mentioned,
            intents=discord.Intents.default(),  # no privileged message-content intent
            allowed_mentions=discord.AllowedMentions.none(),
            help_command=None,
        )
        self.settings = settings
        self.searcher = None
        self._load_searcher = load_searcher
        self._sync_guild = sync_guild if sync_guild is not None else settings.discord.sync_guild
        self._sync_global = sync_global
        self._in_flight = asyncio.Semaphore(settings.discord.max_in_flight)
        self._message_cooldown = commands.CooldownMapping.from_cooldown(
            settings.discord.cooldown_questions, settings.discord.cooldown_seconds, commands.BucketType.user
        )
        self._last_answers: dict[tuple[int, int], tuple[float, AnswerSet]] = {}
        self.tree.on_error = self.on_app_command_error
        add_commands(self.tree, self)

    async def setup_hook(self) -> None:
        loop = asyncio.get_running_loop()
        self.searcher = await loop.run_in_executor(None, self._load_searcher)
        if self._sync_guild is not None:
            guild = discord.Object(id=self._sync_guild)
            self.tree.copy_global_to(guild=guild)
            await self.tree.sync(guild=guild)
        elif self._sync_global:
            await self.tree.sync()

    async def answer_text(self, question: str, conversation: tuple[int, int] | None = None) -> str:
        """The reply to a question, computed off the event loop with bounded concurrency. In a
        `conversation` (channel, user) the answer before it, if recent, reads a follow-up."""
        previous = self._previous_answer(conversation)
        async with self._in_flight:
            loop = asyncio.get_running_loop()
            try:
                result = await loop.run_in_executor(None, self.searcher.ask, question, previous)
            except QuestionError:
                return "Ask me a question about the articles, e.g. `/ask who led China's delegation?`"
        if conversation is not None:
            self._remember(conversation, result.each()[-1])
        return render_answer(result, self.searcher.threshold())

    def _previous_answer(self, conversation: tuple[int, int] | None) -> AnswerSet | None:
        said = self._last_answers.get(conversation) if conversation is not None else None
        window = self.settings.discord.follow_up_seconds
        return said[1] if said is not None and time.monotonic() - said[0] < window else None

    def _remember(self, conversation: tuple[int, int], result: AnswerSet) -> None:
        self._last_answers.pop(conversation, None)  # re-inserted last: the dict stays oldest first
        self._last_answers[conversation] = (time.monotonic(), result)
        while len(self._last_answers) > MAX_CONVERSATIONS:
            del self._last_answers[next(iter(self._last_answers))]

    async def on_message(self, message: discord.Message) -> None:
        if message.author.bot or self.user is None:
            return
        is_dm = message.guild is None
        if not is_dm and self.user not in message.mentions:
            return
        question = question_of(message)
        if not question:
            await message.reply(ABOUT, allowed_mentions=discord.AllowedMentions.none())
            return
        retry = self._message_cooldown.get_bucket(message).update_rate_limit()
        if retry:
            await message.reply(render_cooldown(retry), allowed_mentions=discord.AllowedMentions.none())
            return
        try:
            async with message.channel.typing():
                text = await self.answer_text(question, (message.channel.id, message.author.id))
        except Exception:
            log.exception("answering a message failed")
            text = APOLOGY
        await message.reply(text, allowed_mentions=discord.AllowedMentions.none())

    async def on_app_command_error(
        self, interaction: discord.Interaction, error: app_commands.AppCommandError
    ) -> None:
        if isinstance(error, app_commands.CommandOnCooldown):
            text = render_cooldown(error.retry_after)
        elif isinstance(error, app_commands.MissingPermissions):
            text = "Only members who can manage this server may do that."
        else:
            log.error("command %s failed", getattr(interaction.command, "name", "?"), exc_info=error)
            text = APOLOGY
        await send(interaction, text, ephemeral=True)

    def reindex(self) -> str:
        """Rebuild or update the index from the corpus and swap in a new searcher."""
        self.searcher = self._load_searcher()
        m = self.searcher.index.manifest
        return f"Index up to date: {len(m.files)} articles, {m.sentence_count} sentences."


async def send(interaction: discord.Interaction, text: str, *, ephemeral: bool = False) -> None:
    """Reply once or follow up, never pinging anyone."""
    mentions = discord.AllowedMentions.none()
    if interaction.response.is_done():
        await interaction.followup.send(text, ephemeral=ephemeral, allowed_mentions=mentions)
    else:
        await interaction.response.send_message(text, ephemeral=ephemeral, allowed_mentions=mentions)


def add_commands(tree: app_commands.CommandTree, bot: QuoteBot) -> None:
    """Register /ask, /sources, /about, /reindex and the "Find in articles" message menu on the tree."""

    def cooldown(interaction: discord.Interaction) -> app_commands.Cooldown:
        d = bot.settings.discord
        return app_commands.Cooldown(d.cooldown_questions, d.cooldown_seconds)

    @tree.command(name="ask", description="Ask about the articles; the answer is a quoted sentence.")
    @app_commands.describe(question="Your question, in your own words")
    @app_commands.checks.dynamic_cooldown(cooldown, key=lambda i: i.user.id)
    async def ask(interaction: discord.Interaction, question: app_commands.Range[str, 1, 1000]) -> None:
        await interaction.response.defer(thinking=True)
        conversation = (interaction.channel_id or 0, interaction.user.id)
        await send(interaction, await bot.answer_text(without_markup(question), conversation))

    # Right-click a message → Apps → "Find in articles": what someone claimed, checked against the
    # articles. A context menu carries the message's text without the message-content intent.
    @tree.context_menu(name="Find in articles")
    @app_commands.checks.dynamic_cooldown(cooldown, key=lambda i: i.user.id)
    async def find_in_articles(interaction: discord.Interaction, message: discord.Message) -> None:
        claim = without_markup(message.content)
        if not claim:
            await send(interaction, NOTHING_TO_FIND, ephemeral=True)
            return
        await interaction.response.defer(thinking=True)
        await send(interaction, await bot.answer_text(claim))

    @tree.command(name="sources", description="List the indexed articles.")
    async def sources(interaction: discord.Interaction) -> None:
        await send(interaction, render_sources(bot.searcher.index.manifest.files), ephemeral=True)

    @tree.command(name="about", description="What quotebot is and how it answers.")
    async def about(interaction: discord.Interaction) -> None:
        await send(interaction, ABOUT, ephemeral=True)

    @tree.command(name="reindex", description="Pick up new or changed articles (Manage Server only).")
    @app_commands.default_permissions(manage_guild=True)
    @app_commands.checks.has_permissions(manage_guild=True)
    async def reindex(interaction: discord.Interaction) -> None:
        await interaction.response.defer(thinking=True, ephemeral=True)
        async with bot._in_flight:
            text = await asyncio.get_running_loop().run_in_executor(None, bot.reindex)
        await send(interaction, text, ephemeral=True)


def run_discord(args: argparse.Namespace, settings: Settings) -> int:
    """`quotebot discord`: load once, connect, answer until stopped."""
    token = settings.discord.token.get_secret_value() if settings.discord.token else ""
    if not token.strip():
        raise ConfigError(f"no Discord token: set {TOKEN_VARIABLE} (or [discord] token in config.toml)")
    from .commands import open_searcher

    def load():
        searcher, _ = open_searcher(settings, quiet=True)
        return searcher

    bot = QuoteBot(settings, load, sync_guild=args.sync_guild, sync_global=args.sync_global)
    handler = logging.StreamHandler()
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    try:
        bot.run(token, log_handler=handler, log_level=logging.INFO)
    except discord.LoginFailure:
        raise ConfigError(f"Discord rejected the token in {TOKEN_VARIABLE}") from None
    except discord.PrivilegedIntentsRequired:
        raise ConfigError("Discord refused a privileged intent; quotebot needs none") from None
    except (discord.GatewayNotFound, discord.HTTPException, OSError) as exc:
        raise UserError(f"could not connect to Discord ({exc.__class__.__name__})") from None
    return 0
