package dev.wechatapi.session.sending;

import dev.wechatapi.session.web.ApiException;
import java.util.Set;

/**
 * What a client asked {@code /send-message} to send, read from JSON or a form.
 *
 * @param file the uploaded file of a multipart request, or null (JSON and URL-encoded forms cannot carry one)
 */
record SendMessageRequest(String type, String puid, String text, Upload file) {

    static final Set<String> TYPES = Set.of("text", "image", "file", "video");

    /** Checks the request on its own, in the order the original API reported problems. */
    SendMessageRequest validated() {
        if (type == null || !TYPES.contains(type)) {
            throw ApiException.badRequest("invalid_type", "非法的消息类型!");
        }
        if (puid == null || puid.isBlank()) {
            throw ApiException.badRequest("puid_required", "puid为必填参数！");
        }
        if (type.equals("text") && (text == null || text.isBlank())) {
            throw ApiException.badRequest("text_required", "type为text时, text为必填参数！");
        }
        if (!type.equals("text") && file == null) {
            throw ApiException.badRequest("file_required", "type不为text时, file为必填参数！");
        }
        return this;
    }

    /** Frees the uploaded file, if any; the request is over. */
    void discard() {
        if (file != null) {
            file.discard();
        }
    }
}
