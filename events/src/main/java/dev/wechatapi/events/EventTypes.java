package dev.wechatapi.events;

/**
 * CloudEvents {@code type} values. The suffix is the payload version: an incompatible payload change gets a
 * new type ({@code .v2}), never a silent edit of an existing one.
 */
public final class EventTypes {

    /** A message arrived at the account. Payload: {@link MessageEvent}. */
    public static final String MESSAGE_RECEIVED = "wechat.message.received.v1";

    /** The account sent a message (through this system or from another device). Payload: {@link MessageEvent}. */
    public static final String MESSAGE_SENT = "wechat.message.sent.v1";

    /** The full contact list of the account after login or a refresh. Payload: {@link ContactsSnapshot}. */
    public static final String CONTACTS_SNAPSHOT = "wechat.contacts.snapshot.v1";

    /** The session changed state (waiting for scan, logged in, logged out...). Payload: {@link SessionStateChanged}. */
    public static final String SESSION_STATE = "wechat.session.state.v1";

    /** CloudEvents {@code source} of everything the session service publishes. */
    public static final String SESSION_SERVICE_SOURCE = "urn:wechat-api:session-service";

    /** CloudEvents extension attribute carrying the app id (also the record key and the {@code subject}). */
    public static final String APP_ID_EXTENSION = "appid";

    private EventTypes() {}
}
