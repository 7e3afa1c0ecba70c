package io.exflux.reactive.venue.alp.model;

import com.fasterxml.jackson.annotation.JsonProperty;

/** {@code GET /accounts/accounts}: an account; {@code parentId} is set for sub-accounts only, else {@code null}. */
public record AlpAccount(
        @JsonProperty("id") long id,
        @JsonProperty("email") String email,
        @JsonProperty("name") String name,
        @JsonProperty("parent_id") Long parentId) {
}
