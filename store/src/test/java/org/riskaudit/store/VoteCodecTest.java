package org.riskaudit.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.riskaudit.core.card.ContestVote;

class VoteCodecTest {

  @Test
  void aRecallCardEncodesToAFewBytes() {
    VoteCodec codec = VoteCodec.of(List.of());
    Map<String, ContestVote> votes = new LinkedHashMap<>();
    votes.put("Recall Question", new ContestVote(List.of("No"), false));
    votes.put("Replacement", new ContestVote(List.of("Elder"), false));
    assertThat(codec.encode(votes)).isEqualTo("0:1;1:1");
  }

  @Test
  void overvotesBlanksAndRankOrderRoundTrip() {
    VoteCodec codec = VoteCodec.of(List.of());
    Map<String, ContestVote> votes = new LinkedHashMap<>();
    votes.put("A", ContestVote.OVERVOTE);
    votes.put("B", ContestVote.BLANK);
    votes.put("C; tricky:name", new ContestVote(List.of("z,1", "y", "x"), false));
    String text = codec.encode(votes);
    assertThat(text).isEqualTo("0:!;1:;2:1,2,3");
    assertThat(codec.decode(text)).isEqualTo(votes);
  }

  @Test
  void aCodecRebuiltFromStoredEntriesDecodesEarlierCardsAndExtendsTheDictionary() {
    VoteCodec first = VoteCodec.of(List.of());
    String text = first.encode(Map.of("Q", new ContestVote(List.of("Yes"), false)));
    VoteCodec again = VoteCodec.of(first.newEntries());
    assertThat(again.decode(text)).containsEntry("Q", new ContestVote(List.of("Yes"), false));
    assertThat(again.encode(Map.of("Q", new ContestVote(List.of("No"), false)))).isEqualTo("0:2");
    assertThat(again.newEntries()).containsExactly(new VoteCodec.Entry(0, 2, "No"));
  }
}
