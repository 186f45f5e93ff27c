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
    assertThat(d.getFields(PaperSchema.CATEGORIES)).filteredOn(f -> f.fieldType().indexOptions()
        != org.apache.lucene.index.IndexOptions.NONE).extracting(IndexableField::stringValue)
        .containsExactly("quant-ph", "cs.ir");
    assertThat(d.getFields(PaperSchema.CATEGORIES)).filteredOn(f -> f.fieldType().stored())
        .extracting(IndexableField::stringValue).containsExactly("quant-ph", "cs.IR");
    assertThat(d.get(PaperSchema.PRIMARY_CATEGORY)).isEqualTo("quant-ph");
    assertThat(d.getFields(PaperSchema.AUTHOR_KEYS)).extracting(IndexableField::stringValue)
        .contains("schrodinger_e", "schrodinger_erwin", "dirac_pam");
    assertThat(d.getFields(PaperSchema.DOI)).extracting(IndexableField::stringValue)
        .containsExactly("10.1000/xyz.123");
    assertThat(d.getField(PaperSchema.YEAR).numericValue()).isEqualTo(2021);
    assertThat(d.get(PaperSchema.STUB)).isNull();
  }

  @Test
  void everyIndexedFieldIsDeclared() {
    // the query parser accepts only declared fields, so an undeclared one would be unsearchable
    Document d = PaperSchema.toDocument(TestPapers.full());
    for (IndexableField f : d.getFields()) {
      boolean indexed = f.fieldType().indexOptions() != org.apache.lucene.index.IndexOptions.NONE
          || f.fieldType().pointDimensionCount() > 0;
      if (indexed && !f.name().startsWith("$")) { // "$facets": the facet drill-down field
        assertThat(PaperSchema.INDEXED_FIELDS).as(f.name()).contains(f.name());
      }
    }
  }

  @Test
  void olderSchemaIndexIsRebuiltFromTheStore() throws java.io.IOException {
    try (PaperIndex index = PaperIndex.open(dir, CFG)) {
      index.upsert(TestPapers.full());
      index.commit(7);
    }
    try (PaperIndex index = PaperIndex.open(dir, CFG)) {
      assertThat(index.committedStoreSeq()).isEqualTo(7); // same schema: trusted
    }
    // simulate an index written by an older schema version
    try (org.apache.lucene.store.Directory fs = org.apache.lucene.store.FSDirectory.open(dir);
        org.apache.lucene.index.IndexWriter w = new org.apache.lucene.index.IndexWriter(fs,
            new org.apache.lucene.index.IndexWriterConfig(PaperSchema.analyzer()))) {
      w.setLiveCommitData(java.util.Map.of(PaperIndex.STORE_SEQ, "7").entrySet());
      w.commit();
    }
    try (PaperIndex index = PaperIndex.open(dir, CFG)) {
      assertThat(index.committedStoreSeq()).isZero(); // catchUp will replay every paper
    }
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
