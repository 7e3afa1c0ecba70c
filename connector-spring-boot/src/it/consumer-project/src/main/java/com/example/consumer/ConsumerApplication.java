package com.example.consumer;

import io.exflux.api.ExchangeClient;
import io.exflux.api.model.PairInfo;
import java.time.Duration;
import java.util.List;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.CommandLineRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;

/** A user's application: the ALP client bean answers from the simulator; no answer exits non-zero. */
@SpringBootApplication
public class ConsumerApplication {

    @Bean
    CommandLineRunner listMarkets(@Qualifier("alp") ExchangeClient alp) {
        return args -> {
            List<PairInfo> pairs = alp.pairs().collectList().block(Duration.ofSeconds(20));
            if (pairs == null || pairs.isEmpty()) {
                throw new IllegalStateException("the simulator listed no market");
            }
            System.out.println("exflux consumer: " + alp.venue() + " lists " + pairs.size() + " markets, first "
                    + pairs.get(0).pair());
        };
    }

    public static void main(String[] args) {
        System.exit(SpringApplication.exit(SpringApplication.run(ConsumerApplication.class, args)));
    }
}
