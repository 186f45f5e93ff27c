package org.paperindex.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.main.BaseMainSupport;
import org.apache.camel.main.Main;
import org.apache.camel.main.MainListenerSupport;
import org.paperindex.config.AppConfig;
import org.paperindex.config.ConfigException;
import org.paperindex.config.Settings;

/**
 * Camel Main with paperindex's routes ({@code routes/*.camel.yaml}, read from the file system so
 * operators can edit schedules without a rebuild) and beans. In {@link Mode#SERVE} it also runs
 * the HTTP server and the schedules; in {@link Mode#BATCH} (CLI commands) only the job routes.
 */
public final class CamelApp implements AutoCloseable {

  /** What the Camel context is started for. */
  public enum Mode {
    SERVE,
    BATCH
  }

  private final Main main;
  private final Services services;
  private final boolean serve;
  private final java.util.List<Runnable> onStarted = new java.util.concurrent.CopyOnWriteArrayList<>();

  public CamelApp(Settings settings, Services services, Mode mode) {
    this.services = services;
    this.serve = mode == Mode.SERVE;
    this.main = new Main();
    AppConfig cfg = services.config();
    Properties p = new Properties();
    p.putAll(settings.asMap());
    p.putIfAbsent("camel.main.name", "paperindex");
    p.putIfAbsent("camel.main.routes-include-pattern", "file:routes/*.camel.yaml");
    p.putIfAbsent("paperindex.schedule.oai", "0 30 5 * * ?");
    // nothing reads Camel's MBeans or its health-check registry (/health and /metrics are our
    // own routes); registering an MBean per route, processor and endpoint cost about 0.9 s of
    // CPU at start-up, the health checks about 0.2 s. Either can be switched back on.
    p.putIfAbsent("camel.main.jmx-enabled", "false");
    p.putIfAbsent("camel.health.enabled", "false");
    checkRoutesExist(p.getProperty("camel.main.routes-include-pattern"));
    if (mode == Mode.SERVE) {
      // runUntilStopped (serve) does not go through start(): install the JSON errors here too
      onStarted(() -> org.paperindex.api.HttpLayerErrors.install(main.getCamelContext(), cfg.http().port()));
      p.put("camel.server.enabled", "true");
      p.put("camel.server.host", cfg.http().host());
      p.put("camel.server.port", Integer.toString(cfg.http().port()));
    } else {
      p.put("camel.server.enabled", "false");
      p.put("paperindex.schedule.enabled", "false");
      p.put("camel.main.routes-exclude-pattern", "file:routes/api*.camel.yaml");
    }
    main.setDefaultPropertyPlaceholderLocation("false");
    main.setInitialProperties(p);
    for (Map.Entry<String, Object> bean : services.beans().entrySet()) {
      main.bind(bean.getKey(), bean.getValue());
    }
    main.addMainListener(
        new MainListenerSupport() {
          @Override
          public void afterStart(BaseMainSupport m) {
            // run() only: the routes and the HTTP server are up
            onStarted.forEach(Runnable::run);
          }

          @Override
          public void afterStop(BaseMainSupport m) {
            // routes are stopped (in-flight work finished or timed out): commit and close
            services.close();
          }
        });
  }

  /** Starts Camel and returns once it is up. */
  public void start() throws Exception {
    main.start();
    CamelContext ctx = main.getCamelContext();
    if (ctx == null || ctx.getRoutes().isEmpty()) {
      throw new ConfigException("no Camel routes were loaded; check camel.main.routes-include-pattern");
    }
    if (serve) {
      // JSON errors from the HTTP layer too
      org.paperindex.api.HttpLayerErrors.install(ctx, services.config().http().port());
    }
  }

  /**
   * Runs {@code r} once {@link #runUntilStopped} has started Camel (routes and the HTTP server
   * up), on the starting thread: for work that should not compete with start-up.
   */
  public CamelApp onStarted(Runnable r) {
    onStarted.add(r);
    return this;
  }

  /** Starts Camel and blocks until the JVM is told to stop (SIGTERM/Ctrl-C). */
  public void runUntilStopped() throws Exception {
    main.run();
  }

  public ProducerTemplate template() {
    return main.getCamelContext().createProducerTemplate();
  }

  public CamelContext context() {
    return main.getCamelContext();
  }

  public Services services() {
    return services;
  }

  @Override
  public void close() {
    try {
      main.stop();
    } finally {
      services.close();
    }
  }

  private static void checkRoutesExist(String pattern) {
    for (String part : pattern.split(",")) {
      String s = part.strip();
      if (s.startsWith("file:")) {
        Path dir = Path.of(s.substring(5)).getParent();
        if (dir != null && !Files.isDirectory(dir)) {
          throw new ConfigException(
              "routes directory not found: "
                  + dir.toAbsolutePath()
                  + " (run from the paperindex directory or set camel.main.routes-include-pattern)");
        }
      }
    }
  }
}
