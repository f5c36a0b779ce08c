package org.riskaudit.store;

import java.util.List;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;
import org.riskaudit.store.Rows.HandTallyRow;

/** Hand-counted batch tallies of a full hand count. */
@RegisterConstructorMapper(HandTallyRow.class)
public interface HandTallyDao {

  @SqlUpdate(
      "INSERT INTO hand_tally (audit_id, county, tabulator, batch, contest, choice, sheet, votes,"
          + " recorded_by, recorded_at) VALUES (:auditId, :county, :tabulator, :batch, :contest,"
          + " :choice, :sheet, :votes, :recordedBy, :recordedAt)")
  void insert(@BindMethods HandTallyRow row);

  @SqlQuery(
      "SELECT COUNT(*) FROM hand_tally WHERE audit_id = :auditId AND county = :county"
          + " AND tabulator = :tabulator AND batch = :batch AND contest = :contest"
          + " AND sheet = :sheet")
  int sheetRows(
      @Bind("auditId") String auditId,
      @Bind("county") String county,
      @Bind("tabulator") String tabulator,
      @Bind("batch") String batch,
      @Bind("contest") String contest,
      @Bind("sheet") int sheet);

  @SqlQuery(
      "SELECT * FROM hand_tally WHERE audit_id = :auditId"
          + " ORDER BY county, tabulator, batch, contest, sheet, choice")
  List<HandTallyRow> tallies(@Bind("auditId") String auditId);
}
