package org.nmt4j.spark;

import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.io.LongWritable;
import org.apache.hadoop.io.Text;
import org.apache.hadoop.mapreduce.lib.input.FileSplit;
import org.apache.hadoop.mapreduce.lib.input.TextInputFormat;
import org.apache.spark.api.java.JavaNewHadoopRDD;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;

import java.io.IOException;
import java.io.Serializable;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;

/**
 * The lines of many text files as an RDD, in file order and then line order, each line knowing its file.
 *
 * <p>Unlike {@code JavaSparkContext.textFile}, which decodes with replacement characters, each line's bytes are
 * decoded strictly: a line that is not valid UTF-8 comes back with {@code text == null} and its byte offset, so a
 * job can count it or fail on it with its place in the file, as the single-machine readers do.
 */
public final class TextLines {

    /** Which bytes end a line. */
    public enum LineEnds {
        /** {@code \n}, {@code \r\n} or a lone {@code \r}, as {@code BufferedReader} (the {@code translate} command). */
        ANY,
        /** {@code \n} or {@code \r\n}, as {@link org.nmt4j.io.Utf8LineReader}'s {@code TEXT} line ends (the {@code vocab} command). */
        LF
    }

    /**
     * One line of input.
     *
     * @param file   the file it came from (a Hadoop path string)
     * @param offset byte offset of the line's start in that file
     * @param text   the line without its line end, or null when its bytes are not valid UTF-8
     */
    public record Line(String file, long offset, String text) implements Serializable {
        public boolean valid() {
            return text != null;
        }
    }

    private TextLines() {
    }

    /**
     * Reads the lines of {@code paths} (files, directories or globs; a directory or glob stands for its files sorted by
     * name, hidden {@code _} and {@code .} files left out) into at least {@code minPartitions} partitions.
     */
    public static JavaRDD<Line> read(JavaSparkContext sc, List<String> paths, int minPartitions, LineEnds ends)
            throws IOException {
        Configuration conf = new Configuration(sc.hadoopConfiguration());
        List<FileStatus> files = files(conf, paths);
        long bytes = files.stream().mapToLong(FileStatus::getLen).sum();
        // Cut large files so there are at least minPartitions splits (Hadoop splits by block size otherwise).
        long maxSplit = Math.max(1, (bytes + minPartitions - 1) / Math.max(1, minPartitions));
        conf.setLong("mapreduce.input.fileinputformat.split.maxsize", maxSplit);
        conf.setLong("mapreduce.input.fileinputformat.split.minsize", 1);
        if (ends == LineEnds.LF) conf.set("textinputformat.record.delimiter", "\n");
        String joined = String.join(",", files.stream().map(f -> f.getPath().toString()).toList());
        JavaNewHadoopRDD<LongWritable, Text> raw = (JavaNewHadoopRDD<LongWritable, Text>)
                sc.newAPIHadoopFile(joined, TextInputFormat.class, LongWritable.class, Text.class, conf);
        boolean stripCr = ends == LineEnds.LF;
        return raw.mapPartitionsWithInputSplit((split, records) -> {
            String file = ((FileSplit) split).getPath().toString();
            return decode(file, records, stripCr);
        }, true);
    }

    /** The files that {@code paths} name, each path's files sorted by name; fails on a path that matches nothing. */
    static List<FileStatus> files(Configuration conf, List<String> paths) throws IOException {
        if (paths.isEmpty()) throw new IllegalArgumentException("no input paths given");
        List<FileStatus> out = new ArrayList<>();
        for (String p : paths) {
            Path path = new Path(p);
            FileSystem fs = path.getFileSystem(conf);
            FileStatus[] matched = fs.globStatus(path);
            if (matched == null || matched.length == 0) throw new IOException(p + ": no such file or directory");
            List<FileStatus> found = new ArrayList<>();
            for (FileStatus m : matched) {
                if (m.isDirectory()) {
                    for (FileStatus f : fs.listStatus(m.getPath())) {
                        String name = f.getPath().getName();
                        if (f.isFile() && !name.startsWith("_") && !name.startsWith(".")) found.add(f);
                    }
                } else {
                    found.add(m);
                }
            }
            found.sort((a, b) -> a.getPath().toString().compareTo(b.getPath().toString()));
            if (found.isEmpty()) throw new IOException(p + ": no files in it");
            out.addAll(found);
        }
        return out;
    }

    private static Iterator<Line> decode(String file, Iterator<scala.Tuple2<LongWritable, Text>> records, boolean stripCr) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                return records.hasNext();
            }

            @Override
            public Line next() {
                scala.Tuple2<LongWritable, Text> r = records.next(); // Hadoop reuses both objects: copy now
                long offset = r._1().get();
                byte[] b = Arrays.copyOf(r._2().getBytes(), r._2().getLength());
                int start = 0;
                int end = b.length;
                if (stripCr && end > 0 && b[end - 1] == '\r') end--;
                if (offset == 0 && end >= 3 && (b[0] & 0xFF) == 0xEF && (b[1] & 0xFF) == 0xBB && (b[2] & 0xFF) == 0xBF) {
                    start = 3; // a byte-order mark, as Utf8LineReader drops it
                }
                try {
                    return new Line(file, offset, decoder.reset().decode(ByteBuffer.wrap(b, start, end - start)).toString());
                } catch (CharacterCodingException e) {
                    return new Line(file, offset, null);
                }
            }
        };
    }
}
