package org.riskaudit.store;

import java.math.BigDecimal;
import java.sql.Types;
import java.time.Instant;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.argument.AbstractArgumentFactory;
import org.jdbi.v3.core.argument.Argument;
import org.jdbi.v3.core.config.ConfigRegistry;

/** Portable column types: instants as ISO-8601 UTC text, exact decimals as plain text. */
final class Mappings {
  private Mappings() {}

  static void register(Jdbi jdbi) {
    jdbi.registerArgument(
        new AbstractArgumentFactory<Instant>(Types.VARCHAR) {
          @Override
          protected Argument build(Instant value, ConfigRegistry config) {
            return (pos, st, ctx) -> st.setString(pos, value.toString());
          }
        });
    jdbi.registerArgument(
        new AbstractArgumentFactory<BigDecimal>(Types.VARCHAR) {
          @Override
          protected Argument build(BigDecimal value, ConfigRegistry config) {
            return (pos, st, ctx) -> st.setString(pos, value.toPlainString());
          }
        });
    jdbi.registerColumnMapper(
        Instant.class,
        (rs, col, ctx) -> {
          String s = rs.getString(col);
          return s == null ? null : Instant.parse(s);
        });
    jdbi.registerColumnMapper(
        BigDecimal.class,
        (rs, col, ctx) -> {
          String s = rs.getString(col);
          return s == null ? null : new BigDecimal(s);
        });
  }
}
