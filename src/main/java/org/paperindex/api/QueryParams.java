package org.paperindex.api;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.camel.Exchange;
import org.apache.hc.core5.http.NameValuePair;
import org.apache.hc.core5.net.WWWFormCodec;

/**
 * The request's query parameters, read from the raw query string with HttpCore's form codec (so
 * repeated parameters stay repeated and nothing depends on Camel's header mapping).
 */
final class QueryParams {
  private QueryParams() {}

  static Map<String, List<String>> of(Exchange exchange) {
    String query = exchange.getIn().getHeader(Exchange.HTTP_QUERY, String.class);
    Map<String, List<String>> out = new LinkedHashMap<>();
    if (query == null || query.isEmpty()) {
      return out;
    }
    for (NameValuePair p : WWWFormCodec.parse(query, StandardCharsets.UTF_8)) {
      out.computeIfAbsent(p.getName(), k -> new ArrayList<>()).add(p.getValue() == null ? "" : p.getValue());
    }
    return out;
  }

  static void allowOnly(Map<String, List<String>> params, String... names) {
    Set<String> allowed = Set.of(names);
    for (String n : params.keySet()) {
      if (!allowed.contains(n) && !n.startsWith("_")) {
        throw ApiException.badRequest("unknown parameter '" + abbreviate(n) + "'; allowed: " + String.join(", ", names));
      }
    }
  }

  static String single(Map<String, List<String>> params, String name) {
    List<String> v = params.get(name);
    if (v == null || v.isEmpty()) {
      return null;
    }
    if (v.size() > 1) {
      throw ApiException.badRequest(name + " given " + v.size() + " times");
    }
    return v.get(0);
  }

  static int intParam(Map<String, List<String>> params, String name, int def) {
    String v = single(params, name);
    if (v == null || v.isBlank()) {
      return def;
    }
    try {
      return Integer.parseInt(v.strip());
    } catch (NumberFormatException e) {
      throw ApiException.badRequest(name + " must be an integer, got '" + abbreviate(v) + "'");
    }
  }

  private static String abbreviate(String s) {
    return s.length() <= 40 ? s : s.substring(0, 37) + "...";
  }
}
