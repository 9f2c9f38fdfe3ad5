package dev.wechatapi.simulator.internal.accounts;

/**
 * Someone an account knows, with the fields that survive a new login. The per-login {@code UserName} is not
 * here: sessions hand those out, fresh every time, keyed by {@link #key()}.
 *
 * @param key stable id inside the simulator ("self", "f3", "s12", "mp1", "filehelper")
 * @param wxid the account's internal id, revealed to clients only in status-notify messages
 * @param uin the real uin; WeChat reveals it for the logged-in account only, 0 for everyone else
 */
public record Contact(
        String key,
        Kind kind,
        String nickName,
        String remarkName,
        int sex,
        String province,
        String city,
        String signature,
        String alias,
        String wxid,
        int verifyFlag,
        long uin) {

    public enum Kind {
        SELF,
        FRIEND,
        /** A group member who is not a friend of the account. */
        STRANGER,
        OFFICIAL,
        /** Built-in accounts such as filehelper, whose user name is a fixed word rather than an {@code @} id. */
        SPECIAL
    }

    public boolean hasFixedUserName() {
        return kind == Kind.SPECIAL;
    }
}
