package io.exflux.reactive.internal.engineio;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.util.Objects;

/**
 * How one venue speaks engine.io / socket.io: immutable, built with {@link #builder()} and changed
 * with {@link #mutate()}. The defaults are socket.io's own conventions, no venue's: socket.io on
 * engine.io 3, path {@code /socket.io/}, subscribe by emitting {@code ["subscribe","<channel>"]}. How
 * events find their channel is venue knowledge: the venue gives {@link EngineIoDialect} its
 * {@link ChannelRouter}.
 */
public final class EngineIoOptions {

    /** The default path of a socket.io server. */
    public static final String DEFAULT_PATH = "/socket.io/";

    private final String path;
    private final EngineIoVersion version;
    private final Framing framing;
    private final String namespace;
    private final JsonNode auth;
    private final String subscribeEvent;
    private final String unsubscribeEvent;
    private final SubscribeArguments subscribeArguments;

    private EngineIoOptions(Builder builder) {
        this.path = builder.path;
        this.version = builder.version;
        this.framing = builder.framing;
        this.namespace = builder.namespace;
        this.auth = builder.auth;
        this.subscribeEvent = builder.subscribeEvent;
        this.unsubscribeEvent = builder.unsubscribeEvent;
        this.subscribeArguments = builder.subscribeArguments;
    }

    /** A builder holding the defaults. */
    public static Builder builder() {
        return new Builder();
    }

    /** The defaults. */
    public static EngineIoOptions defaults() {
        return builder().build();
    }

    /** A builder holding this configuration. */
    public Builder mutate() {
        Builder builder = new Builder();
        builder.path = path;
        builder.version = version;
        builder.framing = framing;
        builder.namespace = namespace;
        builder.auth = auth;
        builder.subscribeEvent = subscribeEvent;
        builder.unsubscribeEvent = unsubscribeEvent;
        builder.subscribeArguments = subscribeArguments;
        return builder;
    }

    /**
     * The websocket address for a server base such as {@code wss://btc-alpha.com}: the base with this
     * path and {@code ?EIO=<n>&transport=websocket}. The base's own path and query are not used.
     */
    public URI websocketUri(URI base) {
        String scheme = base.getScheme();
        if (!"ws".equals(scheme) && !"wss".equals(scheme)) {
            throw new IllegalArgumentException("not a websocket address: " + base);
        }
        String authority = base.getRawAuthority();
        return URI.create(scheme + "://" + authority + path + "?EIO=" + version.number() + "&transport=websocket");
    }

    /** The server path, {@code /socket.io/} by default. */
    public String path() {
        return path;
    }

    /** The engine.io version, 3 by default. */
    public EngineIoVersion version() {
        return version;
    }

    /** socket.io (default) or bare engine.io. */
    public Framing framing() {
        return framing;
    }

    /**
     * The socket.io namespace as sent in CONNECT, {@code /} by default; on revision 4 it may carry a
     * query ({@code /admin?token=123}), the way socket.io 2 passes credentials to a namespace.
     */
    public String namespace() {
        return namespace;
    }

    /** The namespace without its query: what the server names it in every packet after CONNECT. */
    public String namespaceName() {
        int query = namespace.indexOf('?');
        return query < 0 ? namespace : namespace.substring(0, query);
    }

    /** The auth object of a revision 5 CONNECT, or {@code null}. Never printed by {@link #toString()}. */
    public JsonNode auth() {
        return auth;
    }

    /** The event emitted to subscribe, {@code subscribe} by default. */
    public String subscribeEvent() {
        return subscribeEvent;
    }

    /** The event emitted to unsubscribe, {@code unsubscribe} by default. */
    public String unsubscribeEvent() {
        return unsubscribeEvent;
    }

    /** The arguments after the (un)subscribe event name; the channel name by default. */
    public SubscribeArguments subscribeArguments() {
        return subscribeArguments;
    }

    @Override
    public String toString() {
        return "EngineIoOptions[path=" + path + ", version=" + version + ", framing=" + framing
                + ", namespace=" + namespaceName() + (namespace.equals(namespaceName()) ? "" : "?(hidden)")
                + ", auth=" + (auth == null ? "none" : "(hidden)")
                + ", subscribeEvent=" + subscribeEvent + ", unsubscribeEvent=" + unsubscribeEvent + "]";
    }

    /** Mutable builder; not thread-safe. */
    public static final class Builder {
        private String path = DEFAULT_PATH;
        private EngineIoVersion version = EngineIoVersion.V3;
        private Framing framing = Framing.SOCKET_IO;
        private String namespace = SocketIoPacket.MAIN_NAMESPACE;
        private JsonNode auth;
        private String subscribeEvent = "subscribe";
        private String unsubscribeEvent = "unsubscribe";
        private SubscribeArguments subscribeArguments = SubscribeArguments.channelName();

        private Builder() {
        }

        /** The server path; must start and end with {@code /} (e.g. {@code /socket.v2/}). */
        public Builder path(String path) {
            Objects.requireNonNull(path, "path");
            if (!path.startsWith("/") || !path.endsWith("/")) {
                throw new IllegalArgumentException("path must start and end with '/': " + path);
            }
            this.path = path;
            return this;
        }

        /** The engine.io version (the {@code EIO} query parameter); decides who pings. */
        public Builder version(EngineIoVersion version) {
            this.version = Objects.requireNonNull(version, "version");
            return this;
        }

        /** socket.io packets (default) or bare engine.io messages. */
        public Builder framing(Framing framing) {
            this.framing = Objects.requireNonNull(framing, "framing");
            return this;
        }

        /**
         * The socket.io namespace; must start with {@code /} and hold no {@code ,}. A query after
         * {@code ?} is sent with the revision 4 CONNECT and never printed.
         */
        public Builder namespace(String namespace) {
            Objects.requireNonNull(namespace, "namespace");
            if (!namespace.startsWith("/") || namespace.contains(",")) {
                throw new IllegalArgumentException("namespace must start with '/' and hold no ',': " + namespace);
            }
            this.namespace = namespace;
            return this;
        }

        /** The auth object sent with a revision 5 CONNECT; {@code null} for none. Must be a JSON object. */
        public Builder auth(JsonNode auth) {
            if (auth != null && !auth.isObject()) {
                throw new IllegalArgumentException("auth must be a JSON object");
            }
            this.auth = auth;
            return this;
        }

        /** The event emitted to subscribe a channel. */
        public Builder subscribeEvent(String subscribeEvent) {
            this.subscribeEvent = requireName(subscribeEvent, "subscribeEvent");
            return this;
        }

        /** The event emitted to unsubscribe a channel. */
        public Builder unsubscribeEvent(String unsubscribeEvent) {
            this.unsubscribeEvent = requireName(unsubscribeEvent, "unsubscribeEvent");
            return this;
        }

        /** The arguments after the (un)subscribe event name for a channel. */
        public Builder subscribeArguments(SubscribeArguments subscribeArguments) {
            this.subscribeArguments = Objects.requireNonNull(subscribeArguments, "subscribeArguments");
            return this;
        }

        /** The immutable options. */
        public EngineIoOptions build() {
            return new EngineIoOptions(this);
        }

        private static String requireName(String name, String what) {
            Objects.requireNonNull(name, what);
            if (name.isEmpty()) {
                throw new IllegalArgumentException(what + " must not be empty");
            }
            return name;
        }
    }
}
