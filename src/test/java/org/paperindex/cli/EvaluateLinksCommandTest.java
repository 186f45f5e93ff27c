package org.paperindex.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code evaluate links} on an invented two-record set: counts, errors and exit codes. */
class EvaluateLinksCommandTest {

  @TempDir Path dir;

  @Test
  void printsCountsAndEveryError() throws Exception {
    Path shared = dir.resolve("shared");
    Files.createDirectories(shared.resolve("set"));
    Files.writeString(shared.resolve("set/records.jsonl"), String.join("\n",
        "{\"id\": \"2501.00001\", \"abstract\": \"Our code is at https://github.com/a/b.\", \"comments\": \"Data: https://zenodo.org/records/9\"}",
        "{\"id\": \"2501.00002\", \"abstract\": \"We prove a theorem.\", \"comments\": null}"),
        StandardCharsets.UTF_8);
    Path labels = dir.resolve("labels.jsonl");
    Files.writeString(labels, String.join("\n",
        "{\"source\": \"set/records.jsonl\", \"id\": \"2501.00001\", \"field\": \"abstract\", \"links\": [{\"url\": \"https://github.com/a/b\", \"kind\": \"code\", \"official\": true}]}",
        "{\"source\": \"set/records.jsonl\", \"id\": \"2501.00001\", \"field\": \"comments\", \"links\": [{\"url\": \"https://zenodo.org/records/8\", \"kind\": \"dataset\", \"official\": true}]}",
        "{\"source\": \"set/records.jsonl\", \"id\": \"2501.00002\", \"field\": \"abstract\", \"slice\": \"sample4\", \"links\": []}"),
        StandardCharsets.UTF_8);
    String out = Cli.run(0, "evaluate", "links", "--labels", labels.toString(), "--shared", shared.toString());
    assertThat(out).contains("3 texts (1 labelled negatives)")
        .contains("code     P=1.000 R=1.000 (tp 1, fp 0, fn 0)")
        .contains("dataset  P=0.000 R=0.000 (tp 0, fp 1, fn 1)")
        .contains("FP records.jsonl 2501.00001 comments dataset https://zenodo.org/records/9")
        .contains("FN records.jsonl 2501.00001 comments dataset https://zenodo.org/records/8")
        .contains("official flag right on 1/1")
        .contains("slice sample4 (held out): 1 texts; code P=1.000 R=1.000 (tp 0, fp 0, fn 0)");
    assertThat(Cli.run(0, "evaluate", "links", "--labels", labels.toString(), "--shared", shared.toString(),
        "--slice", "sample4")).contains("1 texts (1 labelled negatives)");

    Files.writeString(labels, "{\"source\": \"set/records.jsonl\", \"id\": \"2501.09999\", \"field\": \"abstract\", \"links\": []}\n");
    assertThat(Cli.run(1, "evaluate", "links", "--labels", labels.toString(), "--shared", shared.toString()))
        .contains("MISSING records.jsonl 2501.09999 abstract");
    Cli.run(2, "evaluate", "links", "--labels", labels.toString(), "--shared", dir.resolve("none").toString());
  }
}
