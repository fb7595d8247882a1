"""The quotebot command as a user runs it: answers, JSON shape, stdin batches, bad input."""
import json
import os
import subprocess
import sys

import pytest

from bot.cli import main
from tests.conftest import REPO, SEEDS


@pytest.fixture
def index_dir(tmp_path_factory):
    return tmp_path_factory.mktemp("cli-index")


def ask(capsys, index_dir, *args):
    code = main(["ask", *args, "--corpus", str(SEEDS), "--index-dir", str(index_dir)])
    out = capsys.readouterr()
    return code, out.out, out.err


def test_ask_quotes_the_answer_with_file_and_line(capsys, index_dir):
    """The core promise: He Lifeng's sentence, its file and line."""
    code, out, _ = ask(capsys, index_dir, "who led China's delegation?")
    assert code == 0
    assert "He Lifeng" in out and ".txt, line " in out


def test_json_has_the_documented_shape(capsys, index_dir):
    """--json: question, abstained, ranked answers with quote/source/line/start/end/score."""
    code, out, _ = ask(capsys, index_dir, "who led China's delegation?", "--json", "--top-k", "3")
    record = json.loads(out)
    assert code == 0 and record["question"] == "who led China's delegation?"
    assert isinstance(record["abstained"], bool) and 1 <= len(record["answers"]) <= 3
    for answer in record["answers"]:
        assert {"quote", "source", "line", "start", "end", "score"} <= answer.keys()
        text = (SEEDS / answer["source"]).read_text(encoding="utf-8")
        assert " ".join(text[answer["start"] : answer["end"]].split()) == " ".join(answer["quote"].split())
    scores = [a["score"] for a in record["answers"]]
    assert scores == sorted(scores, reverse=True)


@pytest.mark.parametrize("question", ["", "   ", "\t\n", "?!"])
def test_empty_question_is_a_clear_error(capsys, index_dir, question):
    """An empty question: one line on stderr, exit code 2, no traceback."""
    code, out, err = ask(capsys, index_dir, question)
    assert code == 2 and out == ""
    assert err.startswith("quotebot: error:") and "Traceback" not in err and err.count("\n") == 1


@pytest.mark.parametrize(
    "question",
    ["x" * 100_000, "who\x00led\x07 the\x1b[31m talks?", "who led the talks? 🇨🇳🤝🇺🇸", "\u202ewho led the talks?\u202c"],
    ids=["100KB", "control", "emoji", "rtl"],
)
def test_messy_questions_are_answered_or_refused_cleanly(capsys, index_dir, question):
    """Huge, control-character, emoji and RTL questions never crash."""
    code, out, err = ask(capsys, index_dir, question, "--json")
    assert code in (0, 2) and "Traceback" not in err
    if code == 0:
        assert "answers" in json.loads(out)


def test_missing_corpus_is_a_clear_error(capsys, tmp_path):
    """A corpus folder that does not exist: one line, exit code 2."""
    code = main(["ask", "who?", "--corpus", str(tmp_path / "nope"), "--index-dir", str(tmp_path)])
    err = capsys.readouterr().err
    assert code == 2 and "corpus folder not found" in err


def test_corpus_without_txt_is_a_clear_error(capsys, tmp_path):
    """A folder with no .txt articles: one line, exit code 2."""
    (tmp_path / "c").mkdir()
    code = main(["index", "--corpus", str(tmp_path / "c"), "--index-dir", str(tmp_path / "i")])
    assert code == 2 and "no usable .txt" in capsys.readouterr().err


def test_index_command_prints_counts(capsys, index_dir):
    """`quotebot index` reports articles and sentences."""
    assert main(["index", "--corpus", str(SEEDS), "--index-dir", str(index_dir)]) == 0
    out = capsys.readouterr().out
    assert "5 articles" in out and "sentences" in out


def test_index_command_names_skipped_files_even_when_reused(capsys, caplog, tmp_path):
    """Asked about the index, quotebot says again which files it skipped, though nothing changed."""
    corpus = tmp_path / "c"
    corpus.mkdir()
    (corpus / "a.txt").write_text("Alice founded Acme in 1999.", encoding="utf-8")
    (corpus / "image.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00")
    args = ["index", "--corpus", str(corpus), "--index-dir", str(tmp_path / "i")]
    assert main(args) == 0
    caplog.clear()
    assert main(args) == 0
    assert "reused" in capsys.readouterr().out and "skipped image.txt: binary file" in caplog.text


def test_bad_config_value_is_a_clear_error(capsys, tmp_path, index_dir):
    """An unknown key in the config file names the key."""
    config = tmp_path / "c.toml"
    config.write_text("[retrieval]\ntopk = 3\n")
    code = main(["--config", str(config), "ask", "who?", "--corpus", str(SEEDS), "--index-dir", str(index_dir)])
    err = capsys.readouterr().err
    assert code == 2 and "retrieval.topk" in err and "unknown setting" in err


