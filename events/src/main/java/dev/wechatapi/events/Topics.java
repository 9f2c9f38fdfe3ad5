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
     * account, and large accounts need more than the broker's 1 MB default (5,000 friends and 500 groups of 500
     * members make about 64 MB of JSON). 96 MB stays below the broker's default {@code socket.request.max.bytes}
     * (100 MB). Whoever creates the topic sets it; a bigger snapshot is not published (the session still runs).
     */
    public static final int CONTACTS_MAX_RECORD_BYTES = 96 * 1024 * 1024;

    /** Session lifecycle: {@link EventTypes#SESSION_STATE}. */
    public static final String SESSIONS = "wechat.sessions";

    private Topics() {}
}
