package org.nmt4j.modeldir;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nmt4j.io.AtomicFiles;
import org.nmt4j.io.FileOperations;
import org.nmt4j.model.Parameters;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.zip.CRC32;
import java.util.zip.CheckedInputStream;
import java.util.zip.CheckedOutputStream;

/**
 * The binary weights file: magic, version, precision, then each tensor (name, shape, little-endian float32 or
 * float16 values),
 * then a CRC32 of everything before it. Loading checks names, shapes, length and checksum, so a truncated or
 * corrupt file is refused with a message instead of producing a silently broken model.
 */
public final class WeightsFile {

    private static final int MAGIC = 0x4E4D5457; // "NMTW"
    private static final int VERSION = 2;
    private static final byte FLOAT32 = 0, FLOAT16 = 1;

    /** How values are stored: float32, or IEEE half precision (half the size, for bundled models). */
    public enum Precision { FLOAT32, FLOAT16 }

    private WeightsFile() {
    }

    /** Writes atomically: to a temporary file beside the target, then renamed over it. */
    public static void save(Parameters params, Path file) throws IOException {
        save(params, file, Precision.FLOAT32);
    }

    public static void save(Parameters params, Path file, Precision precision) throws IOException {
        save(FileOperations.SYSTEM, params, file, precision);
    }

    /** As above, through {@code ops} (tests inject failures there). */
    public static void save(FileOperations ops, Parameters params, Path file, Precision precision) throws IOException {
        AtomicFiles.write(ops, file, out -> write(params, out, precision));
    }

    /** The file's bytes, to any stream (a checkpoint hashes them on the way). */
    public static void write(Parameters params, OutputStream raw, Precision precision) throws IOException {
        CheckedOutputStream checked = new CheckedOutputStream(new BufferedOutputStream(raw, 1 << 16), new CRC32());
        DataOutputStream out = new DataOutputStream(checked);
        out.writeInt(MAGIC);
        out.writeInt(VERSION);
        out.writeByte(precision == Precision.FLOAT16 ? FLOAT16 : FLOAT32);
        out.writeInt(params.shapes().size());
        for (Map.Entry<String, long[]> e : params.shapes().entrySet()) {
            out.writeUTF(e.getKey());
            out.writeInt(e.getValue().length);
            for (long d : e.getValue()) out.writeLong(d);
            float[] values = params.get(e.getKey()).castTo(DataType.FLOAT).dup('c').data().asFloat();
            out.write(encode(values, precision == Precision.FLOAT16));
        }
        out.flush();
        long crc = checked.getChecksum().getValue();
        out.writeLong(crc);
        out.flush();
    }

    public static byte[] encode(float[] values, boolean half) {
        ByteBuffer buf = ByteBuffer.allocate(values.length * (half ? 2 : 4)).order(ByteOrder.LITTLE_ENDIAN);
        if (half) {
            for (float v : values) buf.putShort(HalfFloat.fromFloat(v));
        } else {
            buf.asFloatBuffer().put(values);
        }
        return buf.array();
    }

    public static float[] decode(byte[] bytes, int n, boolean half) {
        float[] values = new float[n];
        ByteBuffer buf = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        if (half) {
            for (int i = 0; i < n; i++) values[i] = HalfFloat.toFloat(buf.getShort());
        } else {
            buf.asFloatBuffer().get(values);
        }
        return values;
    }

    /** The tensors a weights file holds, read from its headers without reading (or allocating) the values. */
    record Layout(Map<String, long[]> shapes, long floats) {
        /** The second dimension of a tensor, or -1 if the file has no such tensor. */
        long dim(String name, int axis) {
            long[] shape = shapes.get(name);
            return shape == null || shape.length <= axis ? -1 : shape[axis];
        }
    }