def test_example_config_shows_every_default(monkeypatch):
    """config.example.toml loads without error and changes nothing: each key shows its default."""
    from bot.config import Settings, load_settings

    monkeypatch.delenv("QUOTEBOT_CONFIG", raising=False)
    for name in [k for k in os.environ if k.startswith("QUOTEBOT_")]:
        monkeypatch.delenv(name)
    assert load_settings(REPO / "config.example.toml") == Settings()


def test_stdin_batch_answers_each_line_in_one_process(tmp_path):
    """No question and piped stdin: one JSON answer per question line, in order."""
    questions = ["who led China's delegation?", "what is the capital of Australia?", "", "what did the US suspend in May?"]
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    proc = subprocess.run(
        [sys.executable, "-m", "bot", "ask", "--json", "--corpus", str(SEEDS), "--index-dir", str(tmp_path)],
        input="\n".join(questions) + "\n", capture_output=True, text=True, env=env, cwd=REPO, timeout=300,
    )
    assert proc.returncode == 0, proc.stderr
    records = [json.loads(line) for line in proc.stdout.splitlines()]
    assert [r["question"] for r in records] == [q for q in questions if q]
    assert "He Lifeng" in records[0]["answers"][0]["quote"]
    assert records[1]["abstained"] and "Australia" in records[1]["not_in_articles"]


def test_an_empty_stdin_batch_is_a_one_line_error(tmp_path):
    """No question and nothing piped in: a one-line error, not silence."""
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    proc = subprocess.run(
        [sys.executable, "-m", "bot", "ask", "--corpus", str(SEEDS), "--index-dir", str(tmp_path)],
        input="\n  \n", capture_output=True, text=True, env=env, cwd=REPO, timeout=300,
    )
    assert proc.returncode == 2 and proc.stdout == ""
    assert proc.stderr.startswith("quotebot: error: no question") and proc.stderr.count("\n") == 1


def chat(tmp_path, typed: str) -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    return subprocess.run(
        [sys.executable, "-m", "bot", "chat", "--corpus", str(SEEDS), "--index-dir", str(tmp_path)],
        input=typed, capture_output=True, text=True, env=env, cwd=REPO, timeout=300,
    )


def test_chat_answers_until_exit(tmp_path):
    """`quotebot chat` answers each question and leaves on 'exit'."""
    proc = chat(tmp_path, "who led China's delegation?\n\nexit\nwho led the US delegation?\n")
    assert proc.returncode == 0, proc.stderr
    assert "He Lifeng" in proc.stdout
    assert proc.stdout.count(".txt, line ") == 1  # the question after 'exit' was never answered


def test_chat_passes_over_an_empty_line(tmp_path):
    """Enter alone in the chat asks again; only signs, with no words, get a hint."""
    proc = chat(tmp_path, "\n   \n?!\nexit\n")
    assert proc.returncode == 0, proc.stderr
    assert "empty" not in proc.stdout and proc.stdout.count("no words to look for") == 1


def test_chat_reads_a_follow_up_with_the_person_asked_about(tmp_path):
    """In the chat, "which law firm does she work for" after a question about Kelly Ann Shaw finds her firm."""
    proc = chat(tmp_path, "what does kelly ann shaw expect china to do\nwhich law firm does she work for\nexit\n")
    assert proc.returncode == 0, proc.stderr
    assert "read as: which law firm does kelly ann shaw work for" in proc.stdout
    assert "Akin Gump" in proc.stdout.split("read as:")[1]


def test_batch_line_answers_each_question_of_a_line(tmp_path):
    """A piped line asking two questions gets both answers on its one output line."""
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    proc = subprocess.run(
        [sys.executable, "-m", "bot", "ask", "--corpus", str(SEEDS), "--index-dir", str(tmp_path)],
        input="Who led China's delegation? How long did the talks last?\n", capture_output=True, text=True,
        env=env, cwd=REPO, timeout=300,
    )
    assert proc.returncode == 0, proc.stderr
    first, second = proc.stdout.strip().split(" | ")
    assert "He Lifeng" in first and "hours" in second


def test_batch_line_refusal_names_the_words_the_articles_never_use(tmp_path):
    """A refused piped question gets the refusal and what the articles never mention, on its line."""
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    proc = subprocess.run(
        [sys.executable, "-m", "bot", "ask", "--corpus", str(SEEDS), "--index-dir", str(tmp_path)],
        input="who represented Japan at the talks?\n", capture_output=True, text=True, env=env, cwd=REPO, timeout=300,
    )
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.strip() == "The articles don't say. They never use the word “Japan”."
