package dev.wechatapi.events;

/** What a contact is. The names in parentheses are the {@code type.sender/receiver} kinds of the REST API. */
public enum ContactKind {
    /** A person, including the account itself (wxusermodel). */
    FRIEND("wxusermodel"),
    /** A group chat (wxgroupmodel). */
    GROUP("wxgroupmodel"),
    /** An official account (wxmpsmodel). */
    MP("wxmpsmodel");

    private final String apiKind;

    ContactKind(String apiKind) {
        this.apiKind = apiKind;
    }

    /** The kind as the REST API names it. */
    public String apiKind() {
        return apiKind;
    }
}
