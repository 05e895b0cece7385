#!/usr/bin/env python3
"""Does a model's raw attention peak on the right source word for obvious links (car/voiture, cat/chat, ...)?

Reads the probe (scripts/probes/obvious-links-en-fr.tsv) and the JSON lines that `nmt4j align --output` wrote for
its pairs (forced decoding of the given French), and prints, per link, where the French word's row peaks: in the
raw matrix (every column, </s> included when the model reads one) and with </s> ignored. Subword rows and
columns are merged into words first (source pieces summed, target rows averaged), as the page does.

  grep -v '^#' scripts/probes/obvious-links-en-fr.tsv | cut -f1 > probe.en
  grep -v '^#' scripts/probes/obvious-links-en-fr.tsv | cut -f2 > probe.fr
  java -jar target/nmt4j.jar align --model models/en-fr --src probe.en --tgt probe.fr --output probe.jsonl
  python3 scripts/obvious-links.py scripts/probes/obvious-links-en-fr.tsv probe.jsonl
"""
import json
import sys


def words(tokens):
    """Groups subword tokens (marked '@@' when the word goes on) into words: [(word, [indices])]."""
    out, current, idx = [], '', []
    for i, t in enumerate(tokens):
        if t.endswith('@@'):
            current += t[:-2]
            idx.append(i)
            continue
        out.append((current + t, idx + [i]))
        current, idx = '', []
    if idx:
        out.append((current, idx))
    return out


def main(probe_file, jsonl_file):
    probes = [l.rstrip('\n').split('\t') for l in open(probe_file, encoding='utf-8') if l.strip() and not l.startswith('#')]
    rows = [json.loads(l) for l in open(jsonl_file, encoding='utf-8') if l.strip()]
    if len(probes) != len(rows):
        sys.exit(f'{len(probes)} probes but {len(rows)} alignments')
    raw_ok = ignore_ok = 0
    for (en, fr, en_word, fr_word), a in zip(probes, rows):
        src, tgt, m = a['source'], a['target'], a['alignment']
        src_words, tgt_words = words(src), words(tgt)
        def col(j_idx):
            return j_idx
        # target word row: mean of its pieces' rows; source word column: sum of its pieces' columns
        t_match = [w for w in tgt_words if w[0].lower() == fr_word.lower()]
        s_match = [k for k, w in enumerate(src_words) if w[0].lower() == en_word.lower()]
        if not t_match or not s_match:
            print(f'  ?  {en_word}/{fr_word}: not found in {src} / {tgt}')
            continue
        rows_i = t_match[0][1]
        merged = []
        for _, cols in src_words:
            merged.append(sum(sum(m[i][j] for j in cols) for i in rows_i) / len(rows_i))
        names = [w for w, _ in src_words]
        raw = max(range(len(merged)), key=lambda k: merged[k])
        no_eos = max((k for k in range(len(merged)) if names[k] != '</s>'), key=lambda k: merged[k])
        raw_ok += raw in s_match
        ignore_ok += no_eos in s_match
        eos = merged[names.index('</s>')] if '</s>' in names else 0.0
        print(f"{'ok' if raw in s_match else '--'} {'ok' if no_eos in s_match else '--'}  {fr_word} -> {names[raw]}"
              f" ({merged[raw]:.2f}; on {en_word} {merged[s_match[0]]:.2f}; on </s> {eos:.2f})")
    print(f'raw argmax on the right word: {raw_ok} of {len(probes)}; ignoring </s>: {ignore_ok} of {len(probes)}')


if __name__ == '__main__':
    main(sys.argv[1], sys.argv[2])
