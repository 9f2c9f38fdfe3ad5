package dev.wechatapi.simulator.internal.login;

import dev.wechatapi.simulator.internal.http.ControlFailure;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Every QR code handed out, by uuid. */
public final class LoginAttempts {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String ALNUM = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

    private final Duration qrLifetime;
    private final Map<String, LoginAttempt> byUuid = new ConcurrentHashMap<>();

    public LoginAttempts(Duration qrLifetime) {
        this.qrLifetime = qrLifetime;
    }

    LoginAttempt create(boolean desktopMode) {
        while (true) {
            var attempt = new LoginAttempt(newUuid(), Instant.now().plus(qrLifetime), desktopMode);
            if (byUuid.putIfAbsent(attempt.uuid(), attempt) == null) {
                return attempt;
            }
        }
    }

    /** A push login of {@code accountId}: waiting for the phone to confirm the prompt. */
    LoginAttempt createPush(String accountId, boolean desktopMode) {
        while (true) {
            var attempt = new LoginAttempt(newUuid(), Instant.now().plus(qrLifetime), desktopMode, accountId);
            if (byUuid.putIfAbsent(attempt.uuid(), attempt) == null) {
                return attempt;
            }
        }
    }

    /** The newest push login of the account still waiting for the phone's confirmation. */
    public Optional<LoginAttempt> pendingPush(String accountId) {
        return all().stream()
                .filter(attempt -> attempt.push() && accountId.equals(attempt.accountId())
                        && attempt.state() == LoginAttempt.State.SCANNED)
                .findFirst();
    }

    public Optional<LoginAttempt> find(String uuid) {
        return Optional.ofNullable(uuid).map(byUuid::get);
    }

    public LoginAttempt get(String uuid) {
        return find(uuid).orElseThrow(() -> ControlFailure.notFound("no QR code " + uuid));
    }

    /** The confirmed attempt that issued a ticket. */
    public Optional<LoginAttempt> byTicket(String ticket) {
        return ticket == null ? Optional.empty()
                : byUuid.values().stream().filter(attempt -> ticket.equals(attempt.ticket())).findFirst();
    }

    /** Newest first. */
    public List<LoginAttempt> all() {
        return byUuid.values().stream().sorted(Comparator.comparing(LoginAttempt::createdAt).reversed()).toList();
    }

    /**
     * Real uuids are 12 characters of base64 ending in {@code ==}. Letters and digits only: clients paste the
     * uuid into paths and query strings unencoded, where {@code +} and {@code /} would break.
     */
    private static String newUuid() {
        var uuid = new StringBuilder(12);
        for (int i = 0; i < 10; i++) {
            uuid.append(ALNUM.charAt(RANDOM.nextInt(ALNUM.length())));
        }
        return uuid.append("==").toString();
    }
}
