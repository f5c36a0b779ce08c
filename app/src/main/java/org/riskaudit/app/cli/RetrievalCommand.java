package org.riskaudit.app.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.riskaudit.app.retrieval.RetrievalList;
import org.riskaudit.app.retrieval.RetrievalRow;
import org.riskaudit.core.manifest.BallotManifest;
import org.riskaudit.core.sampling.Draw;
import org.riskaudit.core.sampling.SampleSelector;
import org.riskaudit.core.sampling.SelectedCard;
import org.riskaudit.formats.manifest.ManifestParseResult;
import org.riskaudit.formats.manifest.ManifestParser;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code riskaudit retrieval}: draws a consistent sample over ballot manifests and writes each
 * county's retrieval list (CSV) and each audit board's printable list with placeholder sheets
 * (PDF).
 */
@Command(
    name = "retrieval",
    mixinStandardHelpOptions = true,
    description = {
      "Draws cards over the ballot manifests with the consistent sampler and writes retrieval lists:",
      "<county>-retrieval.csv per county and <county>-board-<k>.pdf per audit board."
    })
public final class RetrievalCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(
      names = "--manifest",
      required = true,
      description = "manifest CSV (repeat: one per county)")
  List<Path> manifests = new ArrayList<>();

  @Option(
      names = "--county",
      description =
          "county name for a single manifest without County column (default: from the file name)")
  String county;

  @Option(names = "--seed", required = true, description = "the public seed (at least 20 digits)")
  String seed;

  @Option(names = "--count", required = true, description = "number of draws")
  int count;

  @Option(
      names = "--already",
      defaultValue = "0",
      description = "draws of earlier rounds (escalation)")
  int already;

  @Option(names = "--without-replacement", description = "draw without replacement")
  boolean withoutReplacement;

  @Option(names = "--boards", defaultValue = "1", description = "audit boards per county")
  int boards;

  @Option(names = "--out", required = true, description = "output folder")
  Path out;

  @Override
  public Integer call() throws IOException {
    if (count < 0 || already < 0) {
      throw new ParameterException(spec.commandLine(), "--count and --already must be >= 0");
    }
    if (boards < 1) {
      throw new ParameterException(
          spec.commandLine(), "--boards must be at least 1, got " + boards);
    }
    PrintWriter err = spec.commandLine().getErr();
    ManifestParseResult parsed =
        manifests.size() == 1 && county != null
            ? ManifestParser.withHeader(county).parse(manifests.get(0))
            : ManifestParser.parseAll(manifests, true);
    parsed.problems().forEach(p -> err.println(p.describe()));
    if (parsed.hasErrors()) {
      err.println("riskaudit: the manifest has errors; nothing was drawn.");
      err.flush();
      return 3;
    }
    BallotManifest manifest = parsed.manifest();
    List<Draw> draws =
        new SampleSelector(seed, manifest)
            .draw(SampleSelector.ALL_CARDS, already, count, !withoutReplacement);
    List<SelectedCard> cards = SelectedCard.union(Map.of("sample", draws));
    List<RetrievalRow> rows = RetrievalList.build(cards, manifest, boards, seed, l -> true);
    Map<String, Integer> perCounty =
        org.riskaudit.app.audit.RetrievalService.write(rows, boards, "retrieval list", out);
    PrintWriter o = spec.commandLine().getOut();
    o.printf(
        "%d draws from %d cards -> %d cards to retrieve, written to %s%n",
        draws.size(), manifest.totalCards(), rows.size(), out);
    perCounty.forEach((c, n) -> o.printf("  %-24s %6d cards%n", c, n));
    o.flush();
    return 0;
  }
}
