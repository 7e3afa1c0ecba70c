package io.exflux.api;

import io.exflux.api.model.Balance;
import io.exflux.api.model.Conversion;
import io.exflux.api.model.ConversionRequest;
import io.exflux.api.model.Deposit;
import io.exflux.api.model.DepositAddress;
import io.exflux.api.model.LedgerEntry;
import io.exflux.api.model.Transfer;
import io.exflux.api.model.TransferRequest;
import io.exflux.api.model.Withdrawal;
import io.exflux.api.model.WithdrawalRequest;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Account state and wallet operations over REST. Every method is cold and finite. Queries are retried on
 * transient failures (they are idempotent); movements of funds ({@link #withdraw}, {@link #transfer},
 * {@link #convert}) are never retried after an ambiguous failure, which arrives as it is (the movement may have
 * happened: look at {@link #withdrawals()} or the balances before trying again). Bad input fails before anything is
 * sent with an {@code InvalidRequestException} naming the rule. Errors: {@code AuthenticationException},
 * {@code PermissionDeniedException},
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

    /** {@code fetchDepositAddress}: the address to deposit {@code currency} to on {@code network}. One element. */
    default Mono<DepositAddress> fetchDepositAddress(String currency, String network) {
        return Unsupported.mono(this, Capability.FETCH_DEPOSIT_ADDRESS);
    }

    /**
     * {@code createDepositAddress}: a new deposit address, or the existing one where the venue hands out a new one
     * only after the last was used. One element.
     */
    default Mono<DepositAddress> createDepositAddress(String currency, String network) {
        return Unsupported.mono(this, Capability.CREATE_DEPOSIT_ADDRESS);
    }

    /** {@code withdraw}: sends funds out; the answer is the pending withdrawal with the venue's id. Never retried. */
    default Mono<Withdrawal> withdraw(WithdrawalRequest request) {
        return Unsupported.mono(this, Capability.WITHDRAW);
    }

    /** {@code transfer}: moves funds to another account of the venue. Never retried. */
    default Mono<Transfer> transfer(TransferRequest request) {
        return Unsupported.mono(this, Capability.TRANSFER);
    }

    /** {@code convert}: exchanges one currency for another at the venue's rate. Never retried. */
    default Mono<Conversion> convert(ConversionRequest request) {
        return Unsupported.mono(this, Capability.CONVERT);
    }
}
