package dev.wechatapi.wechat;

import java.util.List;

/**
 * What one sync round brought.
 *
 * @param messages new messages, in WeChat's order
 * @param changedContacts contacts added or modified (full objects; groups with their members)
 * @param deletedUserNames user names of contacts that were removed
 */
public record SyncBatch(List<WeChatMessage> messages, List<WeChatContact> changedContacts, List<String> deletedUserNames) {

    public static final SyncBatch EMPTY = new SyncBatch(List.of(), List.of(), List.of());

    public SyncBatch {
        messages = List.copyOf(messages);
        changedContacts = List.copyOf(changedContacts);
        deletedUserNames = List.copyOf(deletedUserNames);
    }

    public boolean isEmpty() {
        return messages.isEmpty() && changedContacts.isEmpty() && deletedUserNames.isEmpty();
    }
}
