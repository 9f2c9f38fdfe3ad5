package dev.wechatapi.session.credentials;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The key of the saved sessions, under {@code wechat.session}; the README has the reference table. Kept apart from
 * {@code SessionProperties} because it is a secret and usually comes from the environment.
 *
 * @param credentialsKey base64 of a 32-byte AES key; unset means sessions are not saved and do not survive a restart
 */
@ConfigurationProperties("wechat.session")
public record CredentialsProperties(String credentialsKey) {}
