package org.paperindex.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class WrkLoadTest {

  @Test
  void readsTheSummaryLineItsScriptPrints() {
    String out = "Running 2s test @ http://127.0.0.1:1234\n  1 threads and 8 connections\n"
        + "PAPERINDEX requests=5120 errors=3 p50us=523 p99us=5160 durationus=2001234\n";
    WrkLoad.Stats s = WrkLoad.parse(out).orElseThrow();
    assertThat(s.requests()).isEqualTo(5120);
    assertThat(s.errors()).isEqualTo(3);
    assertThat(s.medianMs()).isEqualTo(0.523);
    assertThat(s.p99Ms()).isEqualTo(5.16);
    assertThat(s.perSecond()).isBetween(2558.0, 2559.0);
    assertThat(WrkLoad.parse("wrk: unable to connect")).isEmpty();
  }

  @Test
  void theScriptCyclesThroughThePathsAndEscapesThem() {
    String lua = WrkLoad.script(List.of("/api/search?q=%22ar+as%22", "/a\"b"));
    assertThat(lua).contains("\"/api/search?q=%22ar+as%22\",\"/a\\\"b\",")
        .contains("paths[(n % #paths) + 1]").contains("PAPERINDEX requests=%d");
  }
}
