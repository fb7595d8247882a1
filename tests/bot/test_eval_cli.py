"""`quotebot eval` end to end on a small gold file over the seeds."""
import json

import pytest

from bot.cli import main
from tests.conftest import SEEDS

GOLD = [
    {"id": "a", "question": "who led China's delegation?", "kind": "lexical",
     "answers": [{"source": "001_a47d68a45776695b.txt", "quote": "led by Vice Premier He Lifeng"},
                 {"source": "000_05be51cd5a653693.txt", "quote": "led by Deputy Prime Minister He Lifeng"},
                 {"source": "003_9f6454c9d33b079a.txt", "quote": "He Lifeng heads the Chinese delegation"},
                 {"source": "004_1023d307a01e64fc.txt", "quote": "led by Vice Premier He Lifeng"}]},
    {"id": "b", "question": "How do I bake bread?", "kind": "unanswerable", "answers": []},
]


@pytest.fixture
def gold_file(tmp_path):
    path = tmp_path / "gold.jsonl"
    path.write_text("".join(json.dumps(g) + "\n" for g in GOLD))
    return path


@pytest.fixture(scope="module")
def index_dir(tmp_path_factory):
    return tmp_path_factory.mktemp("eval-index")


def run(capsys, index_dir, *args):
    code = main(["eval", *map(str, args), "--corpus", str(SEEDS), "--index-dir", str(index_dir)])
    return code, capsys.readouterr()


def test_eval_json_reports_metrics_per_kind(capsys, gold_file, index_dir):
    """--json gives overall and per-kind metrics and throughput."""
    code, out = run(capsys, index_dir, gold_file, "--json")
    report = json.loads(out.out)
    assert code == 0 and report["overall"]["questions"] == 2
    assert set(report["by_kind"]) == {"lexical", "unanswerable"}
    assert report["by_kind"]["lexical"]["hit1"] == 1.0 and report["questions_per_second"] > 0


def test_eval_json_has_null_where_a_kind_has_nothing_to_measure(capsys, gold_file, index_dir):
    """An all-unanswerable kind has no Hit@1 and an all-answerable one no abstain recall: null, not 0."""
    code, out = run(capsys, index_dir, gold_file, "--json")
    kinds = json.loads(out.out)["by_kind"]
    assert kinds["unanswerable"]["hit1"] is None and kinds["lexical"]["abstain_recall"] is None
    assert kinds["unanswerable"]["abstain_recall"] is not None


def test_compare_prints_one_row_per_mode(capsys, gold_file, index_dir):
    """--compare runs every mode in one go."""
    code, out = run(capsys, index_dir, gold_file, "--compare", "--json")
    assert code == 0 and set(json.loads(out.out)) == {"dense", "bm25", "hybrid", "rerank"}


def test_runs_plot_and_calibration_files(capsys, gold_file, index_dir, tmp_path):
    """--runs writes ask-shaped JSON lines, --plot a PNG, --write-config the threshold."""
    config = tmp_path / "config.toml"
    config.write_text("[retrieval]\ntop_k = 3\n\n[discord]\ncooldown_seconds = 5.0\n")
    code, out = run(
        capsys, index_dir, gold_file, "--runs", tmp_path / "runs.jsonl", "--plot", tmp_path / "curve.png",
        "--calibrate", "--write-config", config,
    )
    assert code == 0, out.err
    assert "on questions left out of calibrating" in out.out
    runs = [json.loads(l) for l in (tmp_path / "runs.jsonl").read_text().splitlines()]
    assert [r["question"] for r in runs] == [g["question"] for g in GOLD]
    assert (tmp_path / "curve.png").read_bytes()[:4] == b"\x89PNG"
    text = config.read_text()
    assert "top_k = 3" in text and "cooldown_seconds = 5.0" in text and "threshold = " in text
    assert main(["--config", str(config), "ask", "who?", "--corpus", str(SEEDS), "--index-dir", str(index_dir), "--json"]) == 0


def test_missing_gold_file_is_a_clear_error(capsys, index_dir, tmp_path):
    code, out = run(capsys, index_dir, tmp_path / "nope.jsonl")
    assert code == 2 and "gold file not found" in out.err


def test_gold_file_of_another_corpus_is_a_clear_error(capsys, index_dir, tmp_path):
    """When no gold source is an article of the corpus, eval stops and asks about --corpus."""
    path = tmp_path / "squad.jsonl"
    path.write_text(json.dumps({"id": "s", "question": "who?", "answers": [{"source": "Normans.txt", "quote": "x"}]}) + "\n")
    code, out = run(capsys, index_dir, path)
    assert code == 2 and "is --corpus right?" in out.err and "Normans.txt" in out.err


def test_kind_table_shows_a_dash_where_a_kind_has_no_questions_to_measure(capsys, gold_file, index_dir):
    """An all-unanswerable kind has no Hit@1, an all-answerable one no abstain recall: "–", not 0.000."""
    code, out = run(capsys, index_dir, gold_file)
    rows = {line.split("│")[1].strip(): [c.strip() for c in line.split("│")[2:-1]] for line in out.out.splitlines()
            if line.startswith("│")}
    assert code == 0
    assert rows["unanswerable"][1] == "–" and rows["unanswerable"][4] != "–"
    assert rows["lexical"][1] == "1.000" and rows["lexical"][4] == "–"


def test_failure_report_says_where_the_right_sentence_is(capsys, index_dir, tmp_path):
    """A missed question names the sentence that would have been right, or says none holds its quote."""
    path = tmp_path / "missed.jsonl"
    questions = [
        {"id": "bread", "question": "How do I bake bread?", "kind": "lexical",
         "answers": [{"source": "001_a47d68a45776695b.txt", "quote": "The Chinese delegation was led by"}]},
        {"id": "typo", "question": "who led China's delegation?", "kind": "lexical",
         "answers": [{"source": "001_a47d68a45776695b.txt", "quote": "a quote no article holds"}]},
    ]
    path.write_text("".join(json.dumps(q) + "\n" for q in questions))
    code, out = run(capsys, index_dir, path)
    report = out.out[out.out.index("failures"):]
    assert code == 0
    assert "expected 001_a47d68a45776695b.txt:3 'The Chinese delegation was led by" in report.replace("\n      ", " ")
    assert "no sentence of the corpus holds a gold quote" in report.replace("\n      ", " ")
