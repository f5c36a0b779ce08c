package org.riskaudit.store;

import java.time.Instant;
import org.riskaudit.store.Rows.InterpretationRow;

/**
 * Child process of the crash test: records interpretations forever, printing "ack CARD REVISION"
 * only after each write was acknowledged (committed). Args: store location, audit id, drawn cards.
 */
public final class CrashWriter {
  public static void main(String[] args) {
    Store store = Store.open(args[0]);
    String audit = args[1];
    int cards = Integer.parseInt(args[2]);
    for (int i = 0; ; i++) {
      String card = "card-" + (i % cards);
      int revision = i / cards + 1;
      WriteResult r =
          store.recordInterpretation(
              new InterpretationRow(
                  audit, 1, card, revision, "FOUND", "Question 1=Yes", "board-1", Instant.now()));
      if (!(r instanceof WriteResult.Written)) {
        System.out.println("refused " + r);
        System.exit(3);
      }
      System.out.println("ack " + card + " " + revision);
      System.out.flush();
    }
  }
}
