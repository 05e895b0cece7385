/**
 * Tokenisation front end: text in, tokens with character spans out, and back.
 *
 * <p>{@link org.nmt4j.tokenize.TokenizerConfig} names a kind and a language;
 * {@link org.nmt4j.tokenize.TokenizerFactory} builds the {@link org.nmt4j.tokenize.Tokenizer} for it
 * ({@code word} by default, or OpenNLP, Lucene or whitespace splitting) and the matching
 * {@link org.nmt4j.tokenize.Detokenizer}. Every tokenizer first runs
 * {@link org.nmt4j.tokenize.TextNormalizer} (NFC/NFKC, no-break spaces, invisible characters), and token
 * spans point into that normalised text.
 */
package org.nmt4j.tokenize;
