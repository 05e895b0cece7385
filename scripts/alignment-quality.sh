#!/bin/bash
# Alignment quality on the hand-aligned Tatoeba en-fr gold set (scripts/gold/README.md): precision, recall and AER of
# the statistical baselines (IBM Model 1 and 2, each direction combined by intersect and grow-diag) and of the
# attention of the en->fr models given as arguments (argmax and threshold links), plus their attention sharpness.
# Run from the project root after `mvn -q package -DskipTests`:
#   scripts/alignment-quality.sh [MODEL_DIR ...]          (default: models/en-fr)
set -eu
T=${TATOEBA:-../shared/corpora/tatoeba-eng-fra}
G=scripts/gold/tatoeba-en-fr-test-100
JAR=${JAR:-target/nmt4j.jar}
[ -f "$JAR" ] || { echo "no $JAR: build first (mvn -q package -DskipTests)" >&2; exit 2; }
[ -f "$T/test.en" ] || { echo "no Tatoeba corpus at $T (set TATOEBA=DIR)" >&2; exit 2; }
d=$(mktemp -d); trap 'rm -rf "$d"' EXIT
# The gold pairs, raw, in gold order.
awk 'NR==FNR {want[$1]=FNR; next} FNR in want {line[want[FNR]]=$0} END {for (i=1; i<=length(want); i++) print line[i]}' "$G.lines" "$T/test.en" > "$d/gold.en"
awk 'NR==FNR {want[$1]=FNR; next} FNR in want {line[want[FNR]]=$0} END {for (i=1; i<=length(want); i++) print line[i]}' "$G.lines" "$T/test.fr" > "$d/gold.fr"
score() { printf '%-48s %s\n' "$1" "$(java -jar "$JAR" score-alignments --gold "$G.align" --test "$2" | cut -d'(' -f1)"; }
for m in 1 2; do
  for sym in none intersect grow-diag; do
    java -jar "$JAR" ibm-align --src "$d/gold.en" --tgt "$d/gold.fr" --train-src "$T/train.en" --train-tgt "$T/train.fr" \
      --tokenizer word --src-lang en --tgt-lang fr --ibm-model $m --symmetrize $sym --links "$d/ibm.align" 2>/dev/null
    score "IBM Model $m, $sym" "$d/ibm.align"
  done
done
for model in "${@:-models/en-fr}"; do
  for method in argmax threshold:0.3 threshold:0.2; do
    java -jar "$JAR" align --model "$model" --src "$d/gold.en" --tgt "$d/gold.fr" --links "$d/att.align" \
      --link-method $method --stats 2>"$d/stats" >/dev/null
    score "$(basename "$model") attention, $method" "$d/att.align"
  done
  echo "  $(basename "$model") sharpness on these pairs: $(grep -o 'mean attention.*' "$d/stats" | head -1)"
done
