package org.paperindex.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.paperindex.model.Paper;

class PaperCodecTest {

  @Test
  void fullPaperRoundTrips() {
    Paper p = TestPapers.full();
    byte[] bytes = PaperCodec.encode(p);
    assertThat(PaperCodec.decode(bytes)).isEqualTo(p);
    // stable output: encoding the decoded paper gives the same bytes
    assertThat(PaperCodec.encode(PaperCodec.decode(bytes))).isEqualTo(bytes);
  }

  @Test
  void stubAndMinimalPapersRoundTrip() {
    Paper stub = TestPapers.stub("hep-th/9901001");
    assertThat(PaperCodec.decode(PaperCodec.encode(stub))).isEqualTo(stub);
    Paper simple = TestPapers.simple("2101.00002", "T", "A. Author", "math.AG", 2020);
    assertThat(PaperCodec.decode(PaperCodec.encode(simple))).isEqualTo(simple);
  }

  @Test
  void usesStableFieldNames() {
    String json = new String(PaperCodec.encode(TestPapers.full()), StandardCharsets.UTF_8);
    assertThat(json)
        .contains("\"id\":\"2101.00001\"", "\"abstract\":", "\"versions\":", "\"sources\":[\"oai\"]")
        .contains("\"date\":\"2021-01-01T10:00:00Z\"")
        .doesNotContain("\"withdrawn\"");
  }

  @Test
  void damagedBytesGiveAClearError() {
    assertThatThrownBy(() -> PaperCodec.decode("{\"title\":1".getBytes(StandardCharsets.UTF_8)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("damaged paper record");
    assertThatThrownBy(
            () -> PaperCodec.decode("{\"id\":\"2101.00001\",\"title\":\"x\",\"submitted\":\"bad\"}"
                .getBytes(StandardCharsets.UTF_8)))
        .hasMessageContaining("damaged paper record");
  }
}
