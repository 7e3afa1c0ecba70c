package io.exflux.samples.cli;

import io.exflux.samples.cli.command.BalancesCommand;
import io.exflux.samples.cli.command.BookCommand;
import io.exflux.samples.cli.command.CancelCommand;
import io.exflux.samples.cli.command.CandlesCommand;
import io.exflux.samples.cli.command.CollectCommand;
import io.exflux.samples.cli.command.OrdersCommand;
import io.exflux.samples.cli.command.PairsCommand;
import io.exflux.samples.cli.command.PlaceCommand;
import io.exflux.samples.cli.command.RecordCommand;
import io.exflux.samples.cli.command.SimCommand;
import io.exflux.samples.cli.command.SoakCommand;
import io.exflux.samples.cli.command.ReplayCommand;
import io.exflux.samples.cli.command.TickerCommand;
import io.exflux.samples.cli.command.TradesCommand;
import io.exflux.samples.cli.command.TransferCommand;
import io.exflux.samples.cli.command.WithdrawCommand;
import io.exflux.samples.cli.command.DepositAddressCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The top-level {@code exflux} command: holds the injected context for its subcommands. */
@Command(name = "exflux", mixinStandardHelpOptions = true, versionProvider = ExfluxCommand.Version.class,
        description = {"Reactive crypto exchange connectors, from the command line.",
                "Runs against an embedded venue simulator unless --live: no keys, no network."},
        subcommands = {BookCommand.class, TradesCommand.class, TickerCommand.class, PairsCommand.class,
                CandlesCommand.class, BalancesCommand.class, OrdersCommand.class, PlaceCommand.class,
                CancelCommand.class, WithdrawCommand.class, DepositAddressCommand.class, TransferCommand.class,
                CollectCommand.class, RecordCommand.class, ReplayCommand.class, SimCommand.class, SoakCommand.class,
                CommandLine.HelpCommand.class},
        footer = {"", "Exit codes:",
                "  0 ok                     4 authentication       7 venue unavailable",
                "  1 unexpected failure     5 rate limited         8 insufficient funds",
                "  2 usage                  6 invalid request or   130 Ctrl-C",
                "  3 venue not wired          unknown market       9 local file error"})
public final class ExfluxCommand implements Runnable {

    private final CliContext context;

    public ExfluxCommand(CliContext context) {
        this.context = context;
    }

    public CliContext context() {
        return context;
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(
                new CommandLine(this), "missing command (book, trades, ticker, pairs, candles, balances,"
                + " orders, place, cancel, collect, record, replay, sim, soak, help)");
    }

    /** The program's version, the same for {@code exflux -V} and every {@code exflux <command> -V}. */
    public static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"exflux 0.1.0-SNAPSHOT"};
        }
    }
}
