/**
 * Decoding: turning a trained model's probabilities into translations.
 *
 * <p>{@link org.nmt4j.decode.GreedyDecoder} decodes many sentences at once in length-sorted batches;
 * {@link org.nmt4j.decode.BeamSearch} keeps the {@code k} best hypotheses per sentence and returns an n-best
 * list ranked by a {@link org.nmt4j.decode.LengthPenalty}. Both give every hypothesis its alignment matrix (the
 * attention weights that produced each token). {@link org.nmt4j.decode.UnknownWords} copies source words into
 * {@code <unk>} slots, and {@link org.nmt4j.decode.Translator} ties tokenising, decoding and detokenising into
 * the text-in, {@link org.nmt4j.decode.Translation}-out API the CLI and the web server share.
 *
 * <p>{@link org.nmt4j.decode.ForcedAligner} runs a model teacher-forced over a given translation (forced decoding)
 * to get its attention matrix and each given token's probability; {@link org.nmt4j.decode.AttentionLinks} turns an
 * attention matrix into hard word links (argmax, threshold) and symmetrises two directions.
 */
package org.nmt4j.decode;
