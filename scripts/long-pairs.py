#!/usr/bin/env python3
"""Makes a long-sentence test set from a parallel one by joining pairs of sentences (both sides).

Sentences of at least MIN words (whitespace split, source side) are shuffled with a fixed seed and joined two
by two with a space; joined pairs of 15-40 source words are kept. Used for the "Beam search options" table in
the README:  python3 scripts/long-pairs.py valid.en valid.fr long.en long.fr
"""
import random
import sys

MIN, LOW, HIGH, SEED = 7, 15, 40, 11


def main(src_in, tgt_in, src_out, tgt_out):
    with open(src_in, encoding="utf-8") as f:
        src = f.read().splitlines()
    with open(tgt_in, encoding="utf-8") as f:
        tgt = f.read().splitlines()
    assert len(src) == len(tgt), "the two sides differ in length"
    pool = [i for i, s in enumerate(src) if len(s.split()) >= MIN]
    random.Random(SEED).shuffle(pool)
    pairs = []
    for a, b in zip(pool[0::2], pool[1::2]):
        joined = src[a] + " " + src[b]
        if LOW <= len(joined.split()) <= HIGH:
            pairs.append((joined, tgt[a] + " " + tgt[b]))
    with open(src_out, "w", encoding="utf-8") as f:
        f.writelines(s + "\n" for s, _ in pairs)
    with open(tgt_out, "w", encoding="utf-8") as f:
        f.writelines(t + "\n" for _, t in pairs)
    print(f"{len(pairs)} pairs of {LOW}-{HIGH} source words", file=sys.stderr)


if __name__ == "__main__":
    main(*sys.argv[1:5])
