package org.paperindex.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TopDocs;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.paperindex.index.PaperIndex;

/**
 * Highlighting title and abstract in one pass gives exactly what one pass per field gave, and so
 * does highlighting from the stored fields the hit reader has already read.
 */
class HighlightOnePassTest {
  @TempDir Path dir;

  @Test
  void one_pass_equals_one_pass_per_field() {
    PaperIndex index = SearchCorpus.open(dir);
    try {
      for (String q : List.of("neural", "transformer language models", "\"language models\"",
          "ti:dropout", "abs:sentence", "schrodinger", "$\\mathbb{Z}_2$", "script", "graph*",
          "neural OR chromatic", "au:hinton", "info*", "id:2301.00001 OR neural")) {
        Query user = QueryBuilder.build(SearchRequest.of(q, 50)).userQuery();
        index.withSearcher(s -> {
          try {
            TopDocs top = s.search(user, 50);
            int[] ids = Arrays.stream(top.scoreDocs).mapToInt(d -> d.doc).toArray();
            assertThat(ids).as(q).isNotEmpty();
            List<?> one = Highlighting.highlight(s, user, ids);
            assertThat(one).as(q).isEqualTo(Highlighting.highlightPerField(s, user, ids));
            assertThat(Highlighting.highlight(s, user, ids, HitReader.documents(s, ids, true)))
                .as(q).isEqualTo(one);
            if (!q.startsWith("au:")) { // authors are not highlighted
              assertThat(one.toString()).as(q).contains("<mark>");
            }
            return null;
          } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
          }
        });
      }
    } finally {
      index.close();
    }
  }
}
