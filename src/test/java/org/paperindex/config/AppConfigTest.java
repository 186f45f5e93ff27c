package org.paperindex.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AppConfigTest {
  @TempDir Path tmp;

  @Test
  void defaults_match_the_documented_contract() {
    AppConfig c = AppConfig.from(Settings.of(Map.of()));
    assertThat(c.indexDir()).isEqualTo(Path.of("index"));
    assertThat(c.dataDir()).isEqualTo(Path.of("data"));
    assertThat(c.arxiv().oaiUrl().toString()).isEqualTo("https://oaipmh.arxiv.org/oai");
    assertThat(c.arxiv().requestInterval()).isEqualTo(Duration.ofSeconds(3));
    assertThat(c.arxiv().userAgent()).contains("mailto:");
    assertThat(c.http().host()).isEqualTo("127.0.0.1");
    assertThat(c.http().port()).isEqualTo(8080);
    assertThat(c.harvest().format()).isEqualTo("arXiv");
    assertThat(c.harvest().initialWindow()).isEqualTo(Duration.ofDays(7));
    // one search computing per core (README: paperindex.search.concurrency)
    assertThat(c.http().searchConcurrency()).isEqualTo(Runtime.getRuntime().availableProcessors());
    assertThat(AppConfig.from(Settings.of(Map.of("paperindex.search.concurrency", "0")))
        .http().searchConcurrency()).isZero();
    assertThatThrownBy(() -> AppConfig.from(Settings.of(Map.of("paperindex.search.concurrency", "-1"))))
        .hasMessageContaining("paperindex.search.concurrency");
  }

  @Test
  void file_values_are_overridden_by_dash_d_values() throws Exception {
    Path f = tmp.resolve("app.properties");
    Files.writeString(f, "paperindex.http.port = 9000\npaperindex.arxiv.request-interval = 5s\n");
    Settings s = Settings.load(f, true, Map.of("paperindex.http.port", "9001"));
    AppConfig c = AppConfig.from(s);
    assertThat(c.http().port()).isEqualTo(9001);
    assertThat(c.arxiv().requestInterval()).isEqualTo(Duration.ofSeconds(5));
  }

  @Test
  void durations_accept_short_and_iso_forms() {
    assertThat(Settings.parseDuration("k", "500ms")).isEqualTo(Duration.ofMillis(500));
    assertThat(Settings.parseDuration("k", "7d")).isEqualTo(Duration.ofDays(7));
    assertThat(Settings.parseDuration("k", "PT2M")).isEqualTo(Duration.ofMinutes(2));
    assertThatThrownBy(() -> Settings.parseDuration("paperindex.x", "soon"))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("paperindex.x");
  }

  @Test
  void bad_values_name_their_key() {
    assertThatThrownBy(() -> AppConfig.from(Settings.of(Map.of("paperindex.http.port", "http"))))
        .hasMessageContaining("paperindex.http.port");
    assertThatThrownBy(() -> AppConfig.from(Settings.of(Map.of("paperindex.harvest.format", "oai_dc"))))
        .hasMessageContaining("paperindex.harvest.format");
    assertThatThrownBy(() -> AppConfig.from(Settings.of(Map.of("paperindex.arxiv.oai-url", "ftp://x"))))
        .hasMessageContaining("paperindex.arxiv.oai-url");
  }

  @Test
  void a_named_config_file_must_exist_but_the_default_may_be_missing() {
    assertThatThrownBy(() -> Settings.load(tmp.resolve("nope.properties"), true, Map.of()))
        .hasMessageContaining("config file not found");
    assertThat(Settings.load(tmp.resolve("nope.properties"), false, Map.of()).asMap()).isNotNull();
  }
}
