package io.mlops.support.blob;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Blobs under {@code <root>/sha256/<first two hex>/<hash>}, staged in {@code <root>/staging}. The
 * staging folder is on the same filesystem so commits are atomic renames: a reader never sees half a blob.
 */
public class FileSystemBlobStore implements BlobStore {

    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");

    private final Path root;
    private final Path staging;

    public FileSystemBlobStore(Path root) throws IOException {
        this.root = root.toAbsolutePath().normalize();
        this.staging = Files.createDirectories(this.root.resolve("staging"));
        Files.createDirectories(this.root.resolve("sha256"));
    }

    @Override
    public StagedBlob stage(InputStream in, long maxBytes) throws IOException {
        Path file = Files.createTempFile(staging, "upload-", ".part");
        try {
            MessageDigest digest = sha256Digest();
            long size;
            try (OutputStream out = new DigestOutputStream(Files.newOutputStream(file), digest)) {
                size = copyAtMost(in, out, maxBytes);
            }
            return new FileStagedBlob(file, HexFormat.of().formatHex(digest.digest()), size);
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(file);
            throw e;
        }
    }

    @Override
    public StagedBlob stageCopy(Path source, long maxBytes) throws IOException {
        try (InputStream in = Files.newInputStream(source)) {
            return stage(in, maxBytes);
        }
    }

    @Override
    public boolean exists(String sha256) {
        return Files.isRegularFile(pathOf(sha256));
    }

    @Override
    public InputStream open(String sha256) throws IOException {
        return Files.newInputStream(pathOf(sha256));
    }

    @Override
    public Optional<Path> localPath(String sha256) {
        Path path = pathOf(sha256);
        return Files.isRegularFile(path) ? Optional.of(path) : Optional.empty();
    }

    @Override
    public long size(String sha256) throws IOException {
        return Files.size(pathOf(sha256));
    }

    @Override
    public boolean delete(String sha256) throws IOException {
        return Files.deleteIfExists(pathOf(sha256));
    }

    private Path pathOf(String sha256) {
        if (sha256 == null || !SHA256.matcher(sha256).matches()) {
            throw new IllegalArgumentException("not a lowercase hex SHA-256: " + sha256);
        }
        return root.resolve("sha256").resolve(sha256.substring(0, 2)).resolve(sha256);
    }

    private static long copyAtMost(InputStream in, OutputStream out, long maxBytes) throws IOException {
        byte[] buffer = new byte[64 * 1024];
        long total = 0;
        int n;
        while ((n = in.read(buffer)) >= 0) {
            total += n;
            if (total > maxBytes) {
                throw new BlobTooLarge(maxBytes);
            }
            out.write(buffer, 0, n);
        }
        return total;
    }

    private static MessageDigest sha256Digest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    private final class FileStagedBlob implements StagedBlob {

        private final Path file;
        private final String sha256;
        private final long size;
        private boolean committed;

        FileStagedBlob(Path file, String sha256, long size) {
            this.file = file;
            this.sha256 = sha256;
            this.size = size;
        }

        @Override
        public String sha256() {
            return sha256;
        }

        @Override
        public long size() {
            return size;
        }

        @Override
        public Path file() {
            return file;
        }

        @Override
        public void commit() throws IOException {
            Path target = pathOf(sha256);
            Files.createDirectories(target.getParent());
            try {
                Files.move(file, target, StandardCopyOption.ATOMIC_MOVE);
            } catch (FileAlreadyExistsException e) {
                Files.deleteIfExists(file); // same hash, same bytes: the stored copy stays
            } catch (AtomicMoveNotSupportedException e) {
                if (Files.exists(target)) {
                    Files.deleteIfExists(file);
                } else {
                    Files.move(file, target);
                }
            }
            committed = true;
        }

        @Override
        public void close() throws IOException {
            if (!committed) {
                Files.deleteIfExists(file);
            }
        }
    }
}
