package org.riskaudit.app.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.riskaudit.core.sampling.ConsistentSampler;
import org.riskaudit.core.sampling.Ticket;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code riskaudit tickets}: Rivest-Stark consistent-sampler tickets and draws. */
@Command(
    name = "tickets",
    mixinStandardHelpOptions = true,
    description = {
      "Ticket numbers of the Rivest-Stark consistent sampler (the one Arlo uses), in draw order.",
      "See docs/sampling.md for the exact text hashed."
    })
public final class TicketsCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--seed", required = true, description = "the public seed, used as text")
  String seed;

  @Option(names = "--id", description = "a card id (repeatable)")
  List<String> ids = new ArrayList<>();

  @Option(names = "--ids", description = "a file with one card id per line")
  Path idsFile;

  @Option(names = "--with-replacement", description = "sample with replacement (needs --count)")
  boolean withReplacement;

  @Option(names = "--count", description = "number of draws (default: every id once)")
  Integer count;

  @Option(
      names = "--digits",
      defaultValue = "18",
      description = "digits shown (ordering always uses all)")
  int digits;

  @Option(names = "--json", description = "print one JSON object")
  boolean json;

  @Override
  public Integer call() throws IOException {
    List<String> all = new ArrayList<>(ids);
    if (idsFile != null) {
      if (!Files.isReadable(idsFile)) {
        throw new ParameterException(spec.commandLine(), "--ids file not readable: " + idsFile);
      }
      for (String line : Files.readAllLines(idsFile, StandardCharsets.UTF_8)) {
        if (!line.isBlank()) {
          all.add(line.strip());
        }
      }
    }
    if (all.isEmpty()) {
      throw new ParameterException(
          spec.commandLine(), "give card ids with --id X ... or --ids FILE");
    }
    if (withReplacement && count == null) {
      throw new ParameterException(spec.commandLine(), "--with-replacement needs --count n");
    }
    int take = count == null ? all.size() : count;
    if (take < 0 || (!withReplacement && take > all.size())) {
      throw new ParameterException(
          spec.commandLine(),
          "--count must be between 0 and the number of ids (" + all.size() + ")");
    }
    List<Ticket> draws = new ConsistentSampler(seed).sample(all, withReplacement, 0, take);
    PrintWriter out = spec.commandLine().getOut();
    if (json) {
      List<Map<String, Object>> rows = new ArrayList<>();
      for (Ticket t : draws) {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("id", t.id());
        r.put("ticket", t.number());
        r.put("generation", t.generation());
        rows.add(r);
      }
      Map<String, Object> o = new LinkedHashMap<>();
      o.put("sampler", "rivest-stark-consistent");
      o.put("seed", seed);
      o.put("withReplacement", withReplacement);
      o.put("draws", rows);
      out.println(Json.write(o));
    } else {
      out.printf("%-6s %-24s %-4s %s%n", "draw", "ticket", "gen", "id");
      for (int i = 0; i < draws.size(); i++) {
        Ticket t = draws.get(i);
        out.printf("%-6d %-24s %-4d %s%n", i + 1, t.display(digits), t.generation(), t.id());
      }
    }
    out.flush();
    return 0;
  }
}
