package dev.wechatapi.session.sync;

import dev.wechatapi.events.MessageContent;
import dev.wechatapi.events.MessageEvent;
import dev.wechatapi.events.MessageType;
import dev.wechatapi.media.StoredMedia;
import dev.wechatapi.session.SessionProperties;
import dev.wechatapi.session.media.MediaDownloads;
import dev.wechatapi.wechat.MessageDetail;
import dev.wechatapi.wechat.WeChatMessage;
import dev.wechatapi.wechat.WeChatSession;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Puts the media of a batch's picture, sticker, voice, video and file messages into the media store before their
 * events are published, and gives the events their media ids. The batch's downloads run in parallel within one
 * deadline; a message whose medium is too big, unavailable or late is published without a media id, never held back.
 */
@Component
public class MessageMedia {

    private static final Logger log = LoggerFactory.getLogger(MessageMedia.class);
    private static final Set<MessageType> WITH_MEDIA =
            Set.of(MessageType.Picture, MessageType.Recording, MessageType.Video, MessageType.Attachment);

    private final MediaDownloads downloads;
    private final SessionProperties.Media settings;

    public MessageMedia(MediaDownloads downloads, SessionProperties properties) {
        this.downloads = downloads;
        this.settings = properties.media();
    }

    /** A synced message and the event it became. */
    record Synced(WeChatMessage message, MessageEvent event) {}

    /** A download's key: its place in the batch, named by message id in the logs. */
    private record Place(int index, String msgId) {
        @Override
        public String toString() {
            return "of message " + msgId;
        }
    }

    /** The events of the batch in order, those whose media were stored with their media ids. */
    List<MessageEvent> attach(String appId, WeChatSession weChat, List<Synced> batch) throws InterruptedException {
        Map<Place, MediaDownloads.Download> wanted = new LinkedHashMap<>();
        for (int i = 0; i < batch.size(); i++) {
            Synced synced = batch.get(i);
            if (!WITH_MEDIA.contains(synced.event().type())) {
                continue;
            }
            long announced = announcedSize(synced.message());
            if (announced > downloads.maxSize()) {
                log.warn("app {}: message {} announces {} bytes, more than the {} kept; published without media",
                        appId, synced.message().msgId(), announced, downloads.maxSize());
                continue;
            }
            wanted.put(new Place(i, synced.message().msgId()), () -> weChat.download(synced.message()));
        }
        Map<Place, StoredMedia> stored = wanted.isEmpty() ? Map.of()
                : downloads.fetchAll(appId, wanted, settings.downloadConcurrency(), settings.downloadTimeout());
        List<MessageEvent> events = new ArrayList<>(batch.size());
        for (int i = 0; i < batch.size(); i++) {
            MessageEvent event = batch.get(i).event();
            StoredMedia media = stored.get(new Place(i, batch.get(i).message().msgId()));
            events.add(media == null ? event : withMedia(event, media));
        }
        return events;
    }

    // Checked before downloading, so an announced 2 GB video is never fetched at all.
    private static long announcedSize(WeChatMessage m) {
        return switch (m.detail()) {
            case MessageDetail.Image image -> image.length();
            case MessageDetail.Voice voice -> voice.length();
            case MessageDetail.Video video -> video.length();
            case MessageDetail.Emoticon emoticon -> emoticon.length();
            case MessageDetail.File file -> file.fileSize();
            case null, default -> m.fileSize();
        };
    }

    private static MessageEvent withMedia(MessageEvent e, StoredMedia media) {
        MessageContent c = e.content();
        // A file message already names its attachment; the download names the others (msgId + extension).
        String fileName = c.fileName() != null && !c.fileName().isEmpty() ? c.fileName() : media.fileName();
        MessageContent content = new MessageContent(c.text(), c.url(), c.x(), c.y(), c.scale(), c.label(),
                c.mapType(), c.poiName(), c.poiId(), media.mediaId(), c.imgHeight(), c.imgWidth(), c.voiceLength(),
                media.size(), fileName, c.playLength(), c.card());
        return new MessageEvent(e.appId(), e.msgId(), e.direction(), e.type(), e.rawMsgType(), e.sender(),
                e.receiver(), e.member(), e.memberName(), e.isAt(), content, e.createTime(), e.receiveTime());
    }
}
