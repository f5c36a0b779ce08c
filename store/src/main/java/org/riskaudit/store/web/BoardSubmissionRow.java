package org.riskaudit.store.web;

import java.time.Instant;

/** A board submission acknowledged once (table {@code board_submission}). */
public record BoardSubmissionRow(
    String submissionId,
    String auditId,
    long boardId,
    String cardId,
    int revision,
    Instant receivedAt) {}
