package org.riskaudit.formats.hart;

import java.util.List;
import java.util.Map;

/** One Hart Verity CVR file: one sheet of a ballot, as read from its XML. */
record HartSheet(
    String batch,
    int sequence,
    int sheet,
    String cvrGuid,
    String precinct,
    Map<String, List<String>> votes,
    Map<String, Boolean> overvoted) {}
