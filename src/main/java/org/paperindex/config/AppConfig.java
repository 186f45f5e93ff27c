package org.paperindex.config;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;

/**
 * All of paperindex's typed configuration, read once from {@link Settings} at start-up and
 * handed to the beans that need it. Every key is documented in the README.
 */
public record AppConfig(
    Path indexDir,
    Path dataDir,
    ArxivConfig arxiv,
    HarvestConfig harvest,
    HttpConfig http,
    IndexConfig index,
    SourcesConfig sources,
    ScheduleConfig schedule,
    String adminToken) {

  public static final String PREFIX = "paperindex.";

  public AppConfig {
    Objects.requireNonNull(indexDir, "indexDir");
    Objects.requireNonNull(dataDir, "dataDir");
    Objects.requireNonNull(arxiv, "arxiv");
    Objects.requireNonNull(harvest, "harvest");
    Objects.requireNonNull(http, "http");
    Objects.requireNonNull(index, "index");
    Objects.requireNonNull(sources, "sources");
    Objects.requireNonNull(schedule, "schedule");
    adminToken = adminToken == null || adminToken.isBlank() ? null : adminToken.strip();
  }

  /** The same configuration with other index and data directories (benchmarks, tests). */
  public AppConfig withDirs(Path newIndexDir, Path newDataDir) {
    return new AppConfig(newIndexDir, newDataDir, arxiv, harvest, http, index, sources, schedule,
        adminToken);
  }

  @Override
  public String toString() {
    // never print the admin token
    return "AppConfig[indexDir=" + indexDir + ", dataDir=" + dataDir + ", admin="
        + (adminToken == null ? "disabled" : "enabled") + "]";
  }

  public static AppConfig from(Settings s) {
    return new AppConfig(
        Path.of(s.string(PREFIX + "index.dir", "index")),
        Path.of(s.string(PREFIX + "data.dir", "data")),
        ArxivConfig.from(s),
        HarvestConfig.from(s),
        HttpConfig.from(s),
        IndexConfig.from(s),
        SourcesConfig.from(s),
        ScheduleConfig.from(s),
        s.string(PREFIX + "admin.token", null));
  }

  /** Quartz cron expressions (with seconds, UTC) of the scheduled jobs. */
  public record ScheduleConfig(boolean enabled, java.util.Map<String, String> cron) {
    public static final java.util.Map<String, String> DEFAULTS = java.util.Map.of(
        "oai", "0 30 5 * * ?",
        "rss", "0 15 1 ? * MON-FRI",
        "backlog", "0 */10 * * * ?",
        "completeness", "0 0 4 * * ?");

    public ScheduleConfig {
      cron = java.util.Map.copyOf(cron);
    }

    static ScheduleConfig from(Settings s) {
      java.util.Map<String, String> m = new java.util.TreeMap<>();
      DEFAULTS.forEach((job, def) -> m.put(job, s.string(PREFIX + "schedule." + job, def)));
      return new ScheduleConfig(s.bool(PREFIX + "schedule.enabled", true), m);
    }
  }

  /**
   * The other arXiv channels (Atom API, listing feeds, abs and HTML pages) and the ROR registry
   * used to resolve affiliations. All arXiv channels share the one throttle.
   */
  public record SourcesConfig(
      URI apiUrl,
      URI rssUrl,
      java.util.List<String> rssCategories,
      URI absUrl,
      URI htmlUrl,
      String rorDump,
      int backlogBatch) {

    public SourcesConfig {
      rssCategories = java.util.List.copyOf(rssCategories);
      rorDump = rorDump == null ? "" : rorDump.strip();
    }

    static SourcesConfig from(Settings s) {
      String p = PREFIX + "arxiv.";
      java.util.List<String> cats = new java.util.ArrayList<>();
      for (String c : s.string(PREFIX + "rss.categories", "cs.AI,cs.CL,cs.LG").split(",")) {
        if (!c.isBlank()) {
          cats.add(c.strip());
        }
      }
      return new SourcesConfig(
          uri(p + "api-url", s.string(p + "api-url", "https://export.arxiv.org/api/query")),
          uri(p + "rss-url", s.string(p + "rss-url", "https://rss.arxiv.org/rss/")),
          cats,
          uri(p + "abs-url", s.string(p + "abs-url", "https://arxiv.org/abs/")),
          uri(p + "html-url", s.string(p + "html-url", "https://arxiv.org/html/")),
          s.string(PREFIX + "ror.dump", ""),
          s.integer(PREFIX + "backlog.batch", 20, 1, 10_000));
    }
  }

  /** Everything about talking to arXiv: endpoints, politeness, timeouts, retries. */
  public record ArxivConfig(
      URI oaiUrl,
      Duration requestInterval,
      String userAgent,
      Duration connectTimeout,
      Duration requestTimeout,
      int maxRetries,
      Duration retryBackoff,
      Duration maxRetryAfter) {

    public static final String DEFAULT_OAI_URL = "https://oaipmh.arxiv.org/oai";
    public static final String DEFAULT_USER_AGENT =
        "paperindex/0.1 (+https://github.com/paperindex; mailto:paperindex-ops@example.org)";

    public ArxivConfig {
      Objects.requireNonNull(oaiUrl, "oaiUrl");
      if (userAgent == null || userAgent.isBlank()) {
        throw new ConfigException("paperindex.arxiv.user-agent must not be empty");
      }
      if (requestInterval.isNegative() || retryBackoff.isNegative()) {
        throw new ConfigException("paperindex.arxiv durations must not be negative");
      }
    }

    static ArxivConfig from(Settings s) {
      String p = PREFIX + "arxiv.";
      return new ArxivConfig(
          uri(p + "oai-url", s.string(p + "oai-url", DEFAULT_OAI_URL)),
          s.duration(p + "request-interval", Duration.ofSeconds(3)),
          s.string(p + "user-agent", DEFAULT_USER_AGENT),
          s.duration(p + "connect-timeout", Duration.ofSeconds(10)),
          s.duration(p + "request-timeout", Duration.ofSeconds(120)),
          s.integer(p + "max-retries", 5, 0, 50),
          s.duration(p + "retry-backoff", Duration.ofSeconds(5)),
          s.duration(p + "max-retry-after", Duration.ofMinutes(10)));
    }
  }

  /** The OAI-PMH harvest: format, set, the first window, and the schedule switch. */
  public record HarvestConfig(
      String format, String set, Duration initialWindow, boolean harvestOnEmptyIndex) {

    public HarvestConfig {
      if (!format.equals("arXiv") && !format.equals("arXivRaw")) {
        throw new ConfigException(
            "paperindex.harvest.format must be arXiv or arXivRaw, got '" + format + "'");
      }
      set = set == null || set.isBlank() ? null : set.strip();
    }

    static HarvestConfig from(Settings s) {
      String p = PREFIX + "harvest.";
      return new HarvestConfig(
          s.string(p + "format", "arXiv"),
          s.string(p + "set", null),
          s.duration(p + "initial-window", Duration.ofDays(7)),
          s.bool(p + "on-empty-index", true));
    }
  }

  /**
   * The HTTP API and its searches: {@code searchCacheEntries} results kept per index searcher
   * (until the next refresh that changes the index), 0 for none; at most {@code
   * searchConcurrency} searches computed at once (default: one per core; 0: no limit), the
   * others waiting in line.
   */
  public record HttpConfig(String host, int port, int maxPageSize, String corsOrigins,
      int searchCacheEntries, int searchConcurrency) {
    static HttpConfig from(Settings s) {
      String p = PREFIX + "http.";
      return new HttpConfig(
          s.string(p + "host", "127.0.0.1"),
          s.integer(p + "port", 8080, 0, 65535),
          s.integer(PREFIX + "search.max-size", 100, 1, 10_000),
          s.string(p + "cors-origins", ""),
          s.integer(PREFIX + "search.cache-entries", 256, 0, 100_000),
          s.integer(PREFIX + "search.concurrency", Runtime.getRuntime().availableProcessors(), 0,
              1_024));
    }
  }

  /** Lucene writer tuning and NRT refresh. */
  public record IndexConfig(int ramBufferMb, Duration refreshInterval, Duration commitInterval) {
    static IndexConfig from(Settings s) {
      String p = PREFIX + "index.";
      return new IndexConfig(
          s.integer(p + "ram-buffer-mb", 64, 4, 4096),
          s.duration(p + "refresh-interval", Duration.ofSeconds(1)),
          s.duration(p + "commit-interval", Duration.ofSeconds(30)));
    }
  }

  private static URI uri(String key, String value) {
    try {
      URI u = URI.create(value);
      String scheme = u.getScheme() == null ? "" : u.getScheme().toLowerCase(Locale.ROOT);
      if (!scheme.equals("http") && !scheme.equals("https")) {
        throw new ConfigException(key + " must be an http(s) URL, got '" + value + "'");
      }
      return u;
    } catch (IllegalArgumentException e) {
      throw new ConfigException(key + " is not a valid URL: '" + value + "'");
    }
  }
}
