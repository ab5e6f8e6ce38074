"""What several benchmarks share, so that none imports another: their training rows."""

from __future__ import annotations

import random

from clinsum.data.dataset import Example, load_examples
from clinsum.paths import MTS_TRAIN


def training_rows(n: int, seed: int) -> tuple[list[Example], str]:
    """``n`` seeded-random training rows and their source: MTS-Dialog training dialogues when ../shared has them,
    else built-in synthetic notes."""
    if MTS_TRAIN.exists():
        examples = load_examples(MTS_TRAIN)
        source = "MTS-Dialog train"
    else:
        from clinsum.data.synthetic import generate_examples

        examples, source = generate_examples(max(n, 200), seed=seed), "synthetic"
    random.Random(seed).shuffle(examples)
    return examples[:n], source
