package org.paperindex.api;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.function.Supplier;
import java.util.function.ToDoubleFunction;
import org.apache.camel.Exchange;
import org.apache.camel.Message;

/**
 * Prometheus metrics at {@code GET /metrics}: papers, index size, quarantine, ingest and harvest
 * counters, the arXiv throttle, API latencies (search, detail) and the JVM. Built on Micrometer's
 * Prometheus registry (it comes with camel-micrometer-prometheus).
 */
public final class Metrics {
  private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
  private final Timer search;
  private final Timer detail;

  public Metrics() {
    new JvmMemoryMetrics().bindTo(registry);
    new JvmGcMetrics().bindTo(registry);
    new JvmThreadMetrics().bindTo(registry);
    new ProcessorMetrics().bindTo(registry);
    new UptimeMetrics().bindTo(registry);
    search = Timer.builder("paperindex.search.latency").description("GET /api/search handling time")
        .publishPercentiles(0.5, 0.99).register(registry);
    detail = Timer.builder("paperindex.detail.latency").description("GET /api/papers/{id} handling time")
        .publishPercentiles(0.5, 0.99).register(registry);
  }

  /** A gauge read on every scrape (papers, index bytes, quarantine size, ...). */
  public <T> Metrics gauge(String name, String help, T source, ToDoubleFunction<T> value) {
    Gauge.builder(name, source, value).description(help).register(registry);
    return this;
  }

  /** A monotonic counter read on every scrape from the component that counts. */
  public <T> Metrics counter(String name, String help, T source, ToDoubleFunction<T> value) {
    FunctionCounter.builder(name, source, value).description(help).register(registry);
    return this;
  }

  <T> T timeSearch(Supplier<T> work) {
    return search.record(work);
  }

  <T> T timeDetail(Supplier<T> work) {
    return detail.record(work);
  }

  /** {@code GET /metrics} in the Prometheus text format. */
  public void scrape(Exchange exchange) {
    Message m = exchange.getMessage();
    m.removeHeaders("*");
    m.setHeader(Exchange.HTTP_RESPONSE_CODE, 200);
    m.setHeader(Exchange.CONTENT_TYPE, "text/plain; version=0.0.4; charset=utf-8");
    m.setBody(registry.scrape());
  }
}
