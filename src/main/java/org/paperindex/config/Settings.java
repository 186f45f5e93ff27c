package org.paperindex.config;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The raw key/value settings: {@code config/application.properties} (or {@code --config FILE})
 * overlaid with {@code -Dkey=value} overrides from the command line and JVM system properties for
 * keys under {@code paperindex.} and {@code camel.}. Typed values are read from here once, by
 * {@link AppConfig#from(Settings)}; the same map is handed to Camel Main for its placeholders.
 */
public final class Settings {

  private static final Pattern DURATION = Pattern.compile("(\\d+)\\s*(ms|s|m|h|d)");

  private final Map<String, String> values;
  private final Path file;

  private Settings(Map<String, String> values, Path file) {
    this.values = Map.copyOf(values);
    this.file = file;
  }

  /**
   * Loads the file (a missing default file is fine, a missing named file is an error) and applies
   * the overrides, then the JVM system properties under our prefixes.
   */
  public static Settings load(Path file, boolean fileRequired, Map<String, String> overrides) {
    Map<String, String> v = new TreeMap<>();
    Properties p = new Properties();
    try (InputStream in = Files.newInputStream(file)) {
      p.load(new java.io.InputStreamReader(in, java.nio.charset.StandardCharsets.UTF_8));
    } catch (NoSuchFileException e) {
      if (fileRequired) {
        throw new ConfigException("config file not found: " + file);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read config file " + file, e);
    }
    p.stringPropertyNames().forEach(k -> v.put(k, p.getProperty(k).strip()));
    System.getProperties()
        .stringPropertyNames()
        .forEach(
            k -> {
              if (k.startsWith("paperindex.") || k.startsWith("camel.")) {
                v.put(k, System.getProperty(k).strip());
              }
            });
    overrides.forEach((k, val) -> v.put(k, val == null ? "" : val.strip()));
    return new Settings(v, file);
  }

  /** Settings from a plain map (tests). */
  public static Settings of(Map<String, String> values) {
    return new Settings(values, null);
  }

  /** The config file these settings were read from, if any. */
  public Optional<Path> file() {
    return Optional.ofNullable(file);
  }

  public Map<String, String> asMap() {
    return values;
  }

  public String string(String key, String def) {
    String s = values.get(key);
    return s == null || s.isEmpty() ? def : s;
  }

  public int integer(String key, int def, int min, int max) {
    String s = values.get(key);
    if (s == null || s.isEmpty()) {
      return def;
    }
    try {
      int i = Integer.parseInt(s);
      if (i < min || i > max) {
        throw new ConfigException(key + " must be between " + min + " and " + max + ", got " + s);
      }
      return i;
    } catch (NumberFormatException e) {
      throw new ConfigException(key + " must be an integer, got '" + s + "'");
    }
  }

  public boolean bool(String key, boolean def) {
    String s = values.get(key);
    if (s == null || s.isEmpty()) {
      return def;
    }
    return switch (s.toLowerCase(Locale.ROOT)) {
      case "true", "yes", "on" -> true;
      case "false", "no", "off" -> false;
      default -> throw new ConfigException(key + " must be true or false, got '" + s + "'");
    };
  }

  /** A duration as {@code 3s}, {@code 500ms}, {@code 10m}, {@code 2h}, {@code 7d} or ISO-8601. */
  public Duration duration(String key, Duration def) {
    String s = values.get(key);
    if (s == null || s.isEmpty()) {
      return def;
    }
    return parseDuration(key, s);
  }

  static Duration parseDuration(String key, String s) {
    Matcher m = DURATION.matcher(s.strip().toLowerCase(Locale.ROOT));
    if (m.matches()) {
      long n = Long.parseLong(m.group(1));
      return switch (m.group(2)) {
        case "ms" -> Duration.ofMillis(n);
        case "s" -> Duration.ofSeconds(n);
        case "m" -> Duration.ofMinutes(n);
        case "h" -> Duration.ofHours(n);
        default -> Duration.ofDays(n);
      };
    }
    try {
      return Duration.parse(s);
    } catch (DateTimeParseException e) {
      throw new ConfigException(
          key + " must be a duration like 3s, 500ms, 10m or 7d, got '" + s + "'");
    }
  }
}
