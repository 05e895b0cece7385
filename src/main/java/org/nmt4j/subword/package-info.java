/**
 * Subword units: byte-pair encoding (Sennrich et al. 2016) learned from the training corpus and applied after
 * the word tokenizer, with BPE-dropout (Provilkov et al. 2020) for training.
 *
 * <p>The roles, as OpenNLP splits a component: {@link org.nmt4j.subword.BpeModel} is the serialisable model
 * (the ranked merges, in subword-nmt's codes format), {@link org.nmt4j.subword.BpeLearner} learns it from word
 * counts, {@link org.nmt4j.subword.BpeSegmenter} applies it to words, and {@link org.nmt4j.subword.SubwordJoiner}
 * undoes it. {@link org.nmt4j.subword.SubwordTokenizer} puts a segmenter behind any word
 * {@link org.nmt4j.tokenize.Tokenizer}, {@link org.nmt4j.subword.Subwords} is what a model directory holds, and
 * {@link org.nmt4j.subword.WordLevelAttention} merges a subword attention matrix into a word-level one.
 *
 * <p>Marking: every subword that does not end a word carries the suffix {@code @@} (as subword-nmt writes it),
 * so {@code lowest} may become {@code low@@ est}; joining strips the marker and glues the next token on.
 */
package org.nmt4j.subword;
