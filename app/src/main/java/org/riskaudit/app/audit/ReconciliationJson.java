package org.riskaudit.app.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/** The reconciliation report frozen with the inputs, as JSON (kept in the audit record). */
final class ReconciliationJson {
  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private ReconciliationJson() {}

  static String write(InputCheckReport r) {
    Map<String, Object> o = new LinkedHashMap<>();
    o.put("manifestCards", r.reconciliation().manifestCards());
    o.put("cvrs", r.reconciliation().cvrs());
    o.put("placedCvrs", r.reconciliation().placedCvrs());
    o.put("phantoms", r.reconciliation().phantoms());
    o.put("findings", r.findings());
    try {
      return JSON.writeValueAsString(o);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write the reconciliation report", e);
    }
  }

  static String sha256(String text) {
    return java.util.HexFormat.of()
        .formatHex(HashedFile.digest().digest(text.getBytes(StandardCharsets.UTF_8)));
  }
}
