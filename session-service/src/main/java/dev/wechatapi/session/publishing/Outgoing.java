package dev.wechatapi.session.publishing;

import dev.wechatapi.events.ContactsSnapshot;
import dev.wechatapi.events.MessageEvent;
import dev.wechatapi.events.SessionStateChanged;
import dev.wechatapi.events.Topics;
import dev.wechatapi.events.WeChatEvents;
import io.cloudevents.CloudEvent;

/** One event of the contract on its way to its topic, keyed by the app it belongs to. */
public record Outgoing(String topic, String appId, CloudEvent event) {

    public static Outgoing message(MessageEvent message) {
        return new Outgoing(Topics.MESSAGES, message.appId(), WeChatEvents.messageEvent(message));
    }

    public static Outgoing contacts(ContactsSnapshot snapshot) {
        return new Outgoing(Topics.CONTACTS, snapshot.appId(), WeChatEvents.contactsSnapshot(snapshot));
    }

    public static Outgoing state(SessionStateChanged change) {
        return new Outgoing(Topics.SESSIONS, change.appId(), WeChatEvents.sessionState(change));
    }
}
