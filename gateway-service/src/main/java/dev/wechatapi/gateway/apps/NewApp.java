package dev.wechatapi.gateway.apps;

/**
 * A freshly registered app with its secret in clear, the only time the secret exists outside the client.
 *
 * @param tokenGenerated whether the signature token was generated rather than chosen by the operator
 */
public record NewApp(String appId, String appName, String appSecret, String token, boolean tokenGenerated) {}
