package org.paperindex.cli;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.paperindex.config.AppConfig;
import org.paperindex.config.Settings;
import picocli.CommandLine.Option;

/** The options every command shares: {@code --config FILE} and {@code -Dkey=value}. */
public final class ConfigOptions {
  static final Path DEFAULT_CONFIG = Path.of("config", "application.properties");

  @Option(
      names = "--config",
      paramLabel = "FILE",
      description = "Configuration file (default: ${DEFAULT-VALUE}).",
      defaultValue = "config/application.properties")
  Path config = DEFAULT_CONFIG;

  @Option(
      names = "-D",
      paramLabel = "key=value",
      description = "Override a configuration key, e.g. -Dpaperindex.http.port=9090.")
  Map<String, String> overrides = new LinkedHashMap<>();

  Settings settings() {
    boolean explicit = !config.equals(DEFAULT_CONFIG);
    return Settings.load(config, explicit, overrides);
  }

  AppConfig appConfig(Settings s) {
    return AppConfig.from(s);
  }
}
