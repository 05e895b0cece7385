package org.nmt4j.corpus;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.StringJoiner;
import java.util.TreeSet;

/**
 * Word alignment of one sentence pair: links between source and target token positions (from 0), each
 * <em>sure</em> or only <em>possible</em> (Och &amp; Ney 2003). A system's alignment has only sure links; a gold
 * alignment may mark links as possible where annotators would disagree (a function word, part of a many-to-one
 * group).
 *
 * <p>Written one sentence per line in the Pharaoh format of Moses and fast_align: space-separated
 * {@code source-target} pairs ({@code 0-0 1-2}) for sure links; a possible link is written {@code source?target}
 * (the convention of several gold sets) and {@link #parse} also reads {@code sourcepTarget} ({@code 3p4}).
 *
 * @param sure     sure links
 * @param possible links that are only possible (disjoint from {@code sure}; see {@link #possibleOrSure()})
 */
public record WordAlignment(Set<Link> sure, Set<Link> possible) {

    /** A link from source position {@code source} to target position {@code target}, both from 0. */
    public record Link(int source, int target) implements Comparable<Link> {

        private static final Comparator<Link> ORDER = Comparator.comparingInt(Link::source).thenComparingInt(Link::target);

        public Link {
            if (source < 0 || target < 0) throw new IllegalArgumentException("link positions must be >= 0, got " + source + "-" + target);
        }

        /** The same link seen from the other side (source and target swapped). */
        public Link flipped() {
            return new Link(target, source);
        }

        @Override
        public int compareTo(Link o) {
            return ORDER.compare(this, o);
        }

        @Override
        public String toString() {
            return source + "-" + target;
        }
    }

    public WordAlignment {
        sure = Set.copyOf(new TreeSet<>(sure));
        TreeSet<Link> p = new TreeSet<>(possible);
        p.removeAll(sure);
        possible = Set.copyOf(p);
    }

    /** An alignment of sure links only, as a system produces. */
    public static WordAlignment of(Collection<Link> sure) {
        return new WordAlignment(Set.copyOf(sure), Set.of());
    }

    /** Sure and possible links together: the set P of Och &amp; Ney, which contains S. */
    public Set<Link> possibleOrSure() {
        TreeSet<Link> all = new TreeSet<>(sure);
        all.addAll(possible);
        return all;
    }

    /** All links sorted by source, then target position. */
    public List<Link> sorted() {
        return new ArrayList<>(possibleOrSure());
    }

    /** This alignment with source and target swapped (for a model of the other direction). */
    public WordAlignment flipped() {
        return new WordAlignment(flip(sure), flip(possible));
    }

    private static Set<Link> flip(Set<Link> links) {
        Set<Link> out = new TreeSet<>();
        for (Link l : links) out.add(l.flipped());
        return out;
    }

    /** The Pharaoh line: links sorted, {@code s-t} for sure and {@code s?t} for possible ones. */
    public String toPharaoh() {
        StringJoiner out = new StringJoiner(" ");
        for (Link l : sorted()) out.add(l.source() + (sure.contains(l) ? "-" : "?") + l.target());
        return out.toString();
    }

    /**
     * Parses a Pharaoh line ({@code 0-0 1?2 3p4}); an empty or blank line is an empty alignment. A link given both
     * as sure and as possible counts as sure.
     *
     * @throws IllegalArgumentException naming the bad item when the line is malformed
     */
    public static WordAlignment parse(String line) {
        Set<Link> sure = new TreeSet<>();
        Set<Link> possible = new TreeSet<>();
        for (String item : line.strip().split("\\s+")) {
            if (item.isEmpty()) continue;
            int at = -1;
            char kind = 0;
            for (int i = 1; i < item.length() - 1 && at < 0; i++) {
                char c = item.charAt(i);
                if (c == '-' || c == '?' || c == 'p' || c == 'P') {
                    at = i;
                    kind = c;
                }
            }
            if (at < 0) throw new IllegalArgumentException("bad link '" + item + "': expected s-t (sure) or s?t / spt (possible)");
            Link link;
            try {
                link = new Link(Integer.parseInt(item.substring(0, at)), Integer.parseInt(item.substring(at + 1)));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("bad link '" + item + "': positions must be non-negative integers");
            }
            (kind == '-' ? sure : possible).add(link);
        }
        return new WordAlignment(sure, possible);
    }
}
