package dev.wechatapi.gateway.apps;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * An app's new credentials in clear, shown to the operator once: the previous secret no longer issues tokens and
 * the previous signature token no longer signs.
 *
 * @param token the new token signatures are computed with
 */
public record RotatedSecret(
    @JsonProperty("app_id") String appId,
    @JsonProperty("app_name") String appName,
    @JsonProperty("app_secret") String appSecret,
    String token) {}
