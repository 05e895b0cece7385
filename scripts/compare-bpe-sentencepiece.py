#!/usr/bin/python3
"""Compare nmt4j's BPE with SentencePiece's (model_type=bpe) on the same pre-tokenized text.

Not a test: the product never needs SentencePiece. Needs Debian's python3-sentencepiece
(apt-get install -y python3-sentencepiece, which installs into /usr/bin/python3) and a built jar
(mvn -q package -DskipTests).

For each language: tokenize train and test with nmt4j's word tokenizer (`bpe apply` without codes), learn
BPE with nmt4j (`bpe learn --tokenizer whitespace`) and with SentencePiece on those words (split only at
whitespace, no script or number splitting, identity normalization), with SentencePiece's vocabulary size set
to the number of distinct units nmt4j uses on the training text (+3 for <unk> <s> </s>). Then prints:

- word agreement: share of test words (running tokens) that both split at the same places;
- sentence agreement: share of test sentences segmented identically;
- vocabulary overlap: the unit strings (markers stripped: nmt4j's trailing @@, SentencePiece's leading U+2581)
  each uses on the training text, their intersection, and the Jaccard index;
- the learning time of each.

Usage: scripts/compare-bpe-sentencepiece.py [--corpus DIR] [--langs en fr] [--merges 8000] [--jar target/nmt4j.jar]
"""
import argparse
import os
import subprocess
import sys
import tempfile
import time

import sentencepiece as spm

MARK = "@@"
SPACE = "\u2581"


def nmt4j(jar, *args):
    subprocess.run(["nice", "-n", "19", "java", "-jar", jar, *args], check=True, stdout=subprocess.DEVNULL)


def lines(path):
    with open(path, encoding="utf-8") as f:
        return [l.rstrip("\n") for l in f]


def nmt4j_words(tokens):
    """Marked subwords of one line -> list of words, each a list of pieces without markers."""
    words, current = [], []
    for t in tokens:
        if t.endswith(MARK):
            current.append(t[:-len(MARK)])
        else:
            current.append(t)
            words.append(current)
            current = []
    if current:
        words.append(current)
    return words


def spm_words(pieces):
    """SentencePiece pieces of one line -> list of words, each a list of pieces without the U+2581 marker."""
    words = []
    for p in pieces:
        if p.startswith(SPACE):
            words.append([])
            p = p[1:]
            if not p:
                continue
        if not words:
            words.append([])
        words[-1].append(p)
    return [w for w in words if w]


def compare(args, lang, work):
    corpus = args.corpus
    train_tok, test_tok = os.path.join(work, f"train.tok.{lang}"), os.path.join(work, f"test.tok.{lang}")
    nmt4j(args.jar, "bpe", "apply", "--lang", lang, "--input", os.path.join(corpus, f"train.{lang}"), "--output", train_tok)
    nmt4j(args.jar, "bpe", "apply", "--lang", lang, "--input", os.path.join(corpus, f"test.{lang}"), "--output", test_tok)

    codes = os.path.join(work, f"{lang}.codes")
    t0 = time.time()
    out = subprocess.run(["nice", "-n", "19", "java", "-jar", args.jar, "bpe", "learn", "--text", train_tok, "--lang", lang,
                          "--tokenizer", "whitespace", "--merges", str(args.merges), "--out", codes],
                         check=True, capture_output=True, text=True).stdout.strip()
    nmt4j_seconds = time.time() - t0
    seg_train, seg_test = os.path.join(work, f"train.bpe.{lang}"), os.path.join(work, f"test.bpe.{lang}")
    for src, dst in ((train_tok, seg_train), (test_tok, seg_test)):
        nmt4j(args.jar, "bpe", "apply", "--codes", codes, "--tokenizer", "whitespace", "--lang", lang,
              "--input", src, "--output", dst)
    ours_units = set()
    for l in lines(seg_train):
        ours_units.update(l.split())
    vocab_size = len(ours_units) + 3

    prefix = os.path.join(work, f"spm.{lang}")
    t0 = time.time()
    spm.SentencePieceTrainer.train(
        input=train_tok, model_prefix=prefix, model_type="bpe", vocab_size=vocab_size, character_coverage=1.0,
        split_by_whitespace=True, split_by_unicode_script=False, split_by_number=False, split_digits=False,
        normalization_rule_name="identity", add_dummy_prefix=True, input_sentence_size=0,
        max_sentencepiece_length=64, max_sentence_length=100000, hard_vocab_limit=False,
        num_threads=1, minloglevel=2)
    spm_seconds = time.time() - t0
    sp = spm.SentencePieceProcessor(model_file=prefix + ".model")

    words = same_words = sentences = same_sentences = 0
    for ours_line, text in zip(lines(seg_test), lines(test_tok)):
        ours = nmt4j_words(ours_line.split())
        theirs = spm_words(sp.encode(text, out_type=str))
        if [''.join(w) for w in ours] != [''.join(w) for w in theirs]:
            print(f"  {lang}: words differ, skipped: {text!r}", file=sys.stderr)
            continue
        sentences += 1
        same = sum(1 for a, b in zip(ours, theirs) if a == b)
        words += len(ours)
        same_words += same
        same_sentences += same == len(ours)

    ours_bare = {u[:-len(MARK)] if u.endswith(MARK) else u for u in ours_units}
    theirs_bare = set()
    for l in lines(train_tok):
        for p in sp.encode(l, out_type=str):
            p = p[1:] if p.startswith(SPACE) else p
            if p:
                theirs_bare.add(p)
    both = ours_bare & theirs_bare
    print(f"{lang}: {args.merges} merges; nmt4j: {out}")
    print(f"  units used on train: nmt4j {len(ours_units)} ({len(ours_bare)} strings without markers), "
          f"SentencePiece vocab_size {vocab_size} ({len(theirs_bare)} strings used on train)")
    print(f"  learning time: nmt4j {nmt4j_seconds:.1f} s (JVM start and reading included), SentencePiece {spm_seconds:.1f} s")
    print(f"  test words segmented identically: {same_words}/{words} = {100.0 * same_words / max(1, words):.2f} %")
    print(f"  test sentences segmented identically: {same_sentences}/{sentences} = "
          f"{100.0 * same_sentences / max(1, sentences):.2f} %")
    print(f"  vocabulary overlap: {len(both)} strings in both; {100.0 * len(both) / max(1, len(ours_bare)):.1f} % of nmt4j's, "
          f"{100.0 * len(both) / max(1, len(theirs_bare)):.1f} % of SentencePiece's; Jaccard "
          f"{len(both) / max(1, len(ours_bare | theirs_bare)):.3f}")


def main():
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("--corpus", default="/work/shared/corpora/tatoeba-eng-fra")
    p.add_argument("--langs", nargs="+", default=["en", "fr"])
    p.add_argument("--merges", type=int, default=8000)
    p.add_argument("--jar", default="target/nmt4j.jar")
    p.add_argument("--work", help="directory for intermediate files (default: a temporary one)")
    args = p.parse_args()
    work = args.work or tempfile.mkdtemp(prefix="bpe-compare-")
    os.makedirs(work, exist_ok=True)
    for lang in args.langs:
        compare(args, lang, work)


if __name__ == "__main__":
    main()
