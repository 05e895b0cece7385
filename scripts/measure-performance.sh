#!/bin/bash
# Every figure of the README's Performance section in one sitting, back to back, in the README's order:
# training for every cell x attention (and the bi-LSTM again at the end), decoding, the page, beside a busy
# neighbour, one thread idle, and the bi-LSTM rows without the OpenBLAS core pin. About an hour.
# Run from the project root after `mvn -q package -DskipTests`, on an otherwise idle machine (nothing else running):
#   scripts/measure-performance.sh 2>&1 | tee performance.log
# Needs ../shared/reference and its corpora (apt-get install -y python3-torch libopenblas0-openmp once).
set -u
C=../shared/reference/compare.sh
M=../shared/corpora/multi30k
JAR=${JAR:-target/nmt4j.jar}
[ -f "$JAR" ] || { echo "no $JAR: build first (mvn -q package -DskipTests)" >&2; exit 2; }
[ -x "$C" ] || { echo "no $C: needs ../shared/reference" >&2; exit 2; }
stamp() { echo "=== $1 $(date +%H:%M:%S) load $(cut -d' ' -f1-3 /proc/loadavg)"; }

for row in "lstm additive 1" "rnn additive 0" "rnn multiplicative 0" "lstm additive 0" "lstm multiplicative 0" \
           "gru additive 0" "gru multiplicative 0" "lstm additive 1"; do
  stamp "train $row"; $C train $row
done
stamp decode; $C decode
stamp "decode, steady state"
d=$(mktemp -d)
trap 'rm -rf "$d"' EXIT
cfg="--cell lstm --attention additive --bidirectional --emb 256 --hidden 256 --layers 1 --dropout 0.3 --batch 64"
# The model compare.sh decode trains (the same command; training is deterministic), kept this time.
(cd "$d" && java -jar "$OLDPWD/$JAR" train --name m1 --models "$d" --src-lang de --tgt-lang en --train-src "$OLDPWD/$M/train.de" \
    --train-tgt "$OLDPWD/$M/train.en" --valid-src "$OLDPWD/$M/val.de" --valid-tgt "$OLDPWD/$M/val.en" $cfg --epochs 1 \
    --bleu-sample 0 > "$d/train.log" 2>&1) || { echo "training failed: $(tail -1 "$d/train.log")"; exit 1; }
java -jar "$JAR" bench decode --model "$d/m1" --src $M/test2016.de --sentences 1000 --beam-sentences 1000 --batch 100 \
    --passes 3 2>&1 | grep 'median'
stamp serve
java -jar "$JAR" bench serve --models models --model en-fr --clients 1,2,4 --seconds 20 2>&1 | grep -v '^\s*$' | tail -10

stamp "busy neighbour"
sh -c 'while :; do :; done' &
spin=$!
trap 'kill $spin 2>/dev/null; rm -rf "$d"' EXIT
bench() { java -jar "$JAR" bench train --train-src $M/train.de --train-tgt $M/train.en --src-lang de --tgt-lang en $cfg --steps 80 "$@" 2>&1 | grep RESULT; }
echo "busy nmt4j default: $(bench)"
echo "busy nmt4j --threads 1: $(bench --threads 1)"
for w in ACTIVE PASSIVE; do
  echo "busy reference $w: $(cd ../shared/reference && env OMP_WAIT_POLICY=$w timeout 200 ./run.sh $cfg --epochs 1 \
      --max-minutes 1.5 --no-test 2>&1 | grep -o 'steady-state [0-9.]*' | head -1)"
done
kill $spin; sleep 5
stamp "one thread idle"; echo "idle nmt4j --threads 1: $(bench --threads 1)"

# OpenBLAS picks its own kernels (AVX-512 where the CPU has them) on both sides when the pin is unset.
stamp "unpinned train"; env -u OPENBLAS_CORETYPE $C train lstm additive 1
stamp "unpinned decode"; env -u OPENBLAS_CORETYPE $C decode
stamp done
