package io.mlops.runtime.importing;

import io.mlops.runtime.archive.UnsafeArchiveEntry;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * Looks at a file's zip directory, without reading any entry's content, to tell TorchScript from
 * everything else before libtorch sees it. {@code torch.jit.save} writes {@code <root>/code/...},
 * {@code <root>/constants.pkl}, {@code <root>/data.pkl} and {@code <root>/version}; a plain
 * {@code torch.save} of a module (a pickled Python object) has no {@code code/} and no
 * {@code constants.pkl}, and a legacy pickle is not a zip: both are refused here.
 */
final class TorchScriptStructure {

  static final int MAX_ENTRIES = 10_000;

  private TorchScriptStructure() {}

  static void require(Path file) {
    try (ZipFile zip = new ZipFile(file.toFile())) {
      if (zip.size() > MAX_ENTRIES) {
        throw new NotTorchScript("the archive has " + zip.size() + " entries; TorchScript modules have far fewer than "
            + MAX_ENTRIES);
      }
      Set<String> names = new HashSet<>();
      String root = null;
      for (var entries = zip.entries(); entries.hasMoreElements(); ) {
        ZipEntry entry = entries.nextElement();
        String name = entry.getName();
        requireSafe(name);
        int slash = name.indexOf('/');
        if (slash <= 0) {
          throw new NotTorchScript("entry '" + name + "' is not inside the archive's root folder");
        }
        String top = name.substring(0, slash);
        if (root == null) {
          root = top;
        } else if (!root.equals(top)) {
          throw new NotTorchScript("entries under two root folders ('" + root + "', '" + top + "')");
        }
        names.add(name.substring(slash + 1));
      }
      if (root == null) {
        throw new NotTorchScript("the archive is empty");
      }
      for (String required : new String[] {"constants.pkl", "data.pkl", "version"}) {
        if (!names.contains(required)) {
          throw new NotTorchScript("not a TorchScript module: no " + required + " (torch.save output is refused; "
              + "export with torch.jit.script or torch.jit.trace and torch.jit.save)");
        }
      }
      if (names.stream().noneMatch(n -> n.startsWith("code/"))) {
        throw new NotTorchScript("not a TorchScript module: no code/ folder (a pickled Python object is refused; "
            + "export with torch.jit.save)");
      }
    } catch (IOException e) {
      throw new NotTorchScript("not a TorchScript module: the file is not a zip archive", e);
    }
  }

  private static void requireSafe(String name) {
    if (name.startsWith("/") || name.contains("\\") || name.matches("^[A-Za-z]:.*")) {
      throw new UnsafeArchiveEntry(name, "absolute path or backslash");
    }
    for (String segment : name.split("/")) {
      if (segment.equals("..")) {
        throw new UnsafeArchiveEntry(name, "'..' segment");
      }
    }
  }
}
