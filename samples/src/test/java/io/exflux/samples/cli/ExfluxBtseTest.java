package io.exflux.samples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.exflux.reactive.ClientResources;
import io.exflux.samples.cli.venue.AlpConnector;
import io.exflux.samples.cli.venue.BtseConnector;
import io.exflux.samples.cli.venue.VenueRegistry;
import io.exflux.testkit.alp.AlpSimulatorOptions;
import io.exflux.testkit.btse.BtseSimulatorOptions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code --venue btse}: every command of {@code exflux}, as a user types it, against the embedded BTSE
 * simulator through the real {@code BtseExchangeClient}, plus the wallet commands ({@code withdraw},
 * {@code deposit-address}, {@code transfer}) that BTSE serves and ALP does not.
 */
class ExfluxBtseTest {

    private static final BtseSimulatorOptions LIVELY = BtseSimulatorOptions.builder()
            .generator(BtseSimulatorOptions.defaults().generator().withStepInterval(Duration.ofMillis(20))).build();

    /** Shared by the clients of every run: a client's own resources take seconds to shut down. */
    private static ClientResources resources;

    private final VenueRegistry venues = new VenueRegistry(List.of(
            new AlpConnector(AlpSimulatorOptions.builder().generatorEnabled(false).build(), b -> b.resources(resources)),
            new BtseConnector(LIVELY, b -> b.resources(resources))));

    @BeforeAll
    static void createResources() {
        resources = ClientResources.create();
    }

    @AfterAll
    static void shutdownResources() {
        resources.shutdown().block(Duration.ofSeconds(10));
    }

    private CliHarness cli() {
        return new CliHarness(venues, Map.of(), false);
    }

    @Test
    void marketCommandsShowTheSimulatorsMarkets() {
        CliHarness cli = cli();
        assertThat(cli.run("pairs", "--venue", "btse")).as(cli::err).isZero();
        assertThat(cli.out()).contains("BTC/USD").contains("ETH/BTC");
        assertThat(cli.err()).startsWith("exflux: embedded BTSE simulator on 127.0.0.1:");

        CliHarness ticker = cli();
        assertThat(ticker.run("ticker", "--venue", "btse", "--pair", "BTC-USD")).as(ticker::err).isZero();
        assertThat(ticker.out()).contains("BTC/USD");
        CliHarness trades = cli();
        assertThat(trades.run("trades", "--venue", "btse", "--pair", "BTC-USD")).as(trades::err).isZero();
        assertThat(trades.out()).contains("BTC/USD");
        CliHarness candles = cli();
        assertThat(candles.run("candles", "--venue", "btse", "--pair", "BTC-USD", "--interval", "1m")).as(candles::err).isZero();
        CliHarness book = cli();
        assertThat(book.run("book", "--venue", "btse", "--pair", "BTC-USD", "--depth", "3", "--duration", "2s"))
                .as(book::err).isZero();
        assertThat(book.out().lines().filter(l -> l.startsWith("book "))).isNotEmpty();
    }

    @Test
    void accountCommandsPlaceListAndCancelOnTheDemoAccount() {
        CliHarness balances = cli();
        assertThat(balances.run("balances", "--venue", "btse")).as(balances::err).isZero();
        assertThat(balances.out()).contains("USD").contains("100000");
        CliHarness place = cli();
        assertThat(place.run("place", "--venue", "btse", "--pair", "BTC-USD", "--side", "buy", "--amount", "0.01",
                "--price", "50000")).as(place::err).isZero();
        assertThat(place.out()).containsPattern("BTC/USD\\s+BUY\\s+LIMIT\\s+OPEN");
        CliHarness orders = cli();
        assertThat(orders.run("orders", "--venue", "btse")).as(orders::err).isZero();
        CliHarness cancel = cli();
        assertThat(cancel.run("cancel", "--venue", "btse", "--all", "--pair", "BTC-USD")).as(cancel::err).isZero();
        assertThat(cancel.out()).contains("cancelled every open order of BTC/USD");
    }

    @Test
    void walletCommandsWithdrawShowAnAddressAndTransfer() {
        CliHarness withdraw = cli();
        assertThat(withdraw.run("withdraw", "--venue", "btse", "--currency", "BTC", "--network", "Bitcoin",
                "--amount", "0.1", "--address", "bc1qexample")).as(withdraw::err).isZero();
        assertThat(withdraw.out()).contains("0.1 BTC to bc1qexample");
        CliHarness nine = cli();
        assertThat(nine.run("withdraw", "--venue", "btse", "--currency", "BTC", "--amount", "0.123456789",
                "--address", "bc1qexample")).isEqualTo(ExitCodes.INVALID_REQUEST);
        assertThat(nine.err()).contains("8");

        CliHarness address = cli();
        assertThat(address.run("deposit-address", "--venue", "btse", "--currency", "BTC", "--network", "Bitcoin", "--new"))
                .as(address::err).isZero();
        assertThat(address.out()).startsWith("BTC on Bitcoin: sim");

        CliHarness transfer = cli();
        assertThat(transfer.run("transfer", "--venue", "btse", "--currency", "BTC", "--amount", "0.5", "--to",
                BtseConnector.RECIPIENT, "--to-email", BtseConnector.RECIPIENT_EMAIL)).as(transfer::err).isZero();
        assertThat(transfer.out()).contains("transferred 0.5 BTC to friend");
    }

    @Test
    void aVenueThatServesNoWithdrawalsSaysSo() {
        CliHarness cli = cli();
        assertThat(cli.run("withdraw", "--venue", "alp", "--currency", "BTC", "--amount", "0.1", "--address", "x"))
                .isEqualTo(ExitCodes.UNSUPPORTED);
    }
}
