"""Front ends (terminal CLI and chat, Discord): each renders the same retrieval.AnswerSet."""
