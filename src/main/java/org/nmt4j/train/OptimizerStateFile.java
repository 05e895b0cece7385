package org.nmt4j.train;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nmt4j.io.AtomicFiles;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.CRC32;

/** Adam's moment estimates, saved with the {@code last} checkpoint so {@code --resume} continues exactly. */
final class OptimizerStateFile {

    private static final int MAGIC = 0x4E4D544F; // "NMTO"

    private OptimizerStateFile() {
    }

    static void save(INDArray state, Path file) throws IOException {
        float[] values = state.castTo(DataType.FLOAT).data().asFloat();
        ByteBuffer buf = ByteBuffer.allocate(values.length * 4).order(ByteOrder.LITTLE_ENDIAN);
        buf.asFloatBuffer().put(values);
        CRC32 crc = new CRC32();
        crc.update(buf.array());
        AtomicFiles.write(file, raw -> {
            DataOutputStream out = new DataOutputStream(raw);
            out.writeInt(MAGIC);
            out.writeLong(values.length);
            out.write(buf.array());
            out.writeLong(crc.getValue());
            out.flush();
        });
    }

    static void load(Path file, INDArray target) throws IOException {
        try (InputStream raw = Files.newInputStream(file); DataInputStream in = new DataInputStream(new BufferedInputStream(raw))) {
            if (in.readInt() != MAGIC) throw new IOException(file + ": not an optimizer state file");
            long n = in.readLong();
            if (n != target.length()) throw new IOException(file + ": has " + n + " values, the model needs " + target.length());
            byte[] bytes = new byte[Math.toIntExact(n * 4)];
            in.readFully(bytes);
            CRC32 crc = new CRC32();
            crc.update(bytes);
            if (in.readLong() != crc.getValue()) throw new IOException(file + ": checksum mismatch, the file is corrupt");
            float[] values = new float[(int) n];
            ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(values);
            target.assign(Nd4j.createFromArray(values).reshape(target.shape()).castTo(target.dataType()));
        } catch (EOFException e) {
            throw new IOException(file + ": file is truncated", e);
        }
    }
}
