"""The Discord layer through discord.py's own objects, without a network connection."""
import asyncio
from unittest.mock import AsyncMock, MagicMock

import discord

from bot.config import Settings
from bot.discord_app import QuoteBot
from bot.discord_render import APOLOGY
from bot.wording import NOT_IN_ARTICLES
from retrieval.answer import Answer, AnswerSet


class StubSearcher:
    """Answers every question with one fixed sentence, or raises when told to."""

    def __init__(self, quote="Officials met @everyone in London.", fail=False, abstain=False):
        self.quote, self.fail, self.abstain = quote, fail, abstain
        self.asked, self.previous = [], []
        self.index = MagicMock()
        self.index.manifest.files = {}

    def threshold(self):
        return 0.5

    def ask(self, question, previous=None):
        self.asked.append(question)
        self.previous.append(previous)
        if self.fail:
            raise RuntimeError("boom")
        answer = Answer(quote=self.quote, source="a.txt", line=2, start=0, end=len(self.quote), score=0.9)
        return AnswerSet(question=question, abstained=self.abstain, answers=[answer])


def make_bot(searcher, **discord_settings):
    settings = Settings.model_validate({"discord": discord_settings})
    bot = QuoteBot(settings, lambda: searcher)
    bot.searcher = searcher
    return bot


def interaction_for(bot, command_name, user_id=42, **options):
    """A real discord.Interaction built from a payload, with spec'd response and followup."""
    command = bot.tree.get_command(command_name)
    data = {
        "id": "1", "application_id": "2", "token": "t", "version": 1, "type": 2,
        "channel_id": "3", "attachment_size_limit": 8388608,
        "user": {"id": str(user_id), "username": "someone", "discriminator": "0", "avatar": None},
        "data": {
            "id": "4", "name": command.name, "type": 1,
            "options": [{"type": 3, "name": k, "value": v} for k, v in options.items()],
        },
    }
    interaction = discord.Interaction(data=data, state=bot._connection)
    response = MagicMock(spec=discord.InteractionResponse)
    response.defer = AsyncMock()
    response.send_message = AsyncMock()
    response.is_done = MagicMock(return_value=False)
    response.defer.side_effect = lambda **kw: response.is_done.configure_mock(return_value=True)
    followup = MagicMock(spec=discord.Webhook)
    followup.send = AsyncMock()
    interaction._cs_response = response
    interaction._cs_followup = followup
    return interaction


def menu_interaction_for(bot, content, user_id=42):
    """A real "Find in articles" interaction on a message saying `content`."""
    author = {"id": "8", "username": "claimant", "discriminator": "0", "avatar": None}
    target = {
        "id": "55", "channel_id": "3", "author": author, "content": content, "timestamp": "2026-11-26T00:00:00+00:00",
        "edited_timestamp": None, "tts": False, "mention_everyone": False, "mentions": [], "mention_roles": [],
        "attachments": [], "embeds": [], "pinned": False, "type": 0,
    }
    interaction = interaction_for(bot, "ask", user_id=user_id)
    interaction.data = {"id": "5", "name": "Find in articles", "type": 3, "target_id": "55",
                        "resolved": {"messages": {"55": target}}}
    return interaction


async def test_bot_starts_and_registers_commands_without_connecting():
    """setup_hook loads the searcher; /ask, /sources, /about, /reindex and the message menu are on the tree."""
    searcher = StubSearcher()
    bot = QuoteBot(Settings(), lambda: searcher)
    bot.tree.sync = AsyncMock()
    await bot.setup_hook()
    assert bot.searcher is searcher and not bot.tree.sync.called
    names = {c.name: c for c in bot.tree.get_commands()}
    assert set(names) == {"ask", "sources", "about", "reindex", "Find in articles"}
    assert names["Find in articles"].type is discord.AppCommandType.message
    ask = names["ask"]
    assert ask.description and [p.name for p in ask.parameters] == ["question"]
    assert ask.parameters[0].required and ask.parameters[0].description
    assert names["reindex"].default_permissions.manage_guild


async def test_setup_hook_syncs_to_the_configured_guild_only():
    """With a sync guild, commands sync there, not globally."""
    bot = QuoteBot(Settings(), StubSearcher, sync_guild=123)
    bot.tree.sync = AsyncMock()
    await bot.setup_hook()
    assert bot.tree.sync.await_args.kwargs["guild"].id == 123


