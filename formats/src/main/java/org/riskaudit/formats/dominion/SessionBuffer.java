package org.riskaudit.formats.dominion;

import java.util.Arrays;

/**
 * The parsed content of one {@code Original} or {@code Modified} element of a session, in flat
 * reusable arrays so that parsing a session allocates almost nothing: cards, their contests and the
 * contests' marks.
 */
final class SessionBuffer {
  boolean isCurrent;
  boolean present;
  int precinctPortionId;
  int ballotTypeId;
  int cards;
  int[] cardPaperIndex = new int[4];
  int[] cardFirstContest = new int[5];
  int contests;
  int[] contestId = new int[16];
  int[] contestFirstMark = new int[17];
  int marks;
  int[] markCandidate = new int[32];
  int[] markRank = new int[32];
  boolean[] markIsVote = new boolean[32];

  void clear() {
    isCurrent = false;
    present = false;
    precinctPortionId = 0;
    ballotTypeId = 0;
    cards = 0;
    contests = 0;
    marks = 0;
  }

  void startCard(int paperIndex) {
    if (cards + 2 > cardFirstContest.length) {
      cardPaperIndex = Arrays.copyOf(cardPaperIndex, cards * 2 + 2);
      cardFirstContest = Arrays.copyOf(cardFirstContest, cards * 2 + 3);
    }
    cardPaperIndex[cards] = paperIndex;
    cardFirstContest[cards] = contests;
    cards++;
    cardFirstContest[cards] = contests;
  }

  void startContest(int id) {
    if (contests + 2 > contestFirstMark.length) {
      contestId = Arrays.copyOf(contestId, contests * 2 + 2);
      contestFirstMark = Arrays.copyOf(contestFirstMark, contests * 2 + 3);
    }
    contestId[contests] = id;
    contestFirstMark[contests] = marks;
    contests++;
    contestFirstMark[contests] = marks;
    cardFirstContest[cards] = contests;
  }

  void setContestId(int id) {
    contestId[contests - 1] = id;
  }

  void addMark(int candidate, int rank, boolean isVote) {
    if (marks == markCandidate.length) {
      markCandidate = Arrays.copyOf(markCandidate, marks * 2);
      markRank = Arrays.copyOf(markRank, marks * 2);
      markIsVote = Arrays.copyOf(markIsVote, marks * 2);
    }
    markCandidate[marks] = candidate;
    markRank[marks] = rank;
    markIsVote[marks] = isVote;
    marks++;
    contestFirstMark[contests] = marks;
  }
}
