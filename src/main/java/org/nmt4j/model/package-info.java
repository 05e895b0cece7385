/**
 * The encoder-decoder itself, with hand-written backward passes: {@link org.nmt4j.model.Encoder} (embeddings and
 * stacked, optionally bidirectional recurrent layers), {@link org.nmt4j.model.Attention} (additive,
 * multiplicative, dot), {@link org.nmt4j.model.Decoder} (bridge, recurrent step with input feeding, deep output and
 * vocabulary projection), {@link org.nmt4j.model.SoftmaxCrossEntropy} (the loss) and
 * {@link org.nmt4j.model.Seq2SeqModel}, which puts them together for training and step-by-step decoding.
 *
 * <p>Parameters live in one flat vector ({@link org.nmt4j.model.Parameters}). Two implementations of the
 * recurrent step compute the same function: the reference in ND4J operations, for any precision (the
 * double-precision gradient checks run on it), and the fused float path ({@link org.nmt4j.model.FusedFloatCell}
 * and the heap path of {@code Attention}), held to the reference by a test. Matrix products go through
 * {@link org.nmt4j.model.Blas}, element-wise float kernels through {@link org.nmt4j.model.FloatMath}. Nothing here
 * knows about files, threads or HTTP.
 */
package org.nmt4j.model;
