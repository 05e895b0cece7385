package org.nmt4j.io;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/** {@link FileOperations} on the real file system, with {@code fsync} and errors that name the file. */
final class SystemFileOperations implements FileOperations {

    @Override
    public void createDirectories(Path dir) throws IOException {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw IoErrors.named(dir, e);
        }
    }

    @Override
    public void writeFile(Path file, AtomicFiles.Writer content) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            OutputStream out = Channels.newOutputStream(channel);
            content.write(out);
            out.flush();
            channel.force(true);
        } catch (IOException e) {
            throw IoErrors.named(file, e);
        }
    }

    @Override
    public void syncDirectory(Path dir) throws IOException {
        try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException e) {
            // Some file systems (and Windows) cannot open or sync a directory; the data itself is synced.
            if (!(e instanceof NoSuchFileException)) return;
            throw IoErrors.named(dir, e);
        }
    }

    @Override
    public void rename(Path from, Path to) throws IOException {
        try {
            try {
                Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (FileAlreadyExistsException | DirectoryNotEmptyException e) {
            throw new IOException(to + ": already exists", e);
        } catch (IOException e) {
            throw IoErrors.named(to, e);
        }
    }

    @Override
    public void deleteRecursively(Path path) throws IOException {
        if (!Files.exists(path, java.nio.file.LinkOption.NOFOLLOW_LINKS)) return;
        try {
            if (Files.isDirectory(path, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
                List<Path> all;
                try (Stream<Path> walk = Files.walk(path)) {
                    all = walk.sorted(Comparator.reverseOrder()).toList();
                }
                for (Path p : all) Files.deleteIfExists(p);
            } else {
                Files.deleteIfExists(path);
            }
        } catch (FileSystemException e) {
            throw IoErrors.named(path, e);
        }
    }
}
