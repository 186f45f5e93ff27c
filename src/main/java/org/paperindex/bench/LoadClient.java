package org.paperindex.bench;

import java.io.Closeable;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.BasicHttpClientConnectionManager;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.apache.hc.core5.util.Timeout;

/**
 * One load-generating user: a blocking HTTP/1.1 client with one kept-alive connection (Apache
 * HttpClient classic). It runs in the benchmark's JVM on the same two cores as the server, so
 * its own cost per request must stay small: the JDK's asynchronous client spent about 1 ms of
 * CPU per request, more than the server's detail handler itself.
 */
final class LoadClient implements Closeable {

  private final CloseableHttpClient http;

  LoadClient(Duration timeout) {
    Timeout t = Timeout.of(timeout);
    BasicHttpClientConnectionManager cm = new BasicHttpClientConnectionManager();
    cm.setConnectionConfig(ConnectionConfig.custom().setConnectTimeout(t).setSocketTimeout(t).build());
    this.http = HttpClients.custom()
        .setConnectionManager(cm)
        .setDefaultRequestConfig(RequestConfig.custom().setResponseTimeout(t).build())
        .disableAutomaticRetries() // a failed request is an error of the run, not retried
        .disableCookieManagement()
        .build();
  }

  /** GETs {@code uri}; returns the body of a 200 answer, or throws with the status. */
  byte[] get(URI uri) throws IOException {
    return http.execute(new HttpGet(uri), r -> {
      byte[] body = r.getEntity() == null ? new byte[0] : EntityUtils.toByteArray(r.getEntity());
      if (r.getCode() != 200) {
        throw new IOException(uri + " answered " + r.getCode());
      }
      return body;
    });
  }

  @Override
  public void close() throws IOException {
    http.close();
  }
}
