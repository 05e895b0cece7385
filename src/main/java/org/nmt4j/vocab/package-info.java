/**
 * Vocabularies: the token &lt;-&gt; id maps that sit between tokenisation and the model.
 *
 * <p>{@link org.nmt4j.vocab.Vocabulary} is immutable, keeps the four special tokens at fixed ids and is stored as
 * readable UTF-8 text ({@code token<TAB>count}, one per line). {@link org.nmt4j.vocab.VocabularyBuilder} counts
 * tokens and cuts by frequency and size; {@link org.nmt4j.vocab.VocabStats} measures coverage.
 */
package org.nmt4j.vocab;
