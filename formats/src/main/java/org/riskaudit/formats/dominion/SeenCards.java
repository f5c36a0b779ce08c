package org.riskaudit.formats.dominion;

import java.util.BitSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Detects duplicate cards by (tabulator, batch, record) and duplicate CVR numbers, using about one
 * bit per card: a bit set of record numbers per batch and one bit set of (integer) CVR numbers.
 * Non-integer CVR numbers fall back to a hash set. Not thread-safe.
 */
final class SeenCards {
  private final Map<String, BitSet> recordsByBatch = new HashMap<>();
  private final BitSet cvrNumbers = new BitSet();
  private final Set<String> otherCvrNumbers = new HashSet<>();
  private String lastTabulator;
  private String lastBatchId;
  private BitSet lastBatch;

  /** Returns false when (tabulator, batch, record) was seen before. */
  boolean addLocation(String tabulator, String batch, int record) {
    BitSet b;
    if (tabulator.equals(lastTabulator) && batch.equals(lastBatchId)) {
      b = lastBatch; // cards come batch by batch: no key to build for most of them
    } else {
      b = recordsByBatch.computeIfAbsent(tabulator + '\u0000' + batch, k -> new BitSet());
      lastTabulator = tabulator;
      lastBatchId = batch;
      lastBatch = b;
    }
    if (b.get(record)) {
      return false;
    }
    b.set(record);
    return true;
  }

  /** Returns false when the CVR number was seen before. */
  boolean addCvrNumber(String cvrNumber) {
    int n = parseSmallInt(cvrNumber);
    if (n >= 0) {
      if (cvrNumbers.get(n)) {
        return false;
      }
      cvrNumbers.set(n);
      return true;
    }
    return otherCvrNumbers.add(cvrNumber);
  }

  /** The value of a decimal string in [0, 2^30), or -1. */
  static int parseSmallInt(CharSequence s) {
    int len = s.length();
    if (len == 0 || len > 9) {
      return -1;
    }
    int v = 0;
    for (int i = 0; i < len; i++) {
      char c = s.charAt(i);
      if (c < '0' || c > '9') {
        return -1;
      }
      v = v * 10 + (c - '0');
    }
    return v;
  }
}
