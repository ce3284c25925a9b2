package io.flowbill.export;

import java.io.BufferedOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Writes one export file to a temporary file beside the target and renames it over the target, so a reader sees
 * the old file or the new one, never half; the SHA-256 of the bytes is computed while they are written.
 */
final class AtomicFile {

    static final String TEMPORARY_SUFFIX = ".tmp";

    /** Writes a file's bytes. */
    @FunctionalInterface
    interface Content {
        void writeTo(OutputStream out) throws IOException;
    }

    /**
     * A file as written.
     *
     * @param path   where it is
     * @param bytes  its size
     * @param sha256 the SHA-256 of its bytes, lower-case hex
     */
    record Written(Path path, long bytes, String sha256) {
    }

    private AtomicFile() {
    }

    static Written write(Path target, Content content) {
        Path temp = null;
        try {
            Files.createDirectories(target.toAbsolutePath().getParent());
            // beside the target (same file system, so the rename is atomic), named per process
            temp = temporaryOf(target);
            MessageDigest digest = sha256();
            CountingStream counted = new CountingStream(Files.newOutputStream(temp));
            try (OutputStream out = new BufferedOutputStream(new DigestOutputStream(counted, digest))) {
                content.writeTo(out);
            }
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            return new Written(target, counted.count, HexFormat.of().formatHex(digest.digest()));
        }
        catch (IOException | UncheckedIOException e) {
            deleteQuietly(temp);
            IOException cause = e instanceof UncheckedIOException unchecked ? unchecked.getCause() : (IOException) e;
            throw new UncheckedIOException("writing " + target + " failed: " + e.getMessage(), named(cause, target));
        }
        catch (RuntimeException e) {
            deleteQuietly(temp);
            throw e;
        }
    }

    /**
     * A failure that names no file (a full disk answers a bare "No space left on device") as one naming the target,
     * so the line a person reads says which folder ({@code system/Diagnosis}).
     */
    private static IOException named(IOException failure, Path target) {
        if (failure instanceof FileSystemException) {
            return failure;
        }
        FileSystemException named = new FileSystemException(target.toString(), null, failure.getMessage());
        named.initCause(failure);
        return named;
    }

    /** The temporary file a write of {@code target} goes through: {@code .<name>.<run token>.tmp}. */
    static Path temporaryOf(Path target) {
        return target.resolveSibling("." + target.getFileName() + "." + RunToken.CURRENT + TEMPORARY_SUFFIX);
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        }
        catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    private static void deleteQuietly(Path temp) {
        if (temp == null) {
            return;
        }
        try {
            Files.deleteIfExists(temp);
        }
        catch (IOException ignored) {
            // the failure being reported matters more than a leftover temporary file
        }
    }

    /** Counts the bytes that reach the file. */
    private static final class CountingStream extends FilterOutputStream {

        private long count;

        CountingStream(OutputStream out) {
            super(out);
        }

        @Override
        public void write(int b) throws IOException {
            out.write(b);
            count++;
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
            count += len;
        }
    }
}
