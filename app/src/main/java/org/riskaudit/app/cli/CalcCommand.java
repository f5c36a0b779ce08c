package org.riskaudit.app.cli;

import picocli.CommandLine.Command;

/** {@code riskaudit calc}: the audit calculator for auditors and observers. */
@Command(
    name = "calc",
    mixinStandardHelpOptions = true,
    description =
        "Sample sizes and risk (p-values) for comparison and polling audits; see docs/calculator.md.",
    subcommands = {CalcSampleSizeCommand.class, CalcRiskCommand.class})
public final class CalcCommand {}
