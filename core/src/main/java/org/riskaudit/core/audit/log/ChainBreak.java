package org.riskaudit.core.audit.log;

/**
 * The first entry at which an activity log fails verification.
 *
 * @param sequence the entry's sequence number (or the expected one when entries are missing)
 * @param reason what is wrong, for the user
 */
public record ChainBreak(long sequence, String reason) {}
