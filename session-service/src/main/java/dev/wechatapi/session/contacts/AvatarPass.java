package dev.wechatapi.session.contacts;

import dev.wechatapi.media.StoredMedia;
import dev.wechatapi.session.SessionProperties;
import dev.wechatapi.session.VirtualThreads;
import dev.wechatapi.session.media.MediaDownloads;
import dev.wechatapi.session.publishing.EventPublisher;
import dev.wechatapi.session.publishing.Outgoing;
import dev.wechatapi.session.sync.LiveSession;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Downloads the avatars of a session's account, friends, groups and official accounts into the media store, in the
 * background, and then publishes a second {@code ContactsSnapshot} that carries their media ids. The first snapshot
 * of a login or an {@code /update} never waits for avatars: a big account has thousands, which take minutes.
 * Avatars already stored from the same {@code HeadImgUrl} are not downloaded again; failures are skipped.
 *
 * <pre>{@code
 * avatars.start(live);   // returns at once
 * }</pre>
 */
@Component
public class AvatarPass {

    private static final Logger log = LoggerFactory.getLogger(AvatarPass.class);

    private final MediaDownloads downloads;
    private final EventPublisher publisher;
    private final VirtualThreads threads;
    private final SessionProperties.Media settings;
    private final Clock clock;

    AvatarPass(MediaDownloads downloads, EventPublisher publisher, VirtualThreads threads,
            SessionProperties properties, Clock clock) {
        this.downloads = downloads;
        this.publisher = publisher;
        this.threads = threads;
        this.settings = properties.media();
        this.clock = clock;
    }

    /** Starts a pass over the session's current contacts on its own virtual thread. */
    public void start(LiveSession live) {
        threads.start("avatars-" + live.appId(), () -> {
            try {
                run(live);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (RuntimeException e) {
                log.error("avatar pass of app {} failed", live.appId(), e);
            }
        });
    }

    private void run(LiveSession live) throws InterruptedException {
        ContactBook book = live.book();
        List<ContactBook.Entry> entries = new ArrayList<>();
        entries.add(book.self());
        entries.addAll(book.contacts());
        Map<String, String> urls = new LinkedHashMap<>();
        Map<String, MediaDownloads.Download> missing = new LinkedHashMap<>();
        for (ContactBook.Entry entry : entries) {
            String url = entry.contact().headImgUrl();
            if (url != null && !url.isEmpty() && !live.avatars().has(entry.puid(), url)) {
                urls.put(entry.puid(), url);
                missing.put(entry.puid(), () -> live.weChat().downloadAvatar(entry.contact()));
            }
        }
        if (missing.isEmpty() || live.isEnded()) {
            return;
        }
        Map<String, StoredMedia> stored = downloads.fetchAll(live.appId(), missing,
                settings.avatarConcurrency(), settings.avatarTimeout());
        stored.forEach((puid, media) -> live.avatars().stored(puid, urls.get(puid), media.mediaId()));
        log.info("app {}: {} of {} avatars stored", live.appId(), stored.size(), missing.size());
        if (!stored.isEmpty() && !live.isEnded()) {
            publisher.publishAll(List.of(Outgoing.contacts(
                    live.book().snapshot(live.appId(), clock.instant(), live.avatars()))), () -> !live.isEnded());
        }
    }
}
