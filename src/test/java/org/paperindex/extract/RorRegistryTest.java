package org.paperindex.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Loading invented ROR-format fixtures in both schemas and all container formats. */
class RorRegistryTest {

  static Path fixture(String name) throws Exception {
    return Path.of(RorRegistryTest.class.getResource("/fixtures/ror/" + name).toURI());
  }

  @Test
  void loadsSchemaV2PlainAndGzipIdentically() throws Exception {
    RorRegistry plain = RorRegistry.load(List.of(fixture("ror-v2.json")));
    RorRegistry gz = RorRegistry.load(List.of(fixture("ror-v2.json.gz")));
    assertThat(plain.size()).isEqualTo(8).isEqualTo(gz.size()); // the withdrawn one is skipped
    RorRecord r = gz.get("0aaaaaa01");
    assertThat(r.name()).isEqualTo("University of Testington");
    assertThat(r.names()).contains("Université de Testington", "Testington University", "UoT");
    assertThat(r.countryCode()).isEqualTo("GB");
    assertThat(r.city()).isEqualTo("Testington");
    assertThat(gz.get("https://ror.org/0aaaaaa05").parents())
        .containsExactly("https://ror.org/0aaaaaa06");
    assertThat(gz.get("0aaaaaa07")).isNull();
  }

  @Test
  void loadsSchemaV1FromZipAndKeepsV2WhenBothHaveARecord() throws Exception {
    RorRegistry v1 = RorRegistry.load(List.of(fixture("ror-v1.zip")));
    assertThat(v1.size()).isEqualTo(3);
    RorRecord n = v1.get("0bbbbbbb1");
    assertThat(n.names()).contains("Northern Light Research Centre", "Nordlicht Centre", "NFZ");
    assertThat(n.countryName()).isEqualTo("Norway");
    assertThat(n.city()).isEqualTo("Tromsø");
    assertThat(v1.get("0bbbbbbb2").active()).isFalse();

    RorRegistry both = RorRegistry.load(fixture("ror-v2.json.gz") + "," + fixture("ror-v1.json"));
    assertThat(both.size()).isEqualTo(10);
    assertThat(both.get("0aaaaaa01").name()).isEqualTo("University of Testington");
    RorRegistry reversed = RorRegistry.load(List.of(fixture("ror-v1.json"), fixture("ror-v2.json")));
    assertThat(reversed.get("0aaaaaa01").name()).isEqualTo("University of Testington");
  }

  @Test
  void binaryCacheRoundTrips(@TempDir Path dir) throws Exception {
    List<Path> dumps = List.of(fixture("ror-v2.json"), fixture("ror-v1.json"));
    RorRegistry first = RorRegistry.loadCached(dumps, dir);
    RorRegistry second = RorRegistry.loadCached(dumps, dir);
    assertThat(dir.resolve("ror-registry.cache")).exists();
    assertThat(second.size()).isEqualTo(first.size());
    RorRecord a = first.get("0aaaaaa01");
    RorRecord b = second.get("0aaaaaa01");
    assertThat(b.names()).isEqualTo(a.names());
    assertThat(b.nameKinds()).isEqualTo(a.nameKinds());
    assertThat(b.parents()).isEqualTo(a.parents());
  }
}
