package io.exflux.spring.boot;

import io.exflux.api.ExchangeClient;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;

/**
 * Every configured venue client by its entry's name ({@code exflux.venues.<name>}). Each client is also a bean of
 * its own, qualified by that name: {@code @Qualifier("alp") ExchangeClient alp}.
 */
public final class ExchangeClients {

    private final Map<String, ExchangeClient> byName;

    ExchangeClients(Map<String, ExchangeClient> byName) {
        this.byName = Map.copyOf(byName);
    }

    /** The names of the configured entries. */
    public Set<String> names() {
        return byName.keySet();
    }

    /** Every client by name. */
    public Map<String, ExchangeClient> asMap() {
        return byName;
    }

    /**
     * The client of the entry {@code name}.
     *
     * @throws NoSuchElementException when no entry has that name
     */
    public ExchangeClient get(String name) {
        ExchangeClient client = byName.get(name);
        if (client == null) {
            throw new NoSuchElementException("no exflux.venues." + name + " configured (there are: " + names() + ")");
        }
        return client;
    }

    @Override
    public String toString() {
        return "ExchangeClients" + names();
    }
}
