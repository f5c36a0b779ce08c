package org.riskaudit.core.card;

import java.util.List;
import java.util.Objects;

/**
 * What one card says about one contest, normalised at import so that the statistics never see
 * vendor codes.
 *
 * <p>{@code choices} are the choices that receive a valid vote: for plurality, approval and yes/no
 * contests, in any order and without repeats; for ranked-choice contests, in rank order (first
 * preference first). An overvoted contest has no valid vote: {@code choices} is empty and {@code
 * overvote} is true. A blank or undervoted contest has fewer choices than allowed and {@code
 * overvote} false. Write-ins are normalised to the choice name the contest definition gives them
 * (for example "Write-in").
 */
public record ContestVote(List<String> choices, boolean overvote) {
  public static final ContestVote BLANK = new ContestVote(List.of(), false);
  public static final ContestVote OVERVOTE = new ContestVote(List.of(), true);

  public ContestVote {
    choices = List.copyOf(Objects.requireNonNull(choices, "choices"));
    if (overvote && !choices.isEmpty()) {
      throw new IllegalArgumentException(
          "an overvoted contest has no valid choices, got " + choices);
    }
  }

  public static ContestVote of(String... choices) {
    return new ContestVote(List.of(choices), false);
  }

  public boolean votesFor(String choice) {
    return choices.contains(choice);
  }

  public boolean isBlank() {
    return choices.isEmpty() && !overvote;
  }
}
