package dev.wechatapi.session.media;

import dev.wechatapi.media.FileSystemMediaStore;
import dev.wechatapi.media.MediaStore;
import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The media store this service writes downloads and sent files into. The gateway serves the same store at
 * {@code /media/{mediaId}}, so both read {@code wechat.media.root}.
 */
@Configuration(proxyBeanMethods = false)
class MediaConfiguration {

    /**
     * Configuration under {@code wechat.media}, shared with the gateway.
     *
     * @param root the root directory of the file system store; one filesystem, so renames are atomic
     */
    @ConfigurationProperties("wechat.media")
    record MediaProperties(@DefaultValue("./data/media") Path root) {}

    @Bean
    MediaStore mediaStore(MediaProperties properties) {
        return new FileSystemMediaStore(properties.root());
    }
}
