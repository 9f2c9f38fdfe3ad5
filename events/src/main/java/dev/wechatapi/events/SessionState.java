package dev.wechatapi.events;

/** Lifecycle of one app's WeChat session. */
public enum SessionState {
    /** A QR code was issued and nobody has scanned it yet. */
    WAITING_FOR_SCAN,
    /** Scanned on the phone, not yet confirmed. */
    SCANNED,
    /** Logged in; the sync loop runs. */
    LOGGED_IN,
    /** The QR code expired before it was confirmed. */
    QR_EXPIRED,
    /** The session ended (logout, kicked out, or credentials no longer valid). */
    LOGGED_OUT
}
