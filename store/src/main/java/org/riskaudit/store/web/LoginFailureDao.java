package org.riskaudit.store.web;

import java.util.List;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/**
 * Failed sign-ins (table login_failure), by subject: {@code user:NAME} or {@code addr:ADDRESS}.
 * Times are fixed-width UTC text, so they compare as strings.
 */
public interface LoginFailureDao {

  @SqlUpdate("INSERT INTO login_failure (subject, at) VALUES (:subject, :at)")
  void insert(@Bind("subject") String subject, @Bind("at") String at);

  /** The subject's failures at or after {@code since}, newest first. */
  @SqlQuery(
      "SELECT at FROM login_failure WHERE subject = :subject AND at >= :since ORDER BY at DESC")
  List<String> since(@Bind("subject") String subject, @Bind("since") String since);

  /** Forgets the subject's failures (after a successful sign-in). */
  @SqlUpdate("DELETE FROM login_failure WHERE subject = :subject")
  int clear(@Bind("subject") String subject);

  @SqlUpdate("DELETE FROM login_failure WHERE at < :before")
  int purge(@Bind("before") String before);
}
