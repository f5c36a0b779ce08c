package org.riskaudit.app.demo;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.riskaudit.app.audit.AuditProgress;
import org.riskaudit.core.audit.HandCount;

/**
 * What the demo did: the final progress of the audit, the full hand count if one was needed, where
 * the record is, and whether {@code verify} passed on it.
 *
 * @param cardsByCounty distinct cards each county pulled, over all rounds
 */
public record DemoResult(
    AuditProgress progress,
    List<HandCount> handCounts,
    Map<String, Integer> cardsByCounty,
    int rounds,
    Path record,
    boolean verified,
    int verifyMismatches,
    long generatedCards) {}
