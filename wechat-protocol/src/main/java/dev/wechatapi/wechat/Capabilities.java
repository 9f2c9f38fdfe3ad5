package dev.wechatapi.wechat;

import java.util.Set;

/**
 * What a driver supports.
 *
 * <pre>{@code
 * if (driver.capabilities().supports(Capabilities.REVOKE)) session.revoke(sent);
 * }</pre>
 *
 * @param sends message kinds it can send ("text", "image", "file", "video")
 * @param receives message types it can deliver (the {@code MsgKind} names)
 * @param contacts whether it lists friends, groups and official accounts
 * @param operations what it can do beyond receiving and sending, such as {@link #REVOKE} or {@link #PUSH_LOGIN}
 */
public record Capabilities(String driver, Set<String> sends, Set<MsgKind> receives, boolean contacts, Set<String> operations) {

    /** {@link WeChatSession#revoke}: take back a sent message. */
    public static final String REVOKE = "revoke";
    /** {@link WeChatDriver#pushLogin}: log in again by a prompt on the phone instead of a QR code. */
    public static final String PUSH_LOGIN = "pushLogin";
    /** {@link WeChatDriver#resume}: carry on a saved session without logging in. */
    public static final String RESUME = "resume";

    public Capabilities {
        sends = Set.copyOf(sends);
        receives = Set.copyOf(receives);
        operations = Set.copyOf(operations);
    }

    /** A driver without optional operations. */
    public Capabilities(String driver, Set<String> sends, Set<MsgKind> receives, boolean contacts) {
        this(driver, sends, receives, contacts, Set.of());
    }

    /** Whether the driver can do {@code operation} (one of the constants here). */
    public boolean supports(String operation) {
        return operations.contains(operation);
    }
}
