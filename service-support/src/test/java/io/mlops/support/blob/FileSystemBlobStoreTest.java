package io.mlops.support.blob;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileSystemBlobStoreTest {

    @TempDir
    Path root;

    @Test
    void storesBytesUnderTheirSha256OnlyWhenCommitted() throws Exception {
        var store = new FileSystemBlobStore(root);
        byte[] bytes = "a,b\n1,2\n".getBytes(StandardCharsets.UTF_8);
        String expected = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));

        try (StagedBlob staged = store.stage(new ByteArrayInputStream(bytes), 1024)) {
            assertThat(staged.sha256()).isEqualTo(expected);
            assertThat(staged.size()).isEqualTo(bytes.length);
            assertThat(store.exists(expected)).isFalse();
            staged.commit();
        }

        assertThat(store.exists(expected)).isTrue();
        try (var in = store.open(expected)) {
            assertThat(in.readAllBytes()).isEqualTo(bytes);
        }
        assertThat(stagingFiles()).isZero();
    }

    @Test
    void aDiscardedOrOversizedUploadLeavesNothingBehind() throws Exception {
        var store = new FileSystemBlobStore(root);
        try (StagedBlob staged = store.stage(new ByteArrayInputStream(new byte[100]), 1024)) {
            assertThat(Files.exists(staged.file())).isTrue();
        }
        assertThatThrownBy(() -> store.stage(new ByteArrayInputStream(new byte[2048]), 1024)).isInstanceOf(BlobTooLarge.class);

        assertThat(stagingFiles()).isZero();
        try (Stream<Path> blobs = Files.walk(root.resolve("sha256"))) {
            assertThat(blobs.filter(Files::isRegularFile)).isEmpty();
        }
    }

    @Test
    void committingTheSameBytesTwiceKeepsOneBlob() throws Exception {
        var store = new FileSystemBlobStore(root);
        String first;
        try (StagedBlob a = store.stage(new ByteArrayInputStream(new byte[] {1, 2, 3}), 10)) {
            a.commit();
            first = a.sha256();
        }
        try (StagedBlob b = store.stage(new ByteArrayInputStream(new byte[] {1, 2, 3}), 10)) {
            b.commit();
            assertThat(b.sha256()).isEqualTo(first);
        }
        assertThat(store.size(first)).isEqualTo(3);
        assertThat(stagingFiles()).isZero();
    }

    @Test
    void refusesIdsThatAreNotHashes() throws Exception {
        var store = new FileSystemBlobStore(root);
        assertThatThrownBy(() -> store.open("../../etc/passwd")).isInstanceOf(IllegalArgumentException.class);
    }

    private long stagingFiles() throws Exception {
        try (Stream<Path> files = Files.list(root.resolve("staging"))) {
            return files.count();
        }
    }
}
