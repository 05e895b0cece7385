package org.nmt4j.model;

import java.util.Locale;

/** How the decoder scores encoder states. */
public enum AttentionType {
    /** Bahdanau: {@code e_ij = v^T tanh(W h_j + U s_{i-1})}. */
    ADDITIVE,
    /** Luong "general": {@code e_ij = h_j^T W s_{i-1}}. */
    MULTIPLICATIVE,
    /** Luong "dot": {@code e_ij = h_j^T s_{i-1}}; needs encoder output size == decoder hidden size. */
    DOT;

    public static AttentionType parse(String name) {
        try {
            return valueOf(name.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown attention '" + name + "'; use additive, multiplicative or dot");
        }
    }

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}
