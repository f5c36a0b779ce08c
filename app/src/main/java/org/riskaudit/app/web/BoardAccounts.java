package org.riskaudit.app.web;

import java.util.List;

/** Audit boards of a county and their sign-in credentials (a passphrase shown once, and a QR). */
public interface BoardAccounts {

  /** A board member, named with their party affiliation. */
  record Member(String name, String party) {}

  /** A newly created board, with its passphrase in clear: shown or printed once, stored hashed. */
  record IssuedBoard(long boardId, String name, String passphrase) {}

  /** A board as the county administrator sees it. */
  record Board(long boardId, String name, List<Member> members, boolean signedOff) {}

  /** Creates a board for {@code county} of {@code auditId}, written to the activity log. */
  IssuedBoard create(
      String auditId, String county, String name, List<Member> members, String actor);

  /** The county's boards, in creation order. */
  List<Board> list(String auditId, String county);
}
