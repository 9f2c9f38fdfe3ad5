package dev.wechatapi.session.credentials;

import dev.wechatapi.wechat.SessionCredentials;

/**
 * What a restarted service needs to carry on an app's session without a QR scan: the driver's credentials (sync
 * position included) and the account the app was bound to, so a failed resume can still say who logged out.
 */
public record SavedSession(SessionCredentials credentials, String accountPuid, String accountName) {

    /** Hides the credentials' secrets like {@link SessionCredentials#toString} does. */
    @Override
    public String toString() {
        return "SavedSession[" + credentials + ", accountPuid=" + accountPuid + "]";
    }
}
