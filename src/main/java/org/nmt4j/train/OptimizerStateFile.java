package org.nmt4j.train;

import org.nmt4j.io.AtomicFiles;
import org.nmt4j.modeldir.WeightsFile;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.CRC32;

/** Adam's moment estimates, saved with the {@code last} checkpoint so {@code --resume} continues exactly. */
final class OptimizerStateFile {

    private static final int MAGIC = 0x4E4D544F; // "NMTO"

    private OptimizerStateFile() {
    }

    static void save(AdamOptimizer adam, Path file) throws IOException {
        AtomicFiles.write(file, raw -> write(adam, raw));
    }

    /** The file's bytes, to any stream (a checkpoint hashes them on the way). */
    static void write(AdamOptimizer adam, OutputStream raw) throws IOException {
        float[] m = adam.firstMoments(), v = adam.secondMoments();
        DataOutputStream out = new DataOutputStream(new BufferedOutputStream(raw, 1 << 16));
        out.writeInt(MAGIC);
        out.writeLong(m.length);
        out.writeDouble(adam.learningRate());
        CRC32 crc = new CRC32();
        for (float[] a : new float[][]{m, v}) {
            byte[] bytes = WeightsFile.encode(a, false);
            crc.update(bytes);
            out.write(bytes);
        }
        out.writeLong(crc.getValue());
        out.flush();
    }

    static void load(Path file, AdamOptimizer adam) throws IOException {
        float[] m = adam.firstMoments(), v = adam.secondMoments();
        try (InputStream raw = Files.newInputStream(file); DataInputStream in = new DataInputStream(new BufferedInputStream(raw, 1 << 16))) {
            if (in.readInt() != MAGIC) throw new IOException(file + ": not an optimizer state file");
            long n = in.readLong();
            if (n != m.length) throw new IOException(file + ": has " + n + " values, the model needs " + m.length);
            adam.setLearningRate(in.readDouble());
            CRC32 crc = new CRC32();
            for (float[] a : new float[][]{m, v}) {
                byte[] bytes = new byte[a.length * 4];
                in.readFully(bytes);
                crc.update(bytes);
                System.arraycopy(WeightsFile.decode(bytes, a.length, false), 0, a, 0, a.length);
            }
            if (in.readLong() != crc.getValue()) throw new IOException(file + ": checksum mismatch, the file is corrupt");
            if (in.read() != -1) throw new IOException(file + ": unexpected data after the checksum");
        } catch (EOFException e) {
            throw new IOException(file + ": file is truncated", e);
        }
    }
}
