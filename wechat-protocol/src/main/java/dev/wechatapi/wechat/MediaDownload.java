package dev.wechatapi.wechat;

/**
 * Bytes downloaded from WeChat: a message's picture, voice, video or file, or an avatar.
 *
 * <pre>{@code
 * MediaDownload image = session.download(message);
 * Files.write(dir.resolve(image.fileName()), image.bytes());
 * }</pre>
 *
 * @param contentType as WeChat labelled it ({@code image/jpeg}, {@code audio/mp3}, {@code video/mp4}, ...)
 * @param fileName the attachment's name, or one made of the message id and the type's extension
 * @param length the number of bytes
 */
public record MediaDownload(byte[] bytes, String contentType, String fileName, long length) {

    public MediaDownload {
        bytes = bytes.clone();
    }

    @Override
    public byte[] bytes() {
        return bytes.clone();
    }
}
