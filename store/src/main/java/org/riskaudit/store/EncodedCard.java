package org.riskaudit.store;

/**
 * One cvr row as stored: location, ids and the {@link VoteCodec} text of its votes.
 *
 * @param votes the card's votes in the compact encoding
 */
public record EncodedCard(
    String county,
    String tabulator,
    String batch,
    int position,
    String imprintedId,
    String ballotStyle,
    String precinct,
    String votes) {}