async def test_ask_defers_then_follows_up_without_pings():
    """/ask defers at once, then sends the quote with AllowedMentions.none()."""
    bot = make_bot(StubSearcher())
    interaction = interaction_for(bot, "ask", question="who met?")
    await bot.tree._call(interaction)
    interaction.response.defer.assert_awaited_once()
    interaction.followup.send.assert_awaited_once()
    args, kwargs = interaction.followup.send.await_args
    assert kwargs["allowed_mentions"].everyone is False and kwargs["allowed_mentions"].users is False
    assert "@everyone" not in args[0] and "`a.txt:2`" in args[0]


async def test_find_in_articles_asks_about_the_message_s_text():
    """The message menu looks up what the message says, its mention markup left out, and answers in the channel."""
    searcher = StubSearcher()
    bot = make_bot(searcher)
    interaction = menu_interaction_for(bot, "<@123> Bessent led the talks in London")
    await bot.tree._call(interaction)
    assert searcher.asked == ["Bessent led the talks in London"]
    interaction.response.defer.assert_awaited_once()
    assert "`a.txt:2`" in interaction.followup.send.await_args.args[0]


async def test_find_in_articles_on_a_message_without_words_says_so_privately():
    """An image-only message has nothing to look for: a private note, no search."""
    searcher = StubSearcher()
    bot = make_bot(searcher)
    interaction = menu_interaction_for(bot, "")
    await bot.tree._call(interaction)
    assert searcher.asked == [] and interaction.response.send_message.await_args.kwargs["ephemeral"]


async def test_ask_abstains_plainly():
    """An abstaining answer set becomes the refusal text."""
    bot = make_bot(StubSearcher(abstain=True))
    interaction = interaction_for(bot, "ask", question="what is the capital of Australia?")
    await bot.tree._call(interaction)
    assert interaction.followup.send.await_args.args[0] == NOT_IN_ARTICLES


async def test_cooldown_replies_politely_with_retry_time():
    """Past the per-user rate, /ask answers with when to retry, privately."""
    bot = make_bot(StubSearcher(), cooldown_questions=1, cooldown_seconds=60)
    await bot.tree._call(interaction_for(bot, "ask", question="first?"))
    second = interaction_for(bot, "ask", question="second?")
    await bot.tree._call(second)
    second.response.defer.assert_not_awaited()
    text = second.response.send_message.await_args.args[0]
    assert "try again in" in text and second.response.send_message.await_args.kwargs["ephemeral"]


async def test_cooldown_is_per_user():
    """Another user is not slowed down by the first one's questions."""
    bot = make_bot(StubSearcher(), cooldown_questions=1, cooldown_seconds=60)
    await bot.tree._call(interaction_for(bot, "ask", user_id=1, question="first?"))
    other = interaction_for(bot, "ask", user_id=2, question="mine?")
    await bot.tree._call(other)
    other.response.defer.assert_awaited_once()


async def test_error_while_answering_apologises_and_logs(caplog):
    """An exception becomes a short apology; the traceback is logged; nothing propagates."""
    bot = make_bot(StubSearcher(fail=True))
    interaction = interaction_for(bot, "ask", question="boom?")
    await bot.tree._call(interaction)
    assert interaction.followup.send.await_args.args[0] == APOLOGY
    assert any(r.exc_info for r in caplog.records)


async def test_answers_run_off_the_event_loop_with_bounded_concurrency():
    """Questions run in an executor; no more than max_in_flight at once."""
    running, peak = 0, 0
    import threading, time

    lock = threading.Lock()

    class Slow(StubSearcher):
        def ask(self, question, previous=None):
            nonlocal running, peak
            with lock:
                running += 1
                peak = max(peak, running)
            time.sleep(0.05)
            with lock:
                running -= 1
            return super().ask(question)

    bot = make_bot(Slow(), max_in_flight=2)
    loop_thread = threading.get_ident()
    texts = await asyncio.gather(*(bot.answer_text(f"q{i}") for i in range(6)))
    assert len(texts) == 6 and peak == 2 and threading.get_ident() == loop_thread


def mention_message(bot, content, replied_to=None):
    """A server message mentioning the bot, optionally a reply to another message."""
    me = MagicMock(spec=discord.ClientUser)
    bot._connection.user = me
    message = MagicMock(spec=discord.Message)
    message.author.bot = False
    message.author.id = 7
    message.guild = MagicMock(spec=discord.Guild)
    message.mentions = [me]
    message.content = content
    message.reference = None
    if replied_to is not None:
        message.reference = MagicMock(spec=discord.MessageReference)
        message.reference.resolved = MagicMock(spec=discord.Message, content=replied_to)
    message.channel.id = 5
    message.channel.typing = MagicMock(return_value=AsyncMock())
    message.reply = AsyncMock()
    return message


