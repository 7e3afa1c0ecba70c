package io.exflux.samples.cli.venue;

import io.exflux.api.config.Credentials;
import io.exflux.samples.cli.CliException;
import io.exflux.samples.cli.ExitCodes;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

/**
 * Finds a venue's API key and secret: in a key file when one is given, else in the environment
 * ({@code EXFLUX_ALP_API_KEY}, {@code EXFLUX_ALP_API_SECRET}). Never from the command line, where
 * they would end up in the shell history and the process list; never printed.
 */
public final class CredentialSource {

    private final Map<String, String> environment;

    public CredentialSource(Map<String, String> environment) {
        this.environment = environment;
    }

    /** The environment variable holding {@code venue}'s API key, for example {@code EXFLUX_ALP_API_KEY}. */
    public static String keyVariable(String venue) {
        return prefix(venue) + "_API_KEY";
    }

    /** The environment variable holding {@code venue}'s API secret. */
    public static String secretVariable(String venue) {
        return prefix(venue) + "_API_SECRET";
    }

    private static String prefix(String venue) {
        return "EXFLUX_" + venue.toUpperCase(Locale.ROOT).replace('-', '_');
    }

    /**
     * The credentials of {@code venue}.
     *
     * @param keyFile a properties file with {@code api-key} and {@code api-secret}, or {@code null}
     * @throws CliException (exit code {@link ExitCodes#AUTHENTICATION}) when none are found
     */
    public Credentials credentials(String venue, Path keyFile) {
        return keyFile != null ? fromFile(keyFile) : fromEnvironment(venue);
    }

    private Credentials fromEnvironment(String venue) {
        String key = environment.get(keyVariable(venue));
        String secret = environment.get(secretVariable(venue));
        if (isBlank(key) || isBlank(secret)) {
            throw new CliException(ExitCodes.AUTHENTICATION, "no credentials for " + venue + ": set "
                    + keyVariable(venue) + " and " + secretVariable(venue) + ", or pass --key-file");
        }
        return Credentials.of(key, secret);
    }

    private static Credentials fromFile(Path file) {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(reader);
        } catch (IOException e) {
            throw new CliException(ExitCodes.AUTHENTICATION, "cannot read key file " + file + ": "
                    + e.getClass().getSimpleName());
        }
        String key = properties.getProperty("api-key");
        String secret = properties.getProperty("api-secret");
        if (isBlank(key) || isBlank(secret)) {
            throw new CliException(ExitCodes.AUTHENTICATION, "key file " + file
                    + " needs both api-key and api-secret lines");
        }
        return Credentials.of(key, secret);
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }
}
