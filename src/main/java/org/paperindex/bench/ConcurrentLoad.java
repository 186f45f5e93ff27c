package org.paperindex.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A closed-loop load: {@code clients} threads each send their next request as soon as the previous
 * one is answered, until a fixed number of requests is done; every request's latency is kept by
 * its sequence number, so callers can also break the latencies down by request kind.
 */
final class ConcurrentLoad {

  /** One request: {@code i} is its sequence number; returns false for a wrong answer. */
  interface Call {
    boolean call(int i) throws Exception;
  }

  /**
   * Latencies in milliseconds by sequence number, errors, the wall time of the run and the CPU
   * time the whole process used meanwhile (on a shared machine latencies include waiting for a
   * core; CPU per request does not).
   */
  record Stats(double[] ms, int errors, double seconds, double cpuSeconds, double serverCpuSeconds) {
    /** Process CPU milliseconds per request (client side included when in this JVM). */
    double cpuMsPerRequest() {
      return cpuSeconds * 1000 / ms.length;
    }

    /** CPU milliseconds per request of the HTTP server's threads alone (Vert.x, which runs Camel). */
    double serverCpuMsPerRequest() {
      return serverCpuSeconds * 1000 / ms.length;
    }

    double median() {
      return percentile(sorted(), 0.5);
    }

    double p99() {
      return percentile(sorted(), 0.99);
    }

    double perSecond() {
      return ms.length / seconds;
    }

    /** Median latency of the requests with {@code i % period == k}. */
    double medianOf(int k, int period) {
      List<Double> xs = new ArrayList<>();
      for (int i = k; i < ms.length; i += period) {
        xs.add(ms[i]);
      }
      return percentile(xs.stream().mapToDouble(Double::doubleValue).sorted().toArray(), 0.5);
    }

    private double[] sorted() {
      double[] s = ms.clone();
      Arrays.sort(s);
      return s;
    }
  }

  private ConcurrentLoad() {}

  /** Runs requests {@code 0..requests-1} from {@code clients} threads and times each. */
  static Stats run(int clients, int requests, Call call) throws InterruptedException {
    double[] ms = new double[requests];
    AtomicInteger next = new AtomicInteger();
    AtomicInteger errors = new AtomicInteger();
    AtomicReference<Exception> failure = new AtomicReference<>();
    List<Thread> threads = new ArrayList<>();
    long t0 = System.nanoTime();
    long cpu0 = processCpuNanos();
    long server0 = serverCpuNanos();
    for (int c = 0; c < clients; c++) {
      Thread t = new Thread(() -> {
        for (int i = next.getAndIncrement(); i < requests; i = next.getAndIncrement()) {
          long s = System.nanoTime();
          try {
            if (!call.call(i)) {
              errors.incrementAndGet();
            }
          } catch (Exception e) {
            errors.incrementAndGet();
            failure.compareAndSet(null, e);
          }
          ms[i] = (System.nanoTime() - s) / 1e6;
        }
      }, "bench-client-" + c);
      t.start();
      threads.add(t);
    }
    for (Thread t : threads) {
      t.join();
    }
    double secs = (System.nanoTime() - t0) / 1e9;
    double cpu = (processCpuNanos() - cpu0) / 1e9;
    double server = (serverCpuNanos() - server0) / 1e9;
    if (failure.get() != null && errors.get() == requests) {
      // nothing worked: the setup is broken, not slow; say why instead of printing numbers
      throw new IllegalStateException("every request failed: " + failure.get(), failure.get());
    }
    return new Stats(ms, errors.get(), secs, cpu, server);
  }

  private static long processCpuNanos() {
    return ManagementFactory.getOperatingSystemMXBean()
        instanceof com.sun.management.OperatingSystemMXBean os ? os.getProcessCpuTime() : 0;
  }

  /** CPU time of the live threads of the embedded HTTP server (named {@code vert.x-...}). */
  private static long serverCpuNanos() {
    ThreadMXBean mx = ManagementFactory.getThreadMXBean();
    long sum = 0;
    for (ThreadInfo t : mx.getThreadInfo(mx.getAllThreadIds())) {
      if (t != null && t.getThreadName().startsWith("vert.x-")) {
        sum += Math.max(0, mx.getThreadCpuTime(t.getThreadId()));
      }
    }
    return sum;
  }

  static double percentile(double[] sorted, double p) {
    if (sorted.length == 0) {
      return Double.NaN;
    }
    int i = (int) Math.ceil(p * sorted.length) - 1;
    return sorted[Math.max(0, Math.min(sorted.length - 1, i))];
  }
}
