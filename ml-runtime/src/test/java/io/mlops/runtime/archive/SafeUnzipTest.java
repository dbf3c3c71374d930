package io.mlops.runtime.archive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.apache.commons.compress.archivers.zip.UnixStat;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SafeUnzipTest {

  @TempDir
  Path tmp;

  @Test
  void unpacksNestedFilesWithTheirContent() throws IOException {
    Path zip = zip(z -> {
      put(z, "model.json", "{}".getBytes(StandardCharsets.UTF_8));
      put(z, "sub/dir/data.bin", new byte[] {1, 2, 3});
    });
    Path target = tmp.resolve("out");

    var written = SafeUnzip.unpack(zip, target, ArchiveLimits.DEFAULT);

    assertThat(written).containsExactly(Path.of("model.json"), Path.of("sub/dir/data.bin"));
    assertThat(Files.readAllBytes(target.resolve("sub/dir/data.bin"))).containsExactly(1, 2, 3);
  }

  @Test
  void refusesParentTraversalAndLeavesNothingBehind() throws IOException {
    Path zip = zip(z -> {
      put(z, "fine.txt", new byte[] {1});
      put(z, "../evil.txt", new byte[] {1});
    });
    Path target = tmp.resolve("a/out");

    assertThatThrownBy(() -> SafeUnzip.unpack(zip, target, ArchiveLimits.DEFAULT))
        .isInstanceOf(UnsafeArchiveEntry.class).hasMessageContaining("../evil.txt");
    assertThat(tmp.resolve("a/evil.txt")).doesNotExist();
    assertThat(target).doesNotExist();
  }

  @Test
  void refusesTraversalHiddenInsideAPath() throws IOException {
    Path zip = zip(z -> put(z, "a/../../evil.txt", new byte[] {1}));

    assertThatThrownBy(() -> SafeUnzip.unpack(zip, tmp.resolve("out"), ArchiveLimits.DEFAULT))
        .isInstanceOf(UnsafeArchiveEntry.class);
  }

  @Test
  void refusesAbsolutePaths() throws IOException {
    Path zip = zip(z -> put(z, "/tmp/evil.txt", new byte[] {1}));
    Path windows = zip(z -> put(z, "C:/evil.txt", new byte[] {1}));

    assertThatThrownBy(() -> SafeUnzip.unpack(zip, tmp.resolve("out"), ArchiveLimits.DEFAULT))
        .isInstanceOf(UnsafeArchiveEntry.class).hasMessageContaining("absolute path");
    assertThatThrownBy(() -> SafeUnzip.unpack(windows, tmp.resolve("out2"), ArchiveLimits.DEFAULT))
        .isInstanceOf(UnsafeArchiveEntry.class).hasMessageContaining("absolute path");
  }

  @Test
  void refusesSymbolicLinks() throws IOException {
    Path zip = zip(z -> {
      ZipArchiveEntry link = new ZipArchiveEntry("model.pt");
      link.setUnixMode(UnixStat.LINK_FLAG | 0777);
      z.putArchiveEntry(link);
      z.write("/etc/passwd".getBytes(StandardCharsets.UTF_8));
      z.closeArchiveEntry();
    });

    assertThatThrownBy(() -> SafeUnzip.unpack(zip, tmp.resolve("out"), ArchiveLimits.DEFAULT))
        .isInstanceOf(UnsafeArchiveEntry.class).hasMessageContaining("links");
    assertThat(tmp.resolve("out")).doesNotExist();
  }

  @Test
  void refusesDuplicateEntries() throws IOException {
    Path zip = zip(z -> {
      put(z, "model.json", new byte[] {1});
      put(z, "./model.json", new byte[] {2});
    });

    assertThatThrownBy(() -> SafeUnzip.unpack(zip, tmp.resolve("out"), ArchiveLimits.DEFAULT))
        .isInstanceOf(UnsafeArchiveEntry.class).hasMessageContaining("duplicate");
  }

  @Test
  void refusesMoreBytesThanTheCapCountingWhatReallyInflates() throws IOException {
    byte[] random = new byte[6_000];
    new Random(7).nextBytes(random); // random bytes do not compress, so the ratio stays ~1
    Path zip = zip(z -> {
      put(z, "a.bin", random);
      put(z, "b.bin", random);
    });
    ArchiveLimits limits = ArchiveLimits.DEFAULT.withMaxTotalBytes(10_000);

    assertThatThrownBy(() -> SafeUnzip.unpack(zip, tmp.resolve("out"), limits))
        .isInstanceOf(ArchiveTooLarge.class).hasMessageContaining("10000");
    assertThat(tmp.resolve("out")).doesNotExist();
    // The same archive passes with room for its 12,000 bytes.
    assertThat(SafeUnzip.unpack(zip, tmp.resolve("ok"), limits.withMaxTotalBytes(12_000))).hasSize(2);
  }

  @Test
  void refusesMoreEntriesThanTheCap() throws IOException {
    Path zip = zip(z -> {
      for (int i = 0; i < 4; i++) {
        put(z, "f" + i, new byte[] {1});
      }
    });

    assertThatThrownBy(() -> SafeUnzip.unpack(zip, tmp.resolve("out"), new ArchiveLimits(1_000, 3, 100, 0)))
        .isInstanceOf(ArchiveTooLarge.class).hasMessageContaining("3 entries");
  }

  @Test
  void refusesAnEntryThatInflatesLikeABomb() throws IOException {
    // 8 MiB of zeros deflate to ~8 KiB: a ratio near 1000, ten times the default cap of 100.
    Path zip = zip(z -> put(z, "model.pt", new byte[8 << 20]));

    assertThatThrownBy(() -> SafeUnzip.unpack(zip, tmp.resolve("out"), ArchiveLimits.DEFAULT))
        .isInstanceOf(SuspiciousCompressionRatio.class).hasMessageContaining("model.pt");
    assertThat(tmp.resolve("out")).doesNotExist();
  }

  @Test
  void refusesAFileThatIsNotAZip() throws IOException {
    Path notZip = Files.writeString(tmp.resolve("model.zip"), "just text, no zip here");

    assertThatThrownBy(() -> SafeUnzip.unpack(notZip, tmp.resolve("out"), ArchiveLimits.DEFAULT))
        .isInstanceOf(ArchiveUnreadable.class);
  }

  @Test
  void refusesANonEmptyTarget() throws IOException {
    Path zip = zip(z -> put(z, "a", new byte[] {1}));
    Path target = Files.createDirectories(tmp.resolve("out"));
    Files.writeString(target.resolve("existing"), "x");

    assertThatThrownBy(() -> SafeUnzip.unpack(zip, target, ArchiveLimits.DEFAULT))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not empty");
  }

  private interface Filler {
    void fill(ZipArchiveOutputStream zip) throws IOException;
  }

  private int archives;

  private Path zip(Filler filler) throws IOException {
    Path zip = tmp.resolve("archive" + archives++ + ".zip");
    try (OutputStream out = Files.newOutputStream(zip); var z = new ZipArchiveOutputStream(out)) {
      filler.fill(z);
    }
    return zip;
  }

  private static void put(ZipArchiveOutputStream zip, String name, byte[] content) throws IOException {
    zip.putArchiveEntry(new ZipArchiveEntry(name));
    zip.write(content);
    zip.closeArchiveEntry();
  }
}
