package org.riskaudit.app.cli;

import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.riskaudit.core.sampling.Rivest2011Sampler;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code riskaudit sample}: Rivest's 2011 sampler over 1..N, draws in draw order. */
@Command(
    name = "sample",
    mixinStandardHelpOptions = true,
    description = {
      "Draws with Rivest's 2011 SHA-256 sampler (the one Colorado uses) over 1..N.",
      "Draw i is 1 + (SHA-256(\"SEED,i\") mod N); see docs/sampling.md."
    })
public final class SampleCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--seed", required = true, description = "the public seed, used as text")
  String seed;

  @Option(names = "--population", required = true, description = "N, the number of cards")
  long population;

  @Option(names = "--count", required = true, description = "n, the number of draws")
  int count;

  @Option(names = "--without-replacement", description = "skip values already drawn")
  boolean withoutReplacement;

  @Option(
      names = "--skip",
      defaultValue = "0",
      description = "leave out the first K draws (escalation)")
  int skip;

  @Option(names = "--json", description = "print one JSON object")
  boolean json;

  @Override
  public Integer call() {
    if (population < 1) {
      throw new ParameterException(
          spec.commandLine(), "--population must be at least 1, got " + population);
    }
    if (count < 0 || skip < 0) {
      throw new ParameterException(spec.commandLine(), "--count and --skip must be >= 0");
    }
    if (withoutReplacement && count > population) {
      throw new ParameterException(
          spec.commandLine(),
          "--count " + count + " exceeds --population " + population + " without replacement");
    }
    List<Long> draws =
        new Rivest2011Sampler(seed).draw(1, population, count + skip, !withoutReplacement, skip);
    PrintWriter out = spec.commandLine().getOut();
    if (json) {
      Map<String, Object> o = new LinkedHashMap<>();
      o.put("sampler", "rivest-2011");
      o.put("seed", seed);
      o.put("population", population);
      o.put("withReplacement", !withoutReplacement);
      o.put("skip", skip);
      o.put("draws", draws);
      out.println(Json.write(o));
    } else {
      out.printf(
          "%d draws %s replacement from 1..%d (seed \"%s\"%s):%n",
          draws.size(),
          withoutReplacement ? "without" : "with",
          population,
          seed,
          skip > 0 ? ", after the first " + skip : "");
      for (int i = 0; i < draws.size(); i++) {
        out.printf("%6d  %d%n", skip + i + 1, draws.get(i));
      }
    }
    out.flush();
    return 0;
  }
}
