package org.riskaudit.app.demo;

import java.util.List;
import org.riskaudit.formats.generate.CountyTotals;

/**
 * The certified county results of the 2021 California gubernatorial recall, Question 1 ("Shall
 * GAVIN NEWSOM be recalled (removed) from the office of Governor?"), built into the demo so that it
 * runs without any data folder.
 *
 * <p>Source: California Secretary of State, Statement of Vote, 14 September 2021 recall election,
 * "SOV Recall Contest Details"
 * (https://www.sos.ca.gov/elections/prior-elections/statewide-election-results/2021-ca-gov-recall/statement-vote),
 * as gathered in ../shared/data/ca-recall-2021/recall_q1_by_county.csv. The 58 rows add up to the
 * certified statewide totals Yes 4,894,473 and No 7,944,092 ({@code RecallTotalsTest} checks both,
 * and checks these rows against that file when it is present).
 */
public final class RecallTotals {
  private RecallTotals() {}

  public static final String CONTEST = "Question 1";
  public static final long STATE_YES = 4_894_473L;
  public static final long STATE_NO = 7_944_092L;

  /** The 58 counties, alphabetically: county, Yes votes, No votes. */
  public static final List<CountyTotals> COUNTIES =
      List.of(
          row("Alameda", 108081, 465901),
          row("Alpine", 225, 354),
          row("Amador", 12895, 6957),
          row("Butte", 43129, 36128),
          row("Calaveras", 15133, 8320),
          row("Colusa", 4037, 2027),
          row("Contra Costa", 130058, 324747),
          row("Del Norte", 5243, 3505),
          row("El Dorado", 58393, 39907),
          row("Fresno", 133309, 126488),
          row("Glenn", 6331, 2485),
          row("Humboldt", 18621, 33164),
          row("Imperial", 13177, 19288),
          row("Inyo", 4134, 3502),
          row("Kern", 131061, 81030),
          row("Kings", 19710, 11242),
          row("Lake", 10923, 11367),
          row("Lassen", 8538, 1604),
          row("Los Angeles", 855940, 2077859),
          row("Madera", 25638, 16233),
          row("Marin", 24273, 108599),
          row("Mariposa", 5378, 3376),
          row("Mendocino", 12075, 22093),
          row("Merced", 30210, 27867),
          row("Modoc", 2593, 730),
          row("Mono", 2245, 2805),
          row("Monterey", 38169, 80664),
          row("Napa", 18681, 38948),
          row("Nevada", 25426, 29851),
          row("Orange", 547685, 586457),
          row("Placer", 115411, 85677),
          row("Plumas", 5842, 3408),
          row("Riverside", 362958, 355630),
          row("Sacramento", 220498, 329952),
          row("San Benito", 9276, 12718),
          row("San Bernardino", 286364, 288877),
          row("San Diego", 505081, 674670),
          row("San Francisco", 47193, 292744),
          row("San Joaquin", 94877, 105405),
          row("San Luis Obispo", 61203, 68429),
          row("San Mateo", 64390, 227368),
          row("Santa Barbara", 58149, 94219),
          row("Santa Clara", 166995, 468851),
          row("Santa Cruz", 25454, 90874),
          row("Shasta", 51608, 22592),
          row("Sierra", 1065, 616),
          row("Siskiyou", 11295, 6961),
          row("Solano", 58372, 97935),
          row("Sonoma", 57419, 160602),
          row("Stanislaus", 82911, 69247),
          row("Sutter", 20458, 11593),
          row("Tehama", 16770, 6386),
          row("Trinity", 2699, 2106),
          row("Tulare", 64372, 41009),
          row("Tuolumne", 15832, 9850),
          row("Ventura", 136610, 182470),
          row("Yolo", 24769, 52444),
          row("Yuba", 15291, 7961));

  /** The election as the generator takes it: choices Yes and No. */
  public static CountyTotals.Election election() {
    return new CountyTotals.Election(CONTEST, List.of("Yes", "No"), COUNTIES);
  }

  private static CountyTotals row(String county, long yes, long no) {
    return new CountyTotals(county, new long[] {yes, no});
  }
}
