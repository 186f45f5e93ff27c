package org.paperindex.internal;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Small JSON state files (checkpoints, run logs), one per key, written crash-safely with
 * {@link AtomicFiles} and readable by operators (indented, ISO dates).
 */
public final class JsonFiles {
  private static final ObjectMapper MAPPER =
      new ObjectMapper()
          .registerModule(new JavaTimeModule())
          .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
          .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .enable(SerializationFeature.INDENT_OUTPUT);

  private JsonFiles() {}

  /** The file for a key; URL-encoding keeps keys like {@code oai:arXiv:cs:cs:AI} distinct and file-safe. */
  public static Path fileFor(Path dir, String key) {
    if (key == null || key.isBlank()) {
      throw new IllegalArgumentException("empty key");
    }
    return dir.resolve(URLEncoder.encode(key, StandardCharsets.UTF_8).replace("*", "%2A") + ".json");
  }

  public static void write(Path file, Object value) throws IOException {
    AtomicFiles.write(file, MAPPER.writeValueAsBytes(value));
  }

  /** The file's value, or empty when there is no file; a damaged file is an error. */
  public static <T> Optional<T> read(Path file, Class<T> type) throws IOException {
    try {
      return Optional.of(MAPPER.readValue(Files.readAllBytes(file), type));
    } catch (NoSuchFileException e) {
      return Optional.empty();
    }
  }
}
