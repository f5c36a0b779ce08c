package org.riskaudit.core.sampling;

import org.riskaudit.core.card.CardLocation;

/**
 * RiskAudit's canonical, language-neutral card id: {@code county/tabulator/batch/position}, each
 * text part with every '%' written as "%25" and every '/' as "%2F", the position in plain decimal
 * (docs/card-id.md). The consistent sampler hashes the UTF-8 bytes of sha256_hex(seed) followed
 * immediately by this id.
 */
public final class CardId {
  private CardId() {}

  public static String of(CardLocation l) {
    return of(l.county(), l.tabulator(), l.batch(), l.position());
  }

  public static String of(String county, String tabulator, String batch, int position) {
    return escape(county) + '/' + escape(tabulator) + '/' + escape(batch) + '/' + position;
  }

  /** The id up to and including the slash before the position: {@code county/tabulator/batch/}. */
  public static String prefix(String county, String tabulator, String batch) {
    return escape(county) + '/' + escape(tabulator) + '/' + escape(batch) + '/';
  }

  static String escape(String part) {
    if (part.indexOf('%') < 0 && part.indexOf('/') < 0) {
      return part;
    }
    return part.replace("%", "%25").replace("/", "%2F");
  }

  /** Parses an id back into its location (the inverse of {@link #of(CardLocation)}). */
  public static CardLocation parse(String id) {
    String[] parts = id.split("/", -1);
    if (parts.length != 4) {
      throw new IllegalArgumentException(
          "card id '" + id + "' must have 4 parts county/tabulator/batch/position");
    }
    try {
      return new CardLocation(
          unescape(parts[0]), unescape(parts[1]), unescape(parts[2]), Integer.parseInt(parts[3]));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("card id '" + id + "' has a non-numeric position", e);
    }
  }

  static String unescape(String part) {
    return part.replace("%2F", "/").replace("%25", "%");
  }
}