async def test_mention_is_answered_like_ask():
    """A message mentioning the bot gets the quoted answer as a reply, no pings."""
    bot = make_bot(StubSearcher())
    message = mention_message(bot, "<@999> who met in London?")
    await bot.on_message(message)
    text = message.reply.await_args.args[0]
    assert text.startswith("> ") and message.reply.await_args.kwargs["allowed_mentions"].everyone is False


async def test_a_mention_anywhere_in_the_message_is_not_part_of_the_question():
    """ "who met in London? <@999>" asks "who met in London?"."""
    searcher = StubSearcher()
    bot = make_bot(searcher)
    await bot.on_message(mention_message(bot, "who met <:thonk:12345> in London? <@999>"))
    assert searcher.asked == ["who met in London?"]


async def test_the_lines_of_a_message_reach_the_searcher():
    """One question a line stays one question a line: the searcher answers each on its own."""
    searcher = StubSearcher()
    bot = make_bot(searcher)
    await bot.on_message(mention_message(bot, "<@999> who met in London?  \n\n  who led the talks?"))
    assert searcher.asked == ["who met in London?\nwho led the talks?"]


async def test_a_follow_up_in_the_same_channel_reads_the_previous_answer():
    """The second mention by one user in one channel is asked with the first one's answer."""
    searcher = StubSearcher()
    bot = make_bot(searcher)
    await bot.on_message(mention_message(bot, "<@999> who is Kelly Ann Shaw?"))
    await bot.on_message(mention_message(bot, "<@999> where does she work?"))
    assert searcher.previous[0] is None and searcher.previous[1].question == "who is Kelly Ann Shaw?"


async def test_follow_ups_can_be_turned_off():
    """follow_up_seconds = 0: every question is read on its own."""
    searcher = StubSearcher()
    bot = make_bot(searcher, follow_up_seconds=0)
    await bot.on_message(mention_message(bot, "<@999> who is Kelly Ann Shaw?"))
    await bot.on_message(mention_message(bot, "<@999> where does she work?"))
    assert searcher.previous == [None, None]


async def test_another_users_question_is_no_follow_up():
    """A follow-up reads only its own asker's previous answer."""
    searcher = StubSearcher()
    bot = make_bot(searcher)
    await bot.on_message(mention_message(bot, "<@999> who is Kelly Ann Shaw?"))
    other = mention_message(bot, "<@999> where does she work?")
    other.author.id = 8
    await bot.on_message(other)
    assert searcher.previous == [None, None]


async def test_a_bare_mention_replying_to_a_message_asks_about_that_message():
    """Replying "@quotebot" to a claim looks the claim up in the articles."""
    searcher = StubSearcher()
    bot = make_bot(searcher)
    await bot.on_message(mention_message(bot, "<@999>", replied_to="Bessent led the talks"))
    assert searcher.asked == ["Bessent led the talks"]


async def test_a_bare_mention_replying_to_a_message_without_text_gets_the_about_text():
    """Without the message-content intent a replied-to message may arrive empty: the bot says what it does."""
    searcher = StubSearcher()
    bot = make_bot(searcher)
    message = mention_message(bot, "<@999>", replied_to="")
    await bot.on_message(message)
    assert searcher.asked == [] and "quotebot" in message.reply.await_args.args[0]


async def test_messages_not_addressed_to_the_bot_are_ignored():
    """In a server, a message without a mention gets no reply."""
    bot = make_bot(StubSearcher())
    bot._connection.user = MagicMock(spec=discord.ClientUser)
    message = MagicMock(spec=discord.Message)
    message.author.bot = False
    message.guild = MagicMock(spec=discord.Guild)
    message.mentions = []
    message.reply = AsyncMock()
    await bot.on_message(message)
    message.reply.assert_not_awaited()


def test_missing_token_is_one_line_exit_2(capsys, monkeypatch):
    """`quotebot discord` without a token: one clear line, exit code 2, no traceback."""
    from bot.cli import main

    monkeypatch.delenv("QUOTEBOT_DISCORD_TOKEN", raising=False)
    assert main(["discord"]) == 2
    err = capsys.readouterr().err
    assert "QUOTEBOT_DISCORD_TOKEN" in err and "Traceback" not in err


def test_rejected_token_is_one_line_and_never_echoed(capsys, monkeypatch):
    """A token Discord rejects: exit 2, and the token text never appears."""
    from bot.cli import main

    secret = "very-secret-token-value"
    monkeypatch.setenv("QUOTEBOT_DISCORD_TOKEN", secret)

    def reject(self, token, **kwargs):
        raise discord.LoginFailure("Improper token has been passed.")

    monkeypatch.setattr(QuoteBot, "run", reject)
    assert main(["discord"]) == 2
    out = capsys.readouterr()
    assert "rejected" in out.err and secret not in out.err + out.out
