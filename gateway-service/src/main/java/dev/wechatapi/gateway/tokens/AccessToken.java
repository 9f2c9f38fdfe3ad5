package dev.wechatapi.gateway.tokens;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The answer to {@code GET /access_token}.
 *
 * @param expireIn seconds until the token expires ({@code expire_in}, the original's spelling)
 */
public record AccessToken(
    @JsonProperty("access_token") String accessToken, @JsonProperty("expire_in") long expireIn) {}
