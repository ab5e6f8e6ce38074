"""What the PHI detector finds in MTS-Dialog dialogues (or their notes), by type and by text: a precision check.

    python benchmarks/phi_dialogue_detections.py --rows 400                    # the first 400 training dialogues
    python benchmarks/phi_dialogue_detections.py --rows 1201 --text summary    # the notes written from them
    python benchmarks/phi_dialogue_detections.py --start 900 --rows 301        # rows the name tagger never saw

MTS-Dialog's dialogues hold few identifiers (a few clinicians' names: "Doctor White"), and no labels for them, so
this counts detections, not errors: read the most frequent texts to see which are spoken words taken for names.
Skips cleanly when ../shared is absent.
"""

from __future__ import annotations

import argparse
from collections import Counter

from clinsum.paths import MTS_TRAIN


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--rows", type=int, default=400, help="rows of the training set to read")
    parser.add_argument("--start", type=int, default=0,
                        help="first row to read (900: the rows the PHI name tagger was not trained on)")
    parser.add_argument("--top", type=int, default=30, help="most frequent detected texts to print")
    parser.add_argument("--text", choices=("note", "summary"), default="note",
                        help="note: the dialogue; summary: the note section written from it")
    args = parser.parse_args()
    if not MTS_TRAIN.exists():
        print(f"skipped: {MTS_TRAIN} is absent")
        return 0
    from clinsum.data.dataset import load_examples
    from clinsum.privacy.detect import PhiDetector

    detector, found = PhiDetector(), Counter()
    for example in load_examples(MTS_TRAIN)[args.start: args.start + args.rows]:
        text = getattr(example, args.text)
        found.update((text[s.start: s.end], s.type) for s in detector.find(text))
    by_type = Counter()
    for (_, kind), n in found.items():
        by_type[kind] += n
    print(f"{sum(found.values())} detections in {args.rows} {'dialogues' if args.text == 'note' else 'notes'}: " + ", ".join(f"{k} {n}" for k, n in by_type.most_common()))
    for (text, kind), n in found.most_common(args.top):
        print(f"{n:4d}  {kind:<12} {text!r}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
