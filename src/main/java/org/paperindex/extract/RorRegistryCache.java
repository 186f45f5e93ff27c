package org.paperindex.extract;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/** Binary cache of a {@link RorRegistry}, keyed by the dump files' paths, sizes and mtimes. */
final class RorRegistryCache {

  private static final int MAGIC = 0x524f5233; // "ROR3": bump when the layout changes

  private RorRegistryCache() {
  }

  static RorRegistry load(List<Path> dumps, Path cacheDir) throws IOException {
    String key = key(dumps);
    Path file = cacheDir.resolve("ror-registry.cache");
    if (Files.isRegularFile(file)) {
      try {
        RorRegistry cached = read(file, key);
        if (cached != null) {
          return cached;
        }
      } catch (IOException | RuntimeException e) {
        // A corrupt or foreign cache is just rebuilt from the dumps.
      }
    }
    RorRegistry reg = RorRegistry.load(dumps);
    Files.createDirectories(cacheDir);
    Path tmp = Files.createTempFile(cacheDir, "ror-registry", ".tmp");
    try {
      write(tmp, key, reg);
      try {
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
      }
    } finally {
      Files.deleteIfExists(tmp);
    }
    return reg;
  }

  static String key(List<Path> dumps) throws IOException {
    StringBuilder sb = new StringBuilder();
    for (Path p : dumps) {
      sb.append(p.toAbsolutePath()).append('|').append(Files.size(p)).append('|')
          .append(Files.getLastModifiedTime(p).toMillis()).append(';');
    }
    return sb.toString();
  }

  private static void write(Path file, String key, RorRegistry reg) throws IOException {
    try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(
        new GZIPOutputStream(Files.newOutputStream(file), 1 << 16)))) {
      out.writeInt(MAGIC);
      out.writeUTF(key);
      out.writeInt(reg.size());
      for (RorRecord r : reg.records()) {
        out.writeUTF(r.id());
        out.writeUTF(r.name());
        out.writeInt(r.names().size());
        for (int i = 0; i < r.names().size(); i++) {
          out.writeUTF(r.names().get(i));
          out.writeByte(r.nameKinds()[i]);
        }
        out.writeUTF(r.countryCode());
        out.writeUTF(r.countryName());
        out.writeUTF(r.city());
        out.writeBoolean(r.active());
        writeList(out, r.types());
        writeList(out, r.parents());
        writeList(out, r.domains());
        out.writeBoolean(r.schemaV2());
        out.writeInt(r.standing());
      }
    }
  }

  private static RorRegistry read(Path file, String key) throws IOException {
    try (DataInputStream in = new DataInputStream(new BufferedInputStream(
        new GZIPInputStream(Files.newInputStream(file), 1 << 16)))) {
      if (in.readInt() != MAGIC || !in.readUTF().equals(key)) {
        return null;
      }
      int n = in.readInt();
      Map<String, RorRecord> byId = new LinkedHashMap<>(n * 2);
      for (int k = 0; k < n; k++) {
        String id = in.readUTF();
        String name = in.readUTF();
        int m = in.readInt();
        List<String> names = new ArrayList<>(m);
        byte[] kinds = new byte[m];
        for (int i = 0; i < m; i++) {
          names.add(in.readUTF());
          kinds[i] = in.readByte();
        }
        RorRecord r = new RorRecord(id, name, List.copyOf(names), kinds, in.readUTF(),
            in.readUTF(), in.readUTF(), in.readBoolean(), readList(in), readList(in),
            readList(in), in.readBoolean(), in.readInt());
        byId.put(id, r);
      }
      return new RorRegistry(byId);
    }
  }

  private static void writeList(DataOutputStream out, List<String> xs) throws IOException {
    out.writeInt(xs.size());
    for (String x : xs) {
      out.writeUTF(x);
    }
  }

  private static List<String> readList(DataInputStream in) throws IOException {
    int n = in.readInt();
    List<String> out = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      out.add(in.readUTF());
    }
    return List.copyOf(out);
  }
}
