package org.riskaudit.app.cli;

import picocli.CommandLine.Command;

/** {@code riskaudit cvrs}: read CVR exports, tabulate them and reconcile them. */
@Command(
    name = "cvrs",
    mixinStandardHelpOptions = true,
    description = "Read CVR exports: tabulate them, or reconcile them with a manifest and results.",
    subcommands = {CvrsTallyCommand.class, CvrsCheckCommand.class})
public final class CvrsCommand {}
