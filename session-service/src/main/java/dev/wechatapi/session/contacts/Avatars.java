package dev.wechatapi.session.contacts;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The avatars of one session's contacts that are in the media store, by puid, with the {@code HeadImgUrl} each was
 * downloaded from: WeChat changes that URL when a contact changes their avatar, so an unchanged URL needs no new
 * download. Safe for the avatar pass writing while snapshots are read.
 */
public final class Avatars {

    private record Stored(String headImgUrl, String mediaId) {}

    private final Map<String, Stored> byPuid = new ConcurrentHashMap<>();

    /** The media id of this contact's avatar, or null when none is stored (yet). */
    public String mediaIdOf(String puid) {
        Stored stored = byPuid.get(puid);
        return stored == null ? null : stored.mediaId();
    }

    /** Whether the avatar behind this URL is already stored for this contact. */
    public boolean has(String puid, String headImgUrl) {
        Stored stored = byPuid.get(puid);
        return stored != null && stored.headImgUrl().equals(headImgUrl);
    }

    public void stored(String puid, String headImgUrl, String mediaId) {
        byPuid.put(puid, new Stored(headImgUrl, mediaId));
    }
}
