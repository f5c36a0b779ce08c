package org.riskaudit.core.manualtally;

import java.util.List;

/**
 * Something wrong with entered hand counts, stated as the rule, the value found and the fix. These
 * are expected failures of data entry, reported all at once; none of them is an exception.
 */
public sealed interface TallyProblem {
  /** The entry row the problem is on, or 0 when it concerns a batch's total. */
  long row();

  /** One sentence for the tally board: the rule, the value and the fix. */
  String message();

  /** A count below zero. */
  record NegativeCount(TallyLine line) implements TallyProblem {
    @Override
    public long row() {
      return line.row();
    }

    @Override
    public String message() {
      return line.where()
          + " has "
          + line.votes()
          + " votes; a hand count cannot be negative. Fix: enter the number written on the tally"
          + " sheet (0 or more).";
    }
  }

  /** A batch that is not among the batches being tallied. */
  record UnknownBatch(TallyLine line) implements TallyProblem {
    @Override
    public long row() {
      return line.row();
    }

    @Override
    public String message() {
      return line.where()
          + ": there is no batch '"
          + line.batch()
          + "' in this tally. Fix: check the precinct or batch name on the sheet.";
    }
  }

  /** A contest that is not on the batch's ballots. */
  record ContestNotInBatch(TallyLine line, List<String> batchContests) implements TallyProblem {
    public ContestNotInBatch {
      batchContests = List.copyOf(batchContests);
    }

    @Override
    public long row() {
      return line.row();
    }

    @Override
    public String message() {
      return line.where()
          + ": contest '"
          + line.contest()
          + "' is not on the ballots of batch '"
          + line.batch()
          + "' (its contests: "
          + String.join(", ", batchContests)
          + "). Fix: check the batch and contest names on the sheet.";
    }
  }

  /** A choice the contest does not have. */
  record UnknownChoice(TallyLine line, List<String> choices) implements TallyProblem {
    public UnknownChoice {
      choices = List.copyOf(choices);
    }

    @Override
    public long row() {
      return line.row();
    }

    @Override
    public String message() {
      return line.where()
          + ": contest '"
          + line.contest()
          + "' has no choice '"
          + line.choice()
          + "' (its choices: "
          + String.join(", ", choices)
          + "). Fix: spell the choice as the contest does.";
    }
  }

  /** The same sheet's line for a choice entered twice. */
  record DuplicateLine(TallyLine line, long firstRow) implements TallyProblem {
    @Override
    public long row() {
      return line.row();
    }

    @Override
    public String message() {
      return line.where()
          + " was already entered"
          + (firstRow > 0 ? " on row " + firstRow : "")
          + "; each sheet counts a choice once. Fix: delete the repeated line, or give the sheet"
          + " its own number.";
    }
  }

  /** One choice's votes over all sheets exceed the batch's cards. */
  record ChoiceAboveCards(
      String batch, String contest, String choice, long votes, long cards, List<String> sheets)
      implements TallyProblem {
    public ChoiceAboveCards {
      sheets = List.copyOf(sheets);
    }

    @Override
    public long row() {
      return 0;
    }

    @Override
    public String message() {
      return "Batch '"
          + batch
          + "' has "
          + cards
          + " ballot cards, but choice '"
          + choice
          + "' in contest '"
          + contest
          + "' has "
          + votes
          + " votes"
          + (sheets.isEmpty() ? "" : " over sheets " + String.join(", ", sheets))
          + "; no choice can have more votes than the batch has cards. Fix: look for a count"
          + " entered twice or mistyped.";
    }
  }

  /** A contest's votes over all choices exceed cards times vote-for. */
  record TotalAboveCards(String batch, String contest, long votes, long cards, int voteFor)
      implements TallyProblem {
    @Override
    public long row() {
      return 0;
    }

    @Override
    public String message() {
      return "Batch '"
          + batch
          + "' has "
          + cards
          + " ballot cards and contest '"
          + contest
          + "' is vote for "
          + voteFor
          + ", but the contest has "
          + votes
          + " votes in all; the total cannot exceed "
          + cards
          + " x "
          + voteFor
          + " = "
          + Math.multiplyExact(cards, voteFor)
          + ". Fix: look for a count entered twice or mistyped.";
    }
  }
}
