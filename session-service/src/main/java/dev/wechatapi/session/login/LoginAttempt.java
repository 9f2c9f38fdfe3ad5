package dev.wechatapi.session.login;

import dev.wechatapi.wechat.QrLogin;

/**
 * One QR code of an app and how far it got, as {@code /check-login} reports it. Written by the login flow's
 * thread, read by request handlers.
 */
final class LoginAttempt {

    /** The check-login status codes of the contract. */
    enum Status {
        WAITING("408"),
        SCANNED("201"),
        LOGGED_IN("200"),
        EXPIRED("400");

        private final String code;

        Status(String code) {
            this.code = code;
        }

        String code() {
            return code;
        }
    }

    private final QrLogin qr;
    private volatile Status status = Status.WAITING;
    private volatile String avatar;
    private volatile boolean cancelled;
    private volatile boolean confirming;

    LoginAttempt(QrLogin qr) {
        this.qr = qr;
    }

    QrLogin qr() {
        return qr;
    }

    String uuid() {
        return qr.uuid();
    }

    Status status() {
        return status;
    }

    String avatar() {
        return avatar;
    }

    /** Records a scan; true the first time. */
    boolean scanned(String avatarBase64) {
        if (avatarBase64 != null) {
            avatar = avatarBase64;
        }
        boolean first = status == Status.WAITING;
        if (first) {
            status = Status.SCANNED;
        }
        return first;
    }

    /** Confirmed on the phone; the session is being set up (still 201 until it is live). */
    void confirming() {
        confirming = true;
    }

    boolean isConfirming() {
        return confirming && isPending();
    }

    void loggedIn() {
        status = Status.LOGGED_IN;
    }

    /** The code expired, was refused, or could not be turned into a session: the client must start over. */
    void expired() {
        status = Status.EXPIRED;
    }

    /** Stops the login flow at its next step (a newer QR code or a logout took over). */
    void cancel() {
        cancelled = true;
        if (status != Status.LOGGED_IN) {
            status = Status.EXPIRED;
        }
    }

    boolean isCancelled() {
        return cancelled;
    }

    boolean isPending() {
        return !cancelled && (status == Status.WAITING || status == Status.SCANNED);
    }
}
