package dev.wechatapi.wechat;

import java.util.List;

/**
 * A logged-in account. Calls block (run them on virtual threads) and each has a timeout; failures are typed
 * {@link WeChatException}s, never a crash of the caller's loop.
 */
public interface WeChatSession {

    /** The logged-in account. */
    WeChatContact self();

    /** Every contact: friends, groups (with members) and official accounts, all pages. */
    List<WeChatContact> contacts() throws WeChatException;

    /**
     * Waits for news (a long poll of up to ~25 s) and fetches it. An empty batch means nothing happened.
     *
     * @throws WeChatException.LoggedOut when WeChat ended the session
     */
    SyncBatch sync() throws WeChatException;

    /** Sends a text to a contact by its current user name. */
    SentMessage sendText(String toUserName, String text) throws WeChatException;

    /** Ends the session on WeChat's side. Never throws: a session that is already gone is logged out too. */
    void logout();
}
