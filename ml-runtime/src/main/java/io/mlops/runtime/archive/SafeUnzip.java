package io.mlops.runtime.archive;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;

/**
 * Unpacks an untrusted zip archive into a folder. Refuses, before writing it, any entry that would
 * land outside the folder or is a link; counts the bytes really inflated (headers can lie) against
 * {@link ArchiveLimits}. On any refusal or error, removes everything it wrote.
 */
public final class SafeUnzip {

  private static final Pattern DRIVE = Pattern.compile("^[A-Za-z]:.*");
  private static final int BUFFER = 64 * 1024;

  private SafeUnzip() {}

  /**
   * @param target a folder that does not exist yet or is empty
   * @return the files written, relative to {@code target}, in archive order
   * @throws UnsafeArchiveEntry, ArchiveTooLarge, SuspiciousCompressionRatio, ArchiveUnreadable
   */
  public static List<Path> unpack(Path zip, Path target, ArchiveLimits limits) {
    Path root = prepare(target);
    boolean done = false;
    try (ZipFile zipFile = open(zip)) {
      List<Path> written = extract(zipFile, root, limits);
      done = true;
      return written;
    } catch (IOException e) {
      throw new UncheckedIOException("could not unpack " + zip, e);
    } finally {
      if (!done) {
        Directories.deleteRecursively(root);
      }
    }
  }

  private static ZipFile open(Path zip) {
    try {
      return ZipFile.builder().setPath(zip).get();
    } catch (IOException e) {
      throw new ArchiveUnreadable(zip, e);
    }
  }

  private static Path prepare(Path target) {
    try {
      Files.createDirectories(target);
      try (var children = Files.list(target)) {
        if (children.findAny().isPresent()) {
          throw new IllegalArgumentException("unpack target is not empty: " + target);
        }
      }
      return target.toRealPath();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static List<Path> extract(ZipFile zipFile, Path root, ArchiveLimits limits) throws IOException {
    List<Path> written = new ArrayList<>();
    Set<Path> seen = new HashSet<>();
    long total = 0;
    int count = 0;
    for (ZipArchiveEntry entry : Collections.list(zipFile.getEntriesInPhysicalOrder())) {
      if (++count > limits.maxEntries()) {
        throw new ArchiveTooLarge("archive holds more than " + limits.maxEntries() + " entries");
      }
      String name = entry.getName();
      Path destination = resolveInside(root, name);
      if (!seen.add(destination)) {
        throw new UnsafeArchiveEntry(name, "duplicate entry");
      }
      if (entry.isUnixSymlink()) {
        throw new UnsafeArchiveEntry(name, "links are not allowed");
      }
      if (entry.isDirectory()) {
        Files.createDirectories(destination);
        continue;
      }
      if (!zipFile.canReadEntryData(entry)) {
        throw new UnsafeArchiveEntry(name, "encrypted or unsupported compression method");
      }
      Files.createDirectories(destination.getParent());
      try (InputStream in = zipFile.getInputStream(entry);
          OutputStream out = Files.newOutputStream(destination, StandardOpenOption.CREATE_NEW)) {
        total = copyBounded(name, in, out, entry.getCompressedSize(), total, limits);
      }
      written.add(root.relativize(destination));
    }
    return written;
  }

  static Path resolveInside(Path root, String name) {
    if (name.isEmpty() || name.indexOf('\0') >= 0) {
      throw new UnsafeArchiveEntry(name, "empty or NUL in name");
    }
    if (name.startsWith("/") || name.startsWith("\\") || DRIVE.matcher(name).matches()) {
      throw new UnsafeArchiveEntry(name, "absolute path");
    }
    if (name.indexOf('\\') >= 0) {
      throw new UnsafeArchiveEntry(name, "backslash in name (a Windows path separator)");
    }
    for (String segment : name.split("/")) {
      if (segment.equals("..")) {
        throw new UnsafeArchiveEntry(name, "'..' segment");
      }
    }
    Path resolved = root.resolve(name).normalize();
    if (!resolved.startsWith(root) || resolved.equals(root)) {
      throw new UnsafeArchiveEntry(name, "outside the target folder");
    }
    return resolved;
  }

  private static long copyBounded(String name, InputStream in, OutputStream out, long compressed,
      long totalSoFar, ArchiveLimits limits) throws IOException {
    long ratioCap = (long) Math.min(Long.MAX_VALUE, Math.max(compressed, 1) * limits.maxCompressionRatio());
    byte[] buffer = new byte[BUFFER];
    long entryBytes = 0;
    long total = totalSoFar;
    int n;
    while ((n = in.read(buffer)) > 0) {
      entryBytes += n;
      total += n;
      if (total > limits.maxTotalBytes()) {
        throw new ArchiveTooLarge("archive inflates to more than " + limits.maxTotalBytes() + " bytes");
      }
      if (entryBytes > limits.ratioGraceBytes() && entryBytes > ratioCap) {
        throw new SuspiciousCompressionRatio(name, compressed, entryBytes, limits.maxCompressionRatio());
      }
      out.write(buffer, 0, n);
    }
    return total;
  }
}
