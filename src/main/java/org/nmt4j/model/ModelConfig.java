package org.nmt4j.model;

/**
 * Architecture hyper-parameters of a {@link Seq2SeqModel}.
 *
 * @param sourceVocabSize source vocabulary size including specials
 * @param targetVocabSize target vocabulary size including specials
 * @param cell            recurrent cell of encoder and decoder
 * @param attention       attention scoring function
 * @param embeddingSize   size of source and target embeddings
 * @param hiddenSize      size of each recurrent state (per direction in the encoder)
 * @param layers          stacked recurrent layers in encoder and decoder
 * @param bidirectional   whether the encoder also reads right to left
 * @param dropout         drop probability on embeddings, between layers and before the output layer
 * @param tieEmbeddings   share the target embedding matrix with the output projection (needs embedding == hidden)
 */
public record ModelConfig(int sourceVocabSize, int targetVocabSize, CellType cell, AttentionType attention,
                          int embeddingSize, int hiddenSize, int layers, boolean bidirectional, double dropout,
                          boolean tieEmbeddings) implements java.io.Serializable {

    /** Largest embedding or hidden size accepted: far above any RNN this code can train, far below a memory error. */
    public static final int MAX_SIZE = 8192;
    /** Most stacked layers accepted. */
    public static final int MAX_LAYERS = 16;
    /** Largest vocabulary accepted. */
    public static final int MAX_VOCABULARY = 1 << 21;

    public ModelConfig {
        inRange("sourceVocabSize", sourceVocabSize, MAX_VOCABULARY);
        inRange("targetVocabSize", targetVocabSize, MAX_VOCABULARY);
        inRange("embedding", embeddingSize, MAX_SIZE);
        inRange("hidden", hiddenSize, MAX_SIZE);
        inRange("layers", layers, MAX_LAYERS);
        if (cell == null || attention == null) throw new IllegalArgumentException("cell and attention must be set");
        if (dropout < 0 || dropout >= 1) throw new IllegalArgumentException("dropout must be in [0, 1), got " + dropout);
        int encoderOutput = hiddenSize * (bidirectional ? 2 : 1);
        if (attention == AttentionType.DOT && encoderOutput != hiddenSize) {
            throw new IllegalArgumentException("dot attention needs the encoder output size (" + encoderOutput
                    + (bidirectional ? " = 2 x hidden, bidirectional" : "") + ") to equal the decoder hidden size ("
                    + hiddenSize + "); use --attention multiplicative, or a unidirectional encoder");
        }
        if (tieEmbeddings && embeddingSize != hiddenSize) {
            throw new IllegalArgumentException("tied embeddings need embedding size (" + embeddingSize
                    + ") == hidden size (" + hiddenSize + ")");
        }
    }

    private static void inRange(String name, int value, int max) {
        if (value <= 0) throw new IllegalArgumentException(name + " must be positive, got " + value);
        if (value > max) throw new IllegalArgumentException(name + " must be at most " + max + ", got " + value);
    }

    /** Size of each encoder state {@code h_j} seen by attention. */
    public int encoderOutputSize() {
        return hiddenSize * (bidirectional ? 2 : 1);
    }

    public int directions() {
        return bidirectional ? 2 : 1;
    }
}
