package io.exflux.samples.cli;

/**
 * The exit codes of {@code exflux}, documented in {@code samples/README.md}. Scripts can branch on them
 * without reading the message.
 */
public final class ExitCodes {

    /** The command did what it was asked. */
    public static final int OK = 0;
    /** Something unexpected failed (a bug, or an error without a type); {@code --verbose} shows more. */
    public static final int FAILURE = 1;
    /** The command line was wrong (unknown option, missing or malformed value). */
    public static final int USAGE = 2;
    /** The venue is not wired into the CLI yet, or it cannot serve this command. */
    public static final int UNSUPPORTED = 3;
    /** Credentials are missing or the venue refused them (authentication, permission). */
    public static final int AUTHENTICATION = 4;
    /** The venue said slow down (HTTP 429 or its own rate-limit code). */
    public static final int RATE_LIMITED = 5;
    /** The venue refused the request as invalid, or what was asked for does not exist (unknown pair). */
    public static final int INVALID_REQUEST = 6;
    /** The venue could not be reached, timed out, failed (5xx) or sent something unreadable. */
    public static final int UNAVAILABLE = 7;
    /** The account has not enough funds for the order. */
    public static final int INSUFFICIENT_FUNDS = 8;
    /** A local file could not be read or written (a missing replay file, an unwritable --output). */
    public static final int LOCAL_FILE = 9;
    /** Stopped by Ctrl-C (SIGINT) before the command finished; the shell reports 130. */
    public static final int INTERRUPTED = 130;

    private ExitCodes() {
    }
}
