package org.paperindex.index;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.IndexableField;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.paperindex.config.AppConfig.IndexConfig;
import org.paperindex.model.Paper;
import org.paperindex.store.TestPapers;

class PaperSchemaTest {

  static final IndexConfig CFG = new IndexConfig(16, Duration.ofMillis(200), Duration.ofSeconds(30));

  @TempDir Path dir;

  @Test
  void paperRoundTripsThroughTheStoredJson() {
    Paper p = TestPapers.full();
    assertThat(PaperSchema.fromDocument(PaperSchema.toDocument(p))).isEqualTo(p);
  }

  @Test
  void paperRoundTripsThroughARealIndex() {
    Paper p = TestPapers.full();
    try (PaperIndex index = PaperIndex.open(dir, CFG)) {
      index.upsert(p);
      index.refresh();
      assertThat(index.get(p.id())).contains(p);
    }
  }

  @Test
  void documentHasTheDocumentedFields() {
    Document d = PaperSchema.toDocument(TestPapers.full());
    assertThat(d.get(PaperSchema.ID)).isEqualTo("2101.00001");
    assertThat(d.getValues(PaperSchema.AUTHORS)).containsExactly(
        "Erwin Schrödinger", "Paul A. M. Dirac", "ATLAS Collaboration");
    assertThat(d.getFields(PaperSchema.CATEGORIES)).extracting(IndexableField::stringValue)
        .containsExactly("quant-ph", "cs.ir");
    assertThat(d.getFields(PaperSchema.DOI)).extracting(IndexableField::stringValue)
        .containsExactly("10.1000/xyz.123");
    assertThat(d.getField(PaperSchema.YEAR).numericValue()).isEqualTo(2021);
    assertThat(d.get(PaperSchema.STUB)).isNull();
  }

  @Test
  void stubsAreIndexableByIdOnly() {
    Paper stub = TestPapers.stub("hep-th/9901001");
    Document d = PaperSchema.toDocument(stub);
    assertThat(d.get(PaperSchema.ID)).isEqualTo("hep-th/9901001");
    assertThat(d.getField(PaperSchema.TITLE)).isNull();
    assertThat(PaperSchema.fromDocument(d)).isEqualTo(stub);
    try (PaperIndex index = PaperIndex.open(dir, CFG)) {
      index.upsert(stub);
      index.refresh();
      assertThat(index.get(stub.id())).contains(stub);
    }
  }
}
