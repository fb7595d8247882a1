"""Question → ranked, grouped, thresholded answers quoted from the index; and their evaluation.

Nothing here knows about terminals or Discord: front ends render the `AnswerSet` they get.
"""
