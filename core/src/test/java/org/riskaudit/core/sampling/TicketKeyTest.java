package org.riskaudit.core.sampling;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.Test;

class TicketKeyTest {

  @Property(tries = 500)
  void theKeyIsTheFirstEighteenDigitsOfTheTicket(@ForAll @StringLength(max = 40) String id) {
    String ticket = new ConsistentSampler("20240917-dice-31415926535").firstFraction(id);
    long key = new TicketKey("20240917-dice-31415926535").firstKey(id);
    assertThat(String.format("%018d", key)).isEqualTo(ticket.substring(2, 20));
  }

  @Property(tries = 300)
  void modTenToTheEighteenIsExact(@ForAll byte[] bytes) {
    long expected =
        new BigInteger(1, bytes.length == 0 ? new byte[] {0} : bytes)
            .mod(BigInteger.TEN.pow(18))
            .longValueExact();
    assertThat(TicketKey.mod1e18(bytes)).isEqualTo(expected);
  }

  @Test
  void reversingPadsToEighteenDigits() {
    assertThat(TicketKey.reverse18(12)).isEqualTo(210_000_000_000_000_000L);
  }

  @Property(tries = 300)
  void thePrefixAndPositionFormGivesTheSameKeyAsTheWholeId(
      @ForAll @StringLength(max = 20) String batch,
      @ForAll @net.jqwik.api.constraints.IntRange(min = 1, max = 2_000_000) int position) {
    TicketKey k = new TicketKey("12345678901234567890");
    byte[] prefix =
        CardId.prefix("Alpine", "T1", batch).getBytes(java.nio.charset.StandardCharsets.UTF_8);
    assertThat(k.firstKey(prefix, position))
        .isEqualTo(k.firstKey(CardId.of("Alpine", "T1", batch, position)));
  }
}
