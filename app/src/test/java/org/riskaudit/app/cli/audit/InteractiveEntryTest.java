package org.riskaudit.app.cli.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.PrintWriter;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.riskaudit.app.audit.AuditDriver;
import org.riskaudit.app.audit.AuditLoader;
import org.riskaudit.app.audit.RetrievalService;
import org.riskaudit.app.retrieval.RetrievalRow;
import org.riskaudit.store.Rows;
import org.riskaudit.store.Store;

/** Card-by-card entry at a terminal: review, save, skip, stop; nothing of the CVR is shown. */
class InteractiveEntryTest {
  @TempDir Path dir;

  @Test
  void aBoardEntersReviewsAndSavesCardsOneByOneAndCanStopAtAnyCard() throws Exception {
    Path e =
        AuditDriver.generate(
            dir, "e", "--cards", "2000", "--counties", "1", "--batch-size", "100", "--seed", "3");
    AuditDriver d = new AuditDriver(dir.resolve("a.db").toString(), dir, e);
    d.ok("init", "--election", "E", "--target", "Question 1", "--trials", "100");
    d.importAndCommit(true);
    d.ok("seed", "57721566490153286060651");
    d.ok("sample", "--size", "3");
    // Choices are listed in the contest's order: 1) No 2) Yes (sorted names).
    String input =
        String.join(
                "\n", "1", "y", // first card: No, saved
                "2 1", "n", // second card: Yes and No (two marks), not saved
                "n", "y", // third card: not found, saved
                "q")
            + "\n";
    StringWriter screen = new StringWriter();
    try (Store store = Store.open(d.db)) {
      List<RetrievalRow> rows = RetrievalService.currentRound(AuditLoader.load(store, "audit"), 1);
      int exit =
          new InteractiveEntry(
                  store,
                  "audit",
                  "County 1",
                  "Board 1",
                  new BufferedReader(new StringReader(input)),
                  new PrintWriter(screen))
              .run();
      assertThat(exit).isZero();
      List<Rows.InterpretationRow> saved = store.rounds().interpretations("audit");
      assertThat(saved).hasSize(2);
      assertThat(saved)
          .extracting(Rows.InterpretationRow::cardId)
          .containsExactlyInAnyOrder(rows.get(0).cardId(), rows.get(2).cardId());
      assertThat(saved)
          .extracting(Rows.InterpretationRow::votes)
          .containsExactlyInAnyOrder("Question 1=No", "");
    }
    String shown = screen.toString();
    assertThat(shown).contains("Review: Question 1: No", "Not saved", "card NOT FOUND", "Saved.");
    assertThat(shown).doesNotContain("CVR");
  }
}
