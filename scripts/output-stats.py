#!/usr/bin/env python3
"""Length and repetition figures of a hypothesis file against its reference, for the beam search options table.

Prints: the mean over sentences of (output words / reference words), the number of empty outputs, and the number
of outputs in which some 3-gram occurs twice. Words are whitespace-separated (detokenised text, as evaluate writes).
Usage: python3 scripts/output-stats.py HYP REF
"""
import sys


def repeats_a_trigram(words):
    seen = set()
    for i in range(len(words) - 2):
        g = tuple(words[i:i + 3])
        if g in seen:
            return True
        seen.add(g)
    return False


def main(hyp_file, ref_file):
    with open(hyp_file, encoding="utf-8") as f:
        hyps = f.read().splitlines()
    with open(ref_file, encoding="utf-8") as f:
        refs = f.read().splitlines()
    assert len(hyps) == len(refs), f"{len(hyps)} hypotheses, {len(refs)} references"
    ratios = [len(h.split()) / max(1, len(r.split())) for h, r in zip(hyps, refs)]
    empty = sum(1 for h in hyps if not h.strip())
    repeated = sum(1 for h in hyps if repeats_a_trigram(h.split()))
    print(f"len_ratio {sum(ratios) / len(ratios):.3f} empty {empty} repeated_3gram {repeated} n {len(hyps)}")


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