    /**
     * Reads the names and shapes of a weights file, skipping the values, and checks that the file's length is
     * exactly what they need; so a model's sizes can be compared with the file before anything is allocated.
     */
    static Layout layout(Path file) throws IOException {
        if (!Files.isRegularFile(file)) throw new IOException(file + ": weights file not found");
        long size = Files.size(file);
        try (InputStream raw = Files.newInputStream(file)) {
            DataInputStream in = new DataInputStream(new BufferedInputStream(raw, 1 << 16));
            if (in.readInt() != MAGIC) throw new IOException(file + ": not an nmt4j weights file (bad magic number)");
            int version = in.readInt();
            if (version != 1 && version != VERSION) throw new IOException(file + ": unsupported weights version " + version);
            byte precision = version == 1 ? FLOAT32 : in.readByte();
            if (precision != FLOAT32 && precision != FLOAT16) throw new IOException(file + ": corrupt header (precision " + precision + ")");
            int width = precision == FLOAT16 ? 2 : 4;
            int count = in.readInt();
            if (count < 0 || count > 100_000) throw new IOException(file + ": corrupt header (" + count + " tensors)");
            long position = version == 1 ? 12 : 13;
            Map<String, long[]> shapes = new java.util.LinkedHashMap<>();
            long floats = 0;
            for (int t = 0; t < count; t++) {
                String name = in.readUTF();
                int rank = in.readInt();
                if (rank < 0 || rank > 8) throw new IOException(file + ": corrupt shape for " + name);
                long[] shape = new long[rank];
                long n = 1;
                for (int i = 0; i < rank; i++) {
                    shape[i] = in.readLong();
                    if (shape[i] < 0 || shape[i] > Integer.MAX_VALUE) throw new IOException(file + ": corrupt shape for " + name);
                    n = Math.multiplyExact(n, shape[i]);
                }
                position += 2 + name.getBytes(java.nio.charset.StandardCharsets.UTF_8).length + 4 + 8L * rank;
                long bytes = Math.multiplyExact(n, width);
                if (position + bytes + 8 > size) throw new IOException(file + ": file is truncated");
                in.skipNBytes(bytes);
                position += bytes;
                shapes.put(name, shape);
                floats += n;
            }
            if (position + 8 != size) {
                throw new IOException(file + ": " + (position + 8 > size ? "file is truncated" : "unexpected data after the checksum"));
            }
            return new Layout(shapes, floats);
        } catch (EOFException e) {
            throw new IOException(file + ": file is truncated", e);
        } catch (ArithmeticException e) {
            throw new IOException(file + ": corrupt header (sizes overflow)", e);
        }
    }

    /** Reads weights into {@code params}, whose names and shapes must match the file exactly. */
    public static void load(Path file, Parameters params) throws IOException {
        if (!Files.isRegularFile(file)) throw new IOException(file + ": weights file not found");
        try (InputStream raw = Files.newInputStream(file)) {
            CheckedInputStream checked = new CheckedInputStream(new BufferedInputStream(raw, 1 << 16), new CRC32());
            DataInputStream in = new DataInputStream(checked);
            if (in.readInt() != MAGIC) throw new IOException(file + ": not an nmt4j weights file (bad magic number)");
            int version = in.readInt();
            if (version != 1 && version != VERSION) throw new IOException(file + ": unsupported weights version " + version);
            byte precision = version == 1 ? FLOAT32 : in.readByte();   // version 1: float32 only, no precision byte
            if (precision != FLOAT32 && precision != FLOAT16) throw new IOException(file + ": corrupt header (precision " + precision + ")");
            int width = precision == FLOAT16 ? 2 : 4;
            int count = in.readInt();
            if (count != params.shapes().size()) {
                throw new IOException(file + ": has " + count + " tensors, the model config needs " + params.shapes().size());
            }
            for (Map.Entry<String, long[]> e : params.shapes().entrySet()) {
                String name = in.readUTF();
                if (!name.equals(e.getKey())) throw new IOException(file + ": found tensor " + name + " where " + e.getKey() + " was expected");
                int rank = in.readInt();
                if (rank < 0 || rank > 8) throw new IOException(file + ": corrupt shape for " + name);
                long[] shape = new long[rank];
                for (int i = 0; i < rank; i++) shape[i] = in.readLong();
                if (!Arrays.equals(shape, e.getValue())) {
                    throw new IOException(file + ": tensor " + name + " has shape " + Arrays.toString(shape)
                            + ", the model config needs " + Arrays.toString(e.getValue()));
                }
                INDArray target = params.get(name);
                byte[] bytes = new byte[Math.toIntExact(target.length() * width)];
                in.readFully(bytes);
                float[] values = decode(bytes, (int) target.length(), precision == FLOAT16);
                target.assign(Nd4j.createFromArray(values).reshape(shape).castTo(target.dataType()));
            }
            long expected = checked.getChecksum().getValue();
            long stored = in.readLong();
            if (stored != expected) throw new IOException(file + ": checksum mismatch, the file is corrupt");
            if (in.read() != -1) throw new IOException(file + ": unexpected data after the checksum");
        } catch (EOFException e) {
            throw new IOException(file + ": file is truncated", e);
        }
    }
}
