"""Stage B data: (note, chosen, rejected) preference pairs for DPO, made by ``clinsum negatives``.

Two sources, one triplet file (:mod:`clinsum.data.triplets`, which ``clinsum dpo`` reads):
``edits`` makes one-fact hard negatives of the reference summaries, and labelled hallucinated rows
become triplets too; ``own_samples`` pairs the Stage A model's own summaries, ranked by the checker.
The package sits above ``evaluation/``, so it may generate (inference) and check (evaluation).
"""
