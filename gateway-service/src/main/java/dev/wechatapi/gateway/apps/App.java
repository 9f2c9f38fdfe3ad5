package dev.wechatapi.gateway.apps;

/**
 * An app (tenant) as the gateway needs it to check credentials.
 *
 * @param appId 32 lowercase hex characters
 * @param token the shared secret signatures are computed with
 */
public record App(String appId, String appName, String token, SecretHash secret) {}
