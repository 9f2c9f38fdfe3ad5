package dev.wechatapi.session.credentials;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The key of the saved sessions, under {@code wechat.session}; the README has the reference table. Kept apart from
 * {@code SessionProperties} because it is a secret and usually comes from the environment.
 *
 * @param credentialsKey base64 of a 32-byte AES key; unset means sessions are not saved and do not survive a restart
 * @param credentialsSaveInterval how often at most a session whose only change is its position in the message stream
 *     is saved again (any other change is saved at once); a session resumed elsewhere replays at most this much,
 *     which the archive takes idempotently. 0 saves after every sync round.
 */
@ConfigurationProperties("wechat.session")
public record CredentialsProperties(String credentialsKey, @DefaultValue("5s") Duration credentialsSaveInterval) {

    public CredentialsProperties {
        if (credentialsSaveInterval.isNegative()) {
            throw new IllegalArgumentException("wechat.session.credentials-save-interval must not be negative");
        }
    }
}
