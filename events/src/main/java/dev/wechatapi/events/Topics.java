package dev.wechatapi.events;

/**
 * Kafka topics of the event contract. Every record on them is a CloudEvent (Kafka binary binding) whose
 * record key is the app id, so all events of one account land on one partition, in order.
 */
public final class Topics {

    /** Messages received and sent: {@link EventTypes#MESSAGE_RECEIVED}, {@link EventTypes#MESSAGE_SENT}. */
    public static final String MESSAGES = "wechat.messages";

    /** Contact lists of an account: {@link EventTypes#CONTACTS_SNAPSHOT}. */
    public static final String CONTACTS = "wechat.contacts";

    /**
     * The largest record {@link #CONTACTS} accepts (its {@code max.message.bytes}): a snapshot is one record per
     * account, and large accounts need more than the broker's 1 MB default. Whoever creates the topic sets it.
     */
    public static final int CONTACTS_MAX_RECORD_BYTES = 16 * 1024 * 1024;

    /** Session lifecycle: {@link EventTypes#SESSION_STATE}. */
    public static final String SESSIONS = "wechat.sessions";

    private Topics() {}
}
