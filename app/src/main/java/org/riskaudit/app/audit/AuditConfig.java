package org.riskaudit.app.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.util.Objects;
import org.riskaudit.core.audit.AuditSettings;

/**
 * The audit's fixed parameters, stored as JSON in the audit row's settings: the election's name,
 * the jurisdiction whose law bounds the risk limit, and the sample-size estimator's settings.
 *
 * @param maxRiskLimit the largest risk limit the jurisdiction allows (0.05 for California)
 */
public record AuditConfig(
    String election,
    String jurisdiction,
    BigDecimal maxRiskLimit,
    int trials,
    long simulationSeed,
    double fullCountFraction) {
  private static final ObjectMapper JSON = new ObjectMapper();

  public AuditConfig {
    Objects.requireNonNull(election, "election");
    Objects.requireNonNull(jurisdiction, "jurisdiction");
    Objects.requireNonNull(maxRiskLimit, "maxRiskLimit");
  }

  public AuditSettings settings(BigDecimal riskLimit) {
    return new AuditSettings(riskLimit, trials, simulationSeed, fullCountFraction);
  }

  public String toJson() {
    try {
      return JSON.writeValueAsString(this);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write the audit settings", e);
    }
  }

  public static AuditConfig fromJson(String json) {
    try {
      return JSON.readValue(json, AuditConfig.class);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(
          "the audit's stored settings are unreadable: " + e.getOriginalMessage(), e);
    }
  }
}
