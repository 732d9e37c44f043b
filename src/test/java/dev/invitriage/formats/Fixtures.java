package dev.invitriage.formats;

import dev.invitriage.domain.ImportBatch;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/** Test files: resource fixtures copied under chosen names, and zips built on the fly. */
final class Fixtures {
  private Fixtures() {}

  /** Copies a fixture from this package's resources into {@code dir} under {@code name}. */
  static Path copy(String resource, Path dir, String name) {
    try (InputStream in = Fixtures.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalArgumentException("no fixture " + resource);
      }
      Path target = dir.resolve(name);
      Files.createDirectories(target.getParent());
      Files.copy(in, target);
      return target;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static byte[] bytes(String resource) {
    try (InputStream in = Fixtures.class.getResourceAsStream(resource)) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static Path write(Path dir, String name, String text) {
    try {
      return Files.writeString(dir.resolve(name), text, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Builds a zip whose entries are written in the given order. */
  static Path zip(Path dir, String name, Map<String, byte[]> entries) {
    Path zip = dir.resolve(name);
    try (OutputStream out = Files.newOutputStream(zip);
        ZipOutputStream z = new ZipOutputStream(out)) {
      for (Map.Entry<String, byte[]> e : entries.entrySet()) {
        z.putNextEntry(new ZipEntry(e.getKey()));
        z.write(e.getValue());
        z.closeEntry();
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return zip;
  }

  /** Reads strictly: any skipped row is a test failure. */
  static ImportBatch read(Path... paths) {
    return new LinkedInExportReader()
        .read(
            List.of(paths),
            false,
            s -> {
              throw new AssertionError("skipped " + s);
            });
  }

  /** Reads with skipBad, collecting the skip messages. */
  static ImportBatch readSkipping(List<String> skipped, Path... paths) {
    return new LinkedInExportReader().read(List.of(paths), true, skipped::add);
  }

  static List<String> list(String... s) {
    return new ArrayList<>(List.of(s));
  }
}
