package org.riskaudit.store.web;

import java.time.Instant;

/**
 * One audit board (table {@code audit_board}).
 *
 * @param membersJson the members as a JSON array of {@code {"name":..,"party":..}}
 * @param passphraseHash the Argon2id hash of the board's passphrase (PHC string)
 * @param signedOffRound the last round the board signed off, or null
 */
public record BoardRow(
    long boardId,
    String auditId,
    String county,
    String name,
    String membersJson,
    String passphraseHash,
    Instant createdAt,
    Integer signedOffRound,
    Instant signedOffAt) {}
