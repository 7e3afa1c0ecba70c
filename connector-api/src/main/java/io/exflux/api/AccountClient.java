package io.exflux.api;

import io.exflux.api.model.Balance;
import io.exflux.api.model.Deposit;
import io.exflux.api.model.LedgerEntry;
import io.exflux.api.model.Withdrawal;
import reactor.core.publisher.Flux;

/**
 * Account state over REST. Every method is cold and finite; retried on transient failures (these
 * calls are idempotent). Errors: {@code AuthenticationException}, {@code PermissionDeniedException},
 * {@code RateLimitedException}, {@code ExchangeUnavailableException}, {@code RequestTimeoutException},
 * {@code ProtocolException} (an answer that could not be read), {@code UnsupportedCapabilityException}.
 */
public interface AccountClient extends Venue {

    /** Every wallet's holdings. */
    default Flux<Balance> balances() {
        return Unsupported.flux(this, Capability.BALANCES);
    }

    /** Recent deposits. */
    default Flux<Deposit> deposits() {
        return Unsupported.flux(this, Capability.DEPOSITS);
    }

    /** Recent withdrawals. */
    default Flux<Withdrawal> withdrawals() {
        return Unsupported.flux(this, Capability.WITHDRAWALS);
    }

    /** Recent movements of funds, newest first, at most {@code limit}. */
    default Flux<LedgerEntry> ledger(int limit) {
        return Unsupported.flux(this, Capability.LEDGER);
    }
}
