package io.exflux.samples.cli;

import io.exflux.api.error.AuthenticationException;
import io.exflux.api.error.ExchangeException;
import io.exflux.api.error.ExchangeUnavailableException;
import io.exflux.api.error.InsufficientFundsException;
import io.exflux.api.error.InvalidRequestException;
import io.exflux.api.error.NonceException;
import io.exflux.api.error.NotFoundException;
import io.exflux.api.error.PermissionDeniedException;
import io.exflux.api.error.ProtocolException;
import io.exflux.api.error.RateLimitedException;
import io.exflux.api.error.RequestTimeoutException;
import io.exflux.api.error.UnsupportedCapabilityException;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import reactor.core.Exceptions;

/**
 * Turns a failure into one readable line and an exit code: the kind of error as a user would say it
 * ("rate limited", "authentication failed"), then the message. The stack trace only with
 * {@code --verbose}.
 */
public final class ErrorReporter {

    private ErrorReporter() {
    }

    /** Prints {@code failure} to {@code err} and returns its exit code. */
    public static int report(Throwable failure, PrintStream err, boolean verbose) {
        Throwable cause = unwrap(failure);
        err.println("exflux: " + describe(cause));
        if (verbose) {
            if (cause instanceof ExchangeException exchange) {
                err.println("  context: " + exchange.context());
            }
            cause.printStackTrace(err);
        }
        err.flush();
        return exitCode(cause);
    }

    /** Strips Reactor's and the JDK's wrappers (from {@code block()}), down to the typed cause. */
    public static Throwable unwrap(Throwable failure) {
        Throwable current = Exceptions.unwrap(failure);
        while ((current instanceof UncheckedIOException
                || current.getClass() == RuntimeException.class
                || current instanceof java.util.concurrent.ExecutionException)
                && current.getCause() != null && current.getCause() != current) {
            current = Exceptions.unwrap(current.getCause());
        }
        return current;
    }

    /** The one line: a label naming the kind of error, then the message. */
    public static String describe(Throwable cause) {
        String message = cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
        if (cause instanceof CliException) {
            return message;
        }
        if (cause instanceof FileSystemException file) {
            return fileProblem(file);
        }
        String label = label(cause);
        if (cause instanceof RateLimitedException limited && limited.retryAfter() != null) {
            message = message + " (retry after " + limited.retryAfter().toMillis() + " ms)";
        }
        if (cause instanceof ExchangeException exchange && exchange.httpStatus() > 0
                && !message.contains(String.valueOf(exchange.httpStatus()))) {
            message = message + " [HTTP " + exchange.httpStatus() + "]";
        }
        return label + ": " + message;
    }

    /** A local file's problem in words: which file, and what is wrong with it. */
    private static String fileProblem(FileSystemException failure) {
        String file = failure.getFile() == null ? "?" : failure.getFile();
        if (failure instanceof NoSuchFileException) {
            return "no such file: " + file;
        } else if (failure instanceof AccessDeniedException) {
            return "not allowed to open " + file;
        } else if (failure instanceof FileAlreadyExistsException) {
            return "already exists: " + file;
        } else if (failure instanceof NotDirectoryException) {
            return "not a directory: " + file;
        }
        return "cannot use file " + file + (failure.getReason() == null ? "" : ": " + failure.getReason());
    }

    private static String label(Throwable cause) {
        if (cause instanceof RateLimitedException) {
            return "rate limited";
        } else if (cause instanceof NonceException) {
            return "nonce rejected";
        } else if (cause instanceof AuthenticationException) {
            return "authentication failed";
        } else if (cause instanceof PermissionDeniedException) {
            return "permission denied";
        } else if (cause instanceof NotFoundException) {
            return "not found";
        } else if (cause instanceof InsufficientFundsException) {
            return "insufficient funds";
        } else if (cause instanceof InvalidRequestException) {
            return "invalid request";
        } else if (cause instanceof RequestTimeoutException) {
            return "timed out";
        } else if (cause instanceof ExchangeUnavailableException) {
            return "venue unavailable";
        } else if (cause instanceof UnsupportedCapabilityException) {
            return "not supported";
        } else if (cause instanceof ProtocolException) {
            return "unreadable answer from the venue";
        } else if (cause instanceof ExchangeException) {
            return "venue error";
        } else if (cause instanceof IOException) {
            return "network error";
        } else if (cause instanceof IllegalArgumentException) {
            return "invalid argument";
        }
        return "unexpected " + cause.getClass().getSimpleName() + " (run with --verbose for details)";
    }

    /** The exit code of a failure; see {@link ExitCodes}. */
    public static int exitCode(Throwable cause) {
        if (cause instanceof CliException cli) {
            return cli.exitCode();
        } else if (cause instanceof FileSystemException) {
            return ExitCodes.LOCAL_FILE;
        } else if (cause instanceof RateLimitedException) {
            return ExitCodes.RATE_LIMITED;
        } else if (cause instanceof AuthenticationException || cause instanceof PermissionDeniedException
                || cause instanceof NonceException) {
            return ExitCodes.AUTHENTICATION;
        } else if (cause instanceof InsufficientFundsException) {
            return ExitCodes.INSUFFICIENT_FUNDS;
        } else if (cause instanceof NotFoundException || cause instanceof InvalidRequestException
                || cause instanceof IllegalArgumentException) {
            return ExitCodes.INVALID_REQUEST;
        } else if (cause instanceof UnsupportedCapabilityException) {
            return ExitCodes.UNSUPPORTED;
        } else if (cause instanceof ExchangeUnavailableException || cause instanceof RequestTimeoutException
                || cause instanceof ProtocolException || cause instanceof IOException) {
            return ExitCodes.UNAVAILABLE;
        }
        return ExitCodes.FAILURE;
    }
}
