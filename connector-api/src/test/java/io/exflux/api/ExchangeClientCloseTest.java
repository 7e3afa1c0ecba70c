package io.exflux.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.test.util.TestLogger;
import reactor.util.Loggers;

class ExchangeClientCloseTest {

    @AfterEach
    void restoreLoggers() {
        Loggers.resetLoggerFactory();
    }

    @Test
    void aFailedCloseIsLoggedNotSwallowed() {
        TestLogger log = new TestLogger(false);
        Loggers.useCustomLoggers(name -> log);
        ExchangeClient client = new ExchangeClient() {
            @Override
            public String venue() {
                return "stuck";
            }

            @Override
            public Capabilities capabilities() {
                return Capabilities.of();
            }

            @Override
            public Mono<Void> closeGracefully() {
                return Mono.error(new IOException("pool would not close"));
            }
        };

        client.close();

        assertThat(log.getErrContent()).contains("closing the stuck client failed")
                .contains("pool would not close");
    }
}
