package dev.wechatapi.simulator.internal.login;

import dev.wechatapi.simulator.internal.http.ChangeSignal;
import dev.wechatapi.simulator.internal.http.ControlFailure;
import dev.wechatapi.simulator.internal.session.Session;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.HexFormat;

/**
 * One QR code's life: waiting → scanned (by an account) → confirmed (a ticket is issued) or expired. The phone
 * side of it is driven through the control API.
 */
public final class LoginAttempt {

    public enum State {
        WAITING,
        SCANNED,
        CONFIRMED,
        EXPIRED
    }

    private static final SecureRandom RANDOM = new SecureRandom();

    private final String uuid;
    private final Instant createdAt = Instant.now();
    private final Instant expiresAt;
    private final boolean desktopMode;
    private final boolean push;
    private final ChangeSignal changes = new ChangeSignal();
    private State state = State.WAITING;
    private String accountId;
    private boolean scanReported;
    private String ticket;
    private Instant scannedAt;
    private Session session;

    LoginAttempt(String uuid, Instant expiresAt, boolean desktopMode) {
        this.uuid = uuid;
        this.expiresAt = expiresAt;
        this.desktopMode = desktopMode;
        this.push = false;
    }

    /**
     * A push login (webwxpushloginurl): the account's phone shows a confirmation prompt, so the attempt starts as
     * scanned by that account, with no scan to report to the login poll.
     */
    LoginAttempt(String uuid, Instant expiresAt, boolean desktopMode, String accountId) {
        this.uuid = uuid;
        this.expiresAt = expiresAt;
        this.desktopMode = desktopMode;
        this.push = true;
        this.state = State.SCANNED;
        this.accountId = accountId;
        this.scanReported = true;
        this.scannedAt = Instant.now();
    }

    public String uuid() {
        return uuid;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant expiresAt() {
        return expiresAt;
    }

    /** Whether the client asked for the UOS desktop variant ({@code mod=desktop} in jslogin's redirect_uri). */
    public boolean desktopMode() {
        return desktopMode;
    }

    /** Whether the phone was asked by a push login rather than shown a QR code. */
    public boolean push() {
        return push;
    }

    ChangeSignal changes() {
        return changes;
    }

    public synchronized State state() {
        if ((state == State.WAITING || state == State.SCANNED) && !Instant.now().isBefore(expiresAt)) {
            state = State.EXPIRED;
        }
        return state;
    }

    public synchronized String accountId() {
        return accountId;
    }

    public synchronized String ticket() {
        return ticket;
    }

    public synchronized Instant scannedAt() {
        return scannedAt;
    }

    /** The phone of {@code accountId} scanned the code; scanning again (another phone) starts over. */
    public void scan(String scanningAccountId) {
        synchronized (this) {
            State now = state();
            if (now == State.EXPIRED || now == State.CONFIRMED) {
                throw ControlFailure.conflict("QR code " + uuid + " is " + now.name().toLowerCase());
            }
            state = State.SCANNED;
            accountId = scanningAccountId;
            scanReported = false;
            scannedAt = Instant.now();
        }
        changes.signal();
    }

    /** The user confirmed on the phone: a ticket for webwxnewloginpage is issued. */
    public void confirm() {
        synchronized (this) {
            if (state() != State.SCANNED) {
                throw ControlFailure.conflict("QR code " + uuid + " is " + state.name().toLowerCase() + ", not scanned");
            }
            state = State.CONFIRMED;
            ticket = "A" + HexFormat.of().formatHex(randomBytes(12)) + "@qrticket_0";
        }
        changes.signal();
    }

    public void expire() {
        synchronized (this) {
            if (state() == State.CONFIRMED) {
                throw ControlFailure.conflict("QR code " + uuid + " was already confirmed");
            }
            state = State.EXPIRED;
        }
        changes.signal();
    }

    /** True once per scan: the login poll reports 201 a single time and then holds (else wechat4u spins). */
    synchronized boolean takeScanReport() {
        if (state() != State.SCANNED || scanReported) {
            return false;
        }
        scanReported = true;
        return true;
    }

    /** The session this attempt's ticket opened; a repeated webwxnewloginpage gets the same one. */
    synchronized Session session() {
        return session;
    }

    synchronized void session(Session opened) {
        session = opened;
    }

    private static byte[] randomBytes(int count) {
        byte[] bytes = new byte[count];
        RANDOM.nextBytes(bytes);
        return bytes;
    }
}
