package dev.wechatapi.events;

/**
 * The type-specific fields of a message; fields a type does not have are null. Media are referenced by their
 * media store id, never inlined.
 */
public record MessageContent(
        String text,
        String url,
        Double x,
        Double y,
        Integer scale,
        String label,
        String mapType,
        String poiName,
        String poiId,
        String mediaId,
        Integer imgHeight,
        Integer imgWidth,
        Integer voiceLength,
        Long fileSize,
        String fileName,
        Integer playLength,
        Card card) {

    /** Content of a plain text message. */
    public static MessageContent text(String text) {
        return new MessageContent(text, null, null, null, null, null, null, null, null, null, null, null, null, null,
                null, null, null);
    }

    /** The person a contact-card message recommends. */
    public record Card(
            String userName,
            String nickName,
            String alias,
            String province,
            String city,
            String signature,
            int sex,
            String avatar) {}
}
