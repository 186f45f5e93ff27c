package org.paperindex.cli;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.spi.ContextAwareBase;

/**
 * The logging set-up, in code rather than a {@code logback.xml}: parsing XML at start-up loads
 * an XML parser and Joran (about 250 ms of CPU and 400 ms to the first answer of {@code serve}).
 * Logs go to stderr so that CLI JSON on stdout stays machine-readable. Levels: root
 * {@code -Dpaperindex.log} (default INFO), Camel {@code -Dpaperindex.camel.log} (default WARN,
 * its start and stop lines INFO), Vert.x, Netty and Quartz WARN (system property or environment
 * variable of the same name). A {@code logback.xml} or {@code logback-test.xml} on the class
 * path, or {@code -Dlogback.configurationFile=FILE}, replaces all of this.
 * Registered in {@code META-INF/services/ch.qos.logback.classic.spi.Configurator}.
 */
public final class LogbackSetup extends ContextAwareBase implements Configurator {

  static final String PATTERN = "%d{HH:mm:ss.SSS} %-5level [%thread] %logger{24} - %msg%n";

  public LogbackSetup() {}

  @Override
  public ExecutionStatus configure(LoggerContext ctx) {
    if (System.getProperty("logback.configurationFile") != null
        || resource("logback-test.xml") || resource("logback.xml")) {
      return ExecutionStatus.NEUTRAL; // logback's own configurators read the file
    }
    PatternLayoutEncoder encoder = new PatternLayoutEncoder();
    encoder.setContext(ctx);
    encoder.setPattern(PATTERN);
    encoder.start();
    ConsoleAppender<ILoggingEvent> stderr = new ConsoleAppender<>();
    stderr.setContext(ctx);
    stderr.setName("STDERR");
    stderr.setTarget("System.err");
    stderr.setEncoder(encoder);
    stderr.start();
    Logger root = ctx.getLogger(Logger.ROOT_LOGGER_NAME);
    root.setLevel(level("paperindex.log", Level.INFO));
    root.addAppender(stderr);
    ctx.getLogger("org.apache.camel").setLevel(level("paperindex.camel.log", Level.WARN));
    ctx.getLogger("org.apache.camel.main.MainSupport").setLevel(Level.INFO);
    ctx.getLogger("io.vertx").setLevel(Level.WARN);
    ctx.getLogger("io.netty").setLevel(Level.WARN);
    ctx.getLogger("org.quartz").setLevel(Level.WARN);
    return ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY;
  }

  private static Level level(String key, Level dflt) {
    String v = System.getProperty(key);
    if (v == null) {
      v = System.getenv(key);
    }
    return Level.toLevel(v == null ? null : v.strip(), dflt);
  }

  private static boolean resource(String name) {
    ClassLoader cl = Thread.currentThread().getContextClassLoader();
    if (cl == null) {
      cl = LogbackSetup.class.getClassLoader();
    }
    return cl.getResource(name) != null;
  }
}
