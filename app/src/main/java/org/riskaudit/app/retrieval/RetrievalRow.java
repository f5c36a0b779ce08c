package org.riskaudit.app.retrieval;

import java.util.List;

/**
 * One line of a retrieval list: where the card is, how many draws it answers, the contests it was
 * drawn for, its first ticket, and the audit board that retrieves it.
 */
public record RetrievalRow(
    String county,
    String container,
    String tabulator,
    String batch,
    int position,
    String cardId,
    int timesDrawn,
    List<String> contests,
    String firstTicket,
    int board,
    boolean phantom) {}
