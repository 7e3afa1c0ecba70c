package io.exflux.samples.cli;

import io.exflux.samples.cli.command.VenueCommand;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;

/**
 * Runs the {@code exflux} command line in-process against a {@link CliContext}: parses, runs the
 * subcommand, and turns any failure into one line and an exit code ({@link ExitCodes}).
 */
public final class ExfluxCli {

    private final CliContext context;

    public ExfluxCli(CliContext context) {
        this.context = context;
    }

    /** Runs {@code args}; returns the exit code. Never throws. */
    public int run(String... args) {
        CommandLine commandLine = new CommandLine(new ExfluxCommand(context));
        commandLine.setOut(new java.io.PrintWriter(context.out(), true));
        commandLine.setErr(new java.io.PrintWriter(context.err(), true));
        commandLine.setCaseInsensitiveEnumValuesAllowed(true);
        commandLine.setParameterExceptionHandler(this::onParameterError);
        commandLine.setExecutionExceptionHandler((failure, cmd, parseResult) -> {
            boolean verbose = cmd.getCommand() instanceof VenueCommand venueCommand
                    && venueCommand.venueOptions() != null && venueCommand.venueOptions().verbose();
            return ErrorReporter.report(failure, context.err(), verbose);
        });
        try {
            return commandLine.execute(args);
        } finally {
            context.out().flush();
            context.err().flush();
        }
    }

    private int onParameterError(ParameterException failure, String[] args) {
        String command = failure.getCommandLine().getCommandName();
        String help = "exflux".equals(command) ? "exflux --help" : "exflux " + command + " --help";
        context.err().println("exflux: " + failure.getMessage() + " (see " + help + ")");
        context.err().flush();
        return ExitCodes.USAGE;
    }
}
